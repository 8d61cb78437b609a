/**
 * How long a client may take to send a request, how long an idle kept-alive connection stays,
 * how many connections one client may hold, and what it hears when it takes too long or sends
 * something node's parser refuses: the unified error shape, not node's bare status line. None of
 * these bounds applies while a response is being written: a client reading a long stream slowly
 * is held back by the socket's backpressure, never cut off.
 */
import type { Server, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { unifiedError } from '../unified/unified-error.js';

/** Bounds on a connection's request; every one optional. */
export interface ConnectionLimits {
  /** Milliseconds a client has to send its request headers. Default 10,000. */
  headersTimeoutMs?: number;
  /** Milliseconds a client has to send its whole request, body included. Default 30,000. */
  requestTimeoutMs?: number;
  /** Milliseconds an idle kept-alive connection stays open between requests. Default 5,000. */
  keepAliveTimeoutMs?: number;
  /** Connections one client (remote address) may hold at once; past it, 503. Default 256. */
  maxConnectionsPerClient?: number;
}

/**
 * The limits, complete and checked; throws ConnectionLimitsError on a misuse.
 *
 * @example
 * resolveConnectionLimits({}).keepAliveTimeoutMs; // 5000
 */
export function resolveConnectionLimits(limits: ConnectionLimits = {}): Required<ConnectionLimits> {
  const {
    headersTimeoutMs = 10_000,
    requestTimeoutMs = 30_000,
    keepAliveTimeoutMs = 5000,
    maxConnectionsPerClient = 256,
  } = limits;
  for (const [name, value] of Object.entries({
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs,
    maxConnectionsPerClient,
  })) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new ConnectionLimitsError(`${name} must be a whole number from 1, got ${value}`);
  }
  // node refuses a request timeout shorter than the headers timeout.
  if (requestTimeoutMs < headersTimeoutMs)
    throw new ConnectionLimitsError(
      `requestTimeoutMs (${requestTimeoutMs}) must not be shorter than headersTimeoutMs (${headersTimeoutMs})`,
    );
  return { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnectionsPerClient };
}

/**
 * Larger than the longest query string the unified layer reads (8 KiB), so an oversized one gets
 * the unified layer's own 400 rather than a 431.
 */
const MAX_HEADER_BYTES = 64 * 1024;

/** A misuse of the connection limits. */
export class ConnectionLimitsError extends Error {
  override name = 'ConnectionLimitsError';
}

/**
 * node:http server options for `limits`. Node checks the timeouts only every
 * `connectionsCheckingInterval` (30 s by default), which would let a trickling client stay four
 * times the bound; checking at a quarter of the shortest bound keeps the overshoot small.
 *
 * @example
 * http.createServer(connectionLimitOptions({ headersTimeoutMs: 5000 }), listener);
 */
export function connectionLimitOptions(limits: ConnectionLimits = {}): ServerOptions {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = resolveConnectionLimits(limits);
  return {
    maxHeaderSize: MAX_HEADER_BYTES,
    headersTimeout: headersTimeoutMs,
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
  };
}

function statusOf(code: string | undefined): number {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  return 400;
}

function messageOf(status: number): string {
  if (status === 408) return 'The request was not received in time; send the headers and body without pausing';
  if (status === 431) return `The request headers are larger than ${MAX_HEADER_BYTES} bytes`;
  return 'The request could not be parsed as HTTP';
}

/**
 * Answers what node's parser refuses (a timeout, oversized headers, malformed HTTP) in the
 * unified error shape, then closes the connection.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', function answerClientError(error: NodeJS.ErrnoException, socket: Socket) {
    // node's own rule: write an answer only when none has begun on this connection.
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    const failure = unifiedError(statusOf(error.code), messageOf(statusOf(error.code)));
    const body = JSON.stringify(failure.body);
    // Destroyed once written: the server keeps half-open sockets, and this one is done.
    socket.end(
      `HTTP/1.1 ${failure.status} ${failure.body.error}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
      () => socket.destroy(),
    );
  });
}
