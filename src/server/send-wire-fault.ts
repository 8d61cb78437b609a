/**
 * Carrying out a wire fault on a Node response: the socket tricks only a door that owns the
 * socket can play. Each one ends with the socket gone, or handed back untouched once the body
 * is whole (`slow-body`), so no fault leaves a descriptor behind.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EngineAnswer } from '../engine/engine-request.js';
import { SLOW_BODY_PIECES, type WireFault } from '../faults/wire-fault.js';

const encoder = new TextEncoder();

/**
 * How long the RST of `connection-reset` waits after the bytes before it, ms, counted from the
 * end of the event loop's turn that wrote them. A reset that overtakes the client's read of them
 * is reported differently by the client's runtime (libuv reads the data, sees the hang-up in the
 * same poll, and reports an end, not ECONNRESET); the wait lets the client read first, so every
 * run sees the same failure.
 */
export const RESET_AFTER_MS = 50;

function bodyOf(answer: EngineAnswer): Uint8Array {
  return typeof answer.body === 'string' ? encoder.encode(answer.body) : answer.body;
}

/** Headers of a whole body: the answer's, its JSON type unless it names one, its true length. */
function fixedHeaders(answer: EngineAnswer, length: number): Record<string, string | number> {
  const headers: Record<string, string | number> = { ...answer.headers };
  if (!('content-type' in headers)) headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = length;
  return headers;
}

/** A stream's first page, its other pages closed unmade. */
async function firstPage(pages: AsyncIterable<string>): Promise<string> {
  const iterator = pages[Symbol.asyncIterator]();
  try {
    const first = await iterator.next();
    return first.done === true ? '' : first.value;
  } finally {
    await iterator.return?.();
  }
}

/** Every page of a stream, joined; throws what the pages throw. */
async function allPages(pages: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const page of pages) text += page;
  return text;
}

/**
 * Sends the headers and part of the body (half of a whole body; a stream's first page, framed
 * as a chunk), then breaks the connection: `reset` with an RST, else with a plain close, so the
 * body is shorter than its Content-Length says or a chunked body lacks its last chunk.
 */
async function sendPart(res: ServerResponse, socket: Socket, answer: EngineAnswer, reset: boolean): Promise<void> {
  const breakOff = () =>
    reset ? setImmediate(() => setTimeout(() => socket.resetAndDestroy(), RESET_AFTER_MS)) : socket.destroySoon();
  let part: Uint8Array | string;
  if (answer.pages !== undefined) {
    part = await firstPage(answer.pages);
    res.writeHead(answer.status, answer.headers);
  } else {
    const body = bodyOf(answer);
    part = body.subarray(0, Math.floor(body.length / 2));
    res.writeHead(answer.status, fixedHeaders(answer, body.length));
  }
  if (socket.destroyed) return;
  if (part.length === 0) {
    // Writing an empty chunk would end a chunked body: send the head alone.
    res.flushHeaders();
    breakOff();
  } else res.write(part, () => breakOff());
}

/** The whole body, in SLOW_BODY_PIECES pieces spread evenly over `durationMs`. */
async function sendSlowly(res: ServerResponse, answer: EngineAnswer, durationMs: number): Promise<void> {
  let body: Uint8Array;
  if (answer.pages !== undefined) {
    try {
      body = encoder.encode(await allPages(answer.pages));
    } catch (error) {
      res.destroy(error as Error);
      return;
    }
    res.writeHead(answer.status, answer.headers);
  } else {
    body = bodyOf(answer);
    res.writeHead(answer.status, fixedHeaders(answer, body.length));
  }
  res.flushHeaders();
  // One piece at a time, each timer set once the previous piece is written: node orders timers of
  // different delays only loosely when the loop runs late, and the pieces must stay in order.
  const size = Math.ceil(body.length / SLOW_BODY_PIECES);
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  res.once('close', () => clearTimeout(timer));
  const send = (i: number) => {
    if (res.destroyed) return;
    const piece = body.subarray(i * size, (i + 1) * size);
    if (i === SLOW_BODY_PIECES - 1) return void res.end(piece);
    if (piece.length > 0) res.write(piece);
    const due = ((i + 2) * durationMs) / SLOW_BODY_PIECES;
    timer = setTimeout(() => send(i + 1), Math.max(0, Math.round(due - (performance.now() - started))));
  };
  timer = setTimeout(() => send(0), Math.round(durationMs / SLOW_BODY_PIECES));
}

/**
 * Breaks the response's connection as `fault` says, in place of sending `answer` whole.
 *
 * @example
 * if (answer.wire !== undefined) void sendWireFault(res, answer, answer.wire);
 */
export async function sendWireFault(res: ServerResponse, answer: EngineAnswer, fault: WireFault): Promise<void> {
  const socket = res.socket;
  if (socket === null || socket.destroyed) return;
  switch (fault.kind) {
    case 'empty-response':
      void answer.pages?.[Symbol.asyncIterator]().return?.();
      socket.destroySoon();
      return;
    case 'no-response': {
      void answer.pages?.[Symbol.asyncIterator]().return?.();
      // Held until the client gives up (the socket closes, and the timer with it) or the bound passes.
      const timer = setTimeout(() => socket.destroySoon(), fault.durationMs);
      socket.once('close', () => clearTimeout(timer));
      return;
    }
    case 'truncated-body':
      return sendPart(res, socket, answer, false);
    case 'connection-reset':
      return sendPart(res, socket, answer, true);
    case 'slow-body':
      return sendSlowly(res, answer, fault.durationMs);
  }
}
