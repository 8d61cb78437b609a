/**
 * An early 413 from the declared `Content-Length`. Without it a body larger than any route
 * reads is still read to the end before the answer (body-parser drains what it refuses), so a
 * client declaring 10 MB holds the connection while it trickles them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gongError } from '../gong/gong-result.js';
import { requestIdFor } from '../gong/request-id.js';
import { unifiedError } from '../unified/unified-error.js';
import { MAX_GONG_BODY_BYTES } from './gong-routes.js';
import { sendJson } from './send.js';

/** The largest body any route reads: Gong's stats request. */
export const MAX_BODY_BYTES = MAX_GONG_BODY_BYTES;

/**
 * Answers 413 (in the shape of the API the path belongs to) and returns true when the request
 * declares a body larger than MAX_BODY_BYTES; the connection is closed after the answer rather
 * than the body read. Returns false and sends nothing otherwise.
 */
export function refuseDeclaredTooLarge(req: IncomingMessage, res: ServerResponse): boolean {
  const declared = req.headers['content-length'];
  if (declared === undefined || !(Number(declared) > MAX_BODY_BYTES)) return false;
  const close = { connection: 'close' };
  if ((req.url ?? '').startsWith('/gong/')) {
    const errors = [`The request body is larger than ${MAX_BODY_BYTES} bytes`];
    const error = gongError(413, requestIdFor('error', '413', errors.join('|')), errors, close);
    sendJson(res, error.status, error.headers, error.body);
  } else {
    const error = unifiedError(
      413,
      `The request body declares ${declared} bytes; the mock reads at most ${MAX_BODY_BYTES}`,
      {},
      close,
    );
    sendJson(res, error.status, error.headers, error.body);
  }
  return true;
}
