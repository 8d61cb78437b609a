/**
 * What a door hands the engine and what the engine hands back: plain data, no sockets, no
 * Fetch objects. A door translates its runtime's request into an EngineRequest and writes the
 * EngineAnswer back in its runtime's terms.
 */
import type { WireFault } from '../faults/wire-fault.js';

/**
 * A header as doors receive it: Node gives a list for a repeated one.
 *
 * @example
 * const cookies: HeaderValue = ['a=1', 'b=2'];
 */
export type HeaderValue = string | readonly string[] | undefined;

/**
 * Reads the request body, decoded of any Content-Encoding, rejecting with BodyTooLargeError past
 * `maxBytes` and with another Error (its message says why) when it cannot be read.
 *
 * @example
 * const body: BodyReader = async () => new TextEncoder().encode('{"filter":{}}');
 */
export type BodyReader = (maxBytes: number) => Promise<Uint8Array>;

/**
 * A request, as any door sees it.
 *
 * @example
 * const request: EngineRequest = { method: 'GET', url: '/__admin/health', headers: { host: '127.0.0.1:4010' } };
 */
export interface EngineRequest {
  method: string;
  /** Path and query as sent: `/unified/conversational-intelligence/interactions?...`. */
  url: string;
  /** Headers by lower-case name. */
  headers: Readonly<Record<string, HeaderValue>>;
  /** The body, or how to read it (read only by a route that needs one). Default: none. */
  body?: Uint8Array | string | BodyReader;
}

/**
 * The engine's answer.
 *
 * @example
 * const answer = await engine.answer(request);
 * if (answer.pages === undefined) send(answer.status, answer.headers, answer.body);
 */
export interface EngineAnswer {
  status: number;
  headers: Record<string, string>;
  /** The whole body (JSON text or its bytes); empty for a stream. */
  body: Uint8Array | string;
  /**
   * An NDJSON stream: each page's lines, made as they are read. Throws StreamCutShortError
   * when a later page fails: the door then breaks the response off.
   */
  pages?: AsyncIterable<string>;
  /** Whether the same request always gets these same bytes (decided from the faults met). */
  cacheable: boolean;
  /** Ms the door waits before answering (added latency, the `slow` account). */
  delayMs: number;
  /** Present when the exchange belongs in the journal: the scenario asked for, if any. */
  journal?: { scenario: string | undefined };
  /**
   * Present when the connection is to fail (a wire scenario): the door breaks it this way
   * rather than send the answer whole. The status, headers and body are what it breaks off.
   */
  wire?: WireFault;
}

/**
 * Thrown by a BodyReader when the body is longer than allowed.
 *
 * @example
 * throw new BodyTooLargeError(`the body is over ${maxBytes} bytes`);
 */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}
