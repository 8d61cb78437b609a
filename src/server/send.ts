/**
 * Sending answers: serialized once, with an exact Content-Length; and NDJSON streams written
 * page by page, waiting for the socket to drain and stopping when the client goes away.
 */
import type { ServerResponse } from 'node:http';
import type { Interaction } from '../schema-types.js';
import { interactionLines } from '../unified/interaction-json.js';

/** Express keeps per-response data in `res.locals`; a bare node response has none. */
function localsOf(res: ServerResponse): SentLocals {
  return (res as ServerResponse & { locals?: SentLocals }).locals ?? {};
}

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  sendJsonBytes(res, status, headers, JSON.stringify(body));
}

/** Sends JSON that is already serialized: text, or the bytes of a cached page. */
export function sendJsonBytes(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  bytes: Buffer | string,
  locals: SentLocals = localsOf(res),
): void {
  res.statusCode = status;
  for (const name in headers) res.setHeader(name, headers[name] as string);
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length);
  locals.sentBody = bytes;
  res.end(bytes);
}

/** What the response validator reads back after an answer was sent. */
export interface SentLocals {
  sentBody?: Buffer | string;
  /** Set by the validator before the handler runs: keep a copy of streamed bodies too. */
  captureStream?: boolean;
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes every page's records as NDJSON lines; resolves when done or when the client left. */
export async function sendNdjson(
  res: ServerResponse,
  headers: Record<string, string>,
  pages: Iterable<Interaction[]> | AsyncIterable<Interaction[]>,
  locals: SentLocals = localsOf(res),
): Promise<void> {
  res.statusCode = 200;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.flushHeaders();
  const captured: string[] = [];
  try {
    await writePages(res, pages, locals, captured);
  } catch (error) {
    // The status was sent long ago: breaking the connection is the only honest signal left.
    res.destroy(error as Error);
    return;
  }
  if (locals.captureStream === true) locals.sentBody = Buffer.from(captured.join(''));
  if (!res.destroyed) res.end();
}

async function writePages(
  res: ServerResponse,
  pages: Iterable<Interaction[]> | AsyncIterable<Interaction[]>,
  locals: SentLocals,
  captured: string[],
): Promise<void> {
  for await (const records of pages) {
    if (res.destroyed || res.writableEnded) return;
    const chunk = interactionLines(records);
    if (locals.captureStream === true) captured.push(chunk);
    if (chunk !== '' && !res.write(chunk)) await drained(res);
    // Let other requests run between pages of a long stream.
    await new Promise((resolve) => setImmediate(resolve));
    // A client gone while we waited gets no further page made for it.
    if (res.destroyed) return;
  }
}
