/**
 * Reading a request body in Node, decoded of its Content-Encoding (gzip, deflate, br), at most
 * `maxBytes` of it: the body reader a Node door hands the engine.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { BodyTooLargeError, type BodyReader } from '../engine/engine-request.js';

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return req;
    case 'gzip':
      return req.pipe(createGunzip());
    case 'deflate':
      return req.pipe(createInflate());
    case 'br':
      return req.pipe(createBrotliDecompress());
    default:
      throw new Error(`unsupported content encoding "${encoding}"`);
  }
}

/**
 * The body reader of a Node request.
 *
 * @example
 * await engine.answer({ method: req.method, url: req.url, headers: req.headers, body: bodyReader(req) });
 */
export function bodyReader(req: IncomingMessage): BodyReader {
  return (maxBytes) =>
    new Promise<Uint8Array>((resolve, reject) => {
      let stream: Readable;
      try {
        stream = decoded(req);
      } catch (error) {
        req.resume();
        reject(error as Error);
        return;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      const fail = (error: Error) => {
        stream.removeAllListeners('data');
        // Read what is left, so the answer can be sent on a connection still in order.
        req.resume();
        reject(error);
      };
      stream.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > maxBytes) fail(new BodyTooLargeError(`the body is larger than ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      stream.once('error', fail);
      stream.once('end', () => resolve(Buffer.concat(chunks, length)));
    });
}
