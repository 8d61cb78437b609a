/**
 * Sending answers: serialized once, with an exact Content-Length; and NDJSON streams written
 * page by page, waiting for the socket to drain and stopping when the client goes away.
 */
import type { Response } from 'express';
import type { Interaction } from '../schema-types.js';

/** Sends a JSON answer. */
export function sendJson(res: Response, status: number, headers: Record<string, string>, body: unknown): void {
  sendJsonBytes(res, status, headers, Buffer.from(JSON.stringify(body)));
}

/** Sends JSON that is already serialized (a cached page). */
export function sendJsonBytes(res: Response, status: number, headers: Record<string, string>, bytes: Buffer): void {
  res.statusCode = status;
  for (const name in headers) res.setHeader(name, headers[name] as string);
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', bytes.length);
  (res.locals as SentLocals).sentBody = bytes;
  res.end(bytes);
}

/** What the response validator reads back after an answer was sent. */
export interface SentLocals {
  sentBody?: Buffer;
  /** Set by the validator before the handler runs: keep a copy of streamed bodies too. */
  captureStream?: boolean;
}

function drained(res: Response): Promise<void> {
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
  res: Response,
  headers: Record<string, string>,
  pages: Iterable<Interaction[]>,
): Promise<void> {
  res.status(200);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.flushHeaders();
  const locals = res.locals as SentLocals;
  const captured: string[] = [];
  for (const records of pages) {
    if (res.destroyed || res.writableEnded) return;
    let chunk = '';
    for (const record of records) chunk += `${JSON.stringify(record)}\n`;
    if (locals.captureStream === true) captured.push(chunk);
    if (chunk !== '' && !res.write(chunk)) await drained(res);
    // Let other requests run between pages of a long stream.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (locals.captureStream === true) locals.sentBody = Buffer.from(captured.join(''));
  if (!res.destroyed) res.end();
}
