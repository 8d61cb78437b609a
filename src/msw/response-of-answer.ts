/**
 * The engine's answer as a web-standard `Response`, with the bytes and headers the HTTP server
 * sends: the same default content type, no body for HEAD or a null-body status, and a stream's
 * pages as a ReadableStream that breaks off (errors) where the server breaks the connection off.
 */
import type { EngineAnswer } from '../engine/engine-request.js';

/** What the Node door sends when an answer names no content type. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** Statuses whose response has no body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * Called once the response is done: read to its end, broken off, or cancelled by the client.
 * `complete` is false when it did not reach its end.
 */
export type OnDone = (complete: boolean) => Promise<void>;

function pagesStream(pages: AsyncIterable<string>, onDone: OnDone): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    // One page per pull: a client that stops reading stops the making of pages, as the socket's
    // back-pressure does for the HTTP server.
    async pull(controller) {
      let next: IteratorResult<string>;
      try {
        next = await iterator.next();
      } catch (error) {
        await onDone(false);
        controller.error(error);
        return;
      }
      if (next.done === true) {
        await onDone(true);
        controller.close();
      } else if (next.value !== '') controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
      await onDone(false);
    },
  });
}

/**
 * The Response of an answer to a request made with `method`.
 *
 * @example
 * const response = responseOf(await engine.answer(request), 'GET', async () => undefined);
 */
export function responseOf(answer: EngineAnswer, method: string, onDone: OnDone): Response {
  const headers = new Headers(answer.headers);
  if (answer.pages === undefined && !headers.has('content-type')) headers.set('content-type', JSON_TYPE);
  const init = { status: answer.status, headers };
  if (method.toUpperCase() === 'HEAD' || NULL_BODY.has(answer.status)) {
    void answer.pages?.[Symbol.asyncIterator]().return?.();
    return new Response(null, init);
  }
  if (answer.pages !== undefined) return new Response(pagesStream(answer.pages, onDone), init);
  // A view over exactly the answer's bytes (a Uint8Array may be a window on a larger buffer).
  const body = typeof answer.body === 'string' ? answer.body : answer.body.slice();
  return new Response(body, init);
}
