/**
 * A wire fault as a fetch Response, as near as MSW lets a handler come to a broken connection:
 * no socket, so no RST or FIN, but the same failure at the client. `empty-response` is
 * `Response.error()` (fetch rejects with a TypeError); `connection-reset` and `truncated-body`
 * send the head and part of the body, then error the body (reading it rejects); `slow-body`
 * dribbles the body; `no-response` waits until the client gives up (its signal) or the bound
 * passes, then fails as `empty-response` does. MSW's `HttpResponse.error()` is that same call,
 * but importing it loads all of `msw` (GraphQL's parser included, about 80 ms) in every test
 * file that uses the handlers; `Response.error()` needs nothing.
 */
import type { EngineAnswer } from '../engine/engine-request.js';
import { SLOW_BODY_PIECES, type WireFault } from '../faults/wire-fault.js';

const encoder = new TextEncoder();
const JSON_TYPE = 'application/json; charset=utf-8';

/** The body's bytes: a whole body, or every page of a stream (its first only, when `firstOnly`). */
async function bytesOf(answer: EngineAnswer, firstOnly: boolean): Promise<Uint8Array> {
  if (answer.pages === undefined)
    return typeof answer.body === 'string' ? encoder.encode(answer.body) : answer.body.slice();
  let text = '';
  for await (const page of answer.pages) {
    text += page;
    if (firstOnly) break;
  }
  return encoder.encode(text);
}

function headersOf(answer: EngineAnswer): Headers {
  const headers = new Headers(answer.headers);
  if (answer.pages === undefined && !headers.has('content-type')) headers.set('content-type', JSON_TYPE);
  return headers;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * The Response that fails as `fault` says, for `answer` to a request whose signal is `signal`.
 *
 * @example
 * if (answered.wire !== undefined) return wireResponse(answered, answered.wire, request.signal);
 */
export async function wireResponse(answer: EngineAnswer, fault: WireFault, signal: AbortSignal): Promise<Response> {
  const init = { status: answer.status, headers: headersOf(answer) };
  switch (fault.kind) {
    case 'empty-response':
      void answer.pages?.[Symbol.asyncIterator]().return?.();
      return Response.error();
    case 'no-response':
      void answer.pages?.[Symbol.asyncIterator]().return?.();
      await wait(fault.durationMs, signal);
      return Response.error();
    case 'connection-reset':
    case 'truncated-body': {
      const body = await bytesOf(answer, true);
      const part = answer.pages === undefined ? body.subarray(0, Math.floor(body.length / 2)) : body;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          if (part.length > 0) controller.enqueue(part);
        },
        pull(controller) {
          controller.error(new TypeError(`interactions-kit: ${fault.kind}`));
        },
      });
      return new Response(stream, init);
    }
    case 'slow-body': {
      const body = await bytesOf(answer, false);
      const size = Math.ceil(body.length / SLOW_BODY_PIECES);
      let piece = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await wait(fault.durationMs / SLOW_BODY_PIECES, signal);
          const chunk = body.subarray(piece * size, (piece + 1) * size);
          piece++;
          if (chunk.length > 0) controller.enqueue(chunk);
          if (piece >= SLOW_BODY_PIECES) controller.close();
        },
      });
      return new Response(stream, init);
    }
  }
}
