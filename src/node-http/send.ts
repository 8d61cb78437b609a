/**
 * Sending answers over node:http: bytes at once with an exact Content-Length; NDJSON streams
 * written page by page, waiting for the socket to drain and stopping when the client goes away.
 */
import type { ServerResponse } from 'node:http';

/** Sends a whole body: text or bytes, with its exact length. */
export function sendBytes(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Uint8Array | string,
): void {
  res.statusCode = status;
  for (const name in headers) res.setHeader(name, headers[name] as string);
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  res.end(body);
}

/** Sends a JSON value. */
export function sendJson(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  sendBytes(res, status, headers, JSON.stringify(body));
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

/**
 * Writes a stream's chunks; resolves when done or when the client left. A chunk source that
 * throws (a later page failed) breaks the response off: the status was sent long ago, and a
 * broken connection is the only honest signal left. `capture` receives every chunk written.
 */
export async function sendStream(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  chunks: Iterable<string> | AsyncIterable<string>,
  capture?: (chunk: string) => void,
): Promise<void> {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.flushHeaders();
  try {
    for await (const chunk of chunks) {
      if (res.destroyed || res.writableEnded) return;
      capture?.(chunk);
      if (chunk !== '' && !res.write(chunk)) await drained(res);
      // Let other requests run between pages of a long stream.
      await new Promise((resolve) => setImmediate(resolve));
      // A client gone while we waited gets no further page made for it.
      if (res.destroyed) return;
    }
  } catch (error) {
    res.destroy(error as Error);
    return;
  }
  if (!res.destroyed) res.end();
}
