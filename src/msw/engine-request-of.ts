/**
 * A web-standard `Request` (what MSW hands a handler, in Node and in the browser) as the
 * engine's request: path and query as sent, headers by lower-case name, the Content-Length an
 * HTTP client would send, and a body reader that decodes the Content-Encoding and stops past
 * the engine's limit, as the Node door's does.
 */
import { BodyTooLargeError, type BodyReader, type EngineRequest } from '../engine/engine-request.js';

/** Encodings a web runtime can decode with `DecompressionStream`; `br` is not one of them. */
const DECODABLE = new Set(['gzip', 'deflate']);

function decoded(body: ReadableStream<Uint8Array>, contentEncoding: string | null): ReadableStream<Uint8Array> {
  const encoding = (contentEncoding ?? 'identity').toLowerCase();
  if (encoding === 'identity') return body;
  if (!DECODABLE.has(encoding)) throw new Error(`unsupported content encoding "${encoding}"`);
  return body.pipeThrough(new DecompressionStream(encoding as 'gzip' | 'deflate'));
}

/**
 * The body reader of a request body (as sent, encoded): the decoded bytes, at most `maxBytes`.
 *
 * @example
 * await bodyReaderOf(new Blob(['{}']).stream(), null)(65536);
 */
export function bodyReaderOf(body: ReadableStream<Uint8Array>, contentEncoding: string | null): BodyReader {
  return async (maxBytes) => {
    const reader = decoded(body, contentEncoding).getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > maxBytes) {
        await reader.cancel();
        throw new BodyTooLargeError(`the body is larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  };
}

/**
 * The engine's request for a fetch Request whose URL starts with `base` (an origin, or a Gong
 * base URL with a path), answered as if it had come to `mount` on the mock's own origin. A
 * browser's fetch never shows its `Host`; the URL's host stands in for it.
 *
 * @example
 * await engineRequestOf(request, 'https://us-55616.api.gong.io', '/gong/62f44730-dd91-461e-bd6a-aedd9e0ad79d');
 */
export async function engineRequestOf(request: Request, base: string, mount = ''): Promise<EngineRequest> {
  const url = new URL(request.url);
  // Path and query as the client sent them: the href keeps an empty `?`, which `search` drops.
  const sent = url.href.slice(0, url.href.length - url.hash.length);
  // The handlers match `${base}/*`, so what follows the base is empty or starts with `/`.
  const path = sent.slice(base.length);
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  let body = request.body;
  // A fetch Request carries no framing header (the transport adds it), and the engine reads a
  // body only when one is framed, as HTTP says. An HTTP client sends a body it holds whole with
  // its Content-Length, so the door does the same: the body is the caller's own memory already.
  if (body !== null && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    headers['content-length'] = String(bytes.length);
    body = new Blob([bytes]).stream();
  }
  return {
    method: request.method,
    url: `${mount}${path}` || '/',
    headers,
    ...(body === null ? {} : { body: bodyReaderOf(body, request.headers.get('content-encoding')) }),
  };
}
