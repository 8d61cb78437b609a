/**
 * Faults of the connection itself, as data: the engine says "break this answer's connection in
 * this way", and only a door that owns a socket does it (the Node door resets, closes, cuts and
 * dribbles; the MSW door does what a fetch Response can). `malformed-body` needs no socket: the
 * engine answers its bytes itself.
 */
import type { ScenarioName } from '../scenarios.js';

/**
 * What a door does to the connection of an answer.
 *
 * @example
 * ```ts
 * const fault: WireFault = { kind: 'slow-body', durationMs: 2000 };
 * ```
 */
export interface WireFault {
  kind: 'connection-reset' | 'empty-response' | 'truncated-body' | 'slow-body' | 'no-response';
  /** `slow-body`: ms over which the body is dribbled; `no-response`: ms the connection is held. 0 otherwise. */
  durationMs: number;
}

/** `slow-body`'s time to dribble the body when no `duration` is given, ms. */
export const SLOW_BODY_DEFAULT_MS = 5000;
/** `no-response`'s bound when no `duration` is given, ms: then the connection is closed. */
export const NO_RESPONSE_DEFAULT_MS = 60_000;
/** Longest `duration` a request may ask for (10 minutes), so no request holds a connection forever. */
export const MAX_WIRE_DURATION_MS = 600_000;
/** Pieces `slow-body` sends the body in, evenly spread over its duration. */
export const SLOW_BODY_PIECES = 10;

/**
 * What `malformed-body` answers: a proxy's HTML error page sent as JSON, the commonest
 * not-JSON body behind a `200 application/json` in the wild. Always these bytes.
 */
export const MALFORMED_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/**
 * The wire fault of a scenario (undefined for a scenario that is an HTTP answer, and for
 * `malformed-body`, which the engine answers itself); `durationMs` is the request's `duration`.
 *
 * @example
 * wireFaultOf('no-response', undefined); // { kind: 'no-response', durationMs: 60000 }
 */
export function wireFaultOf(scenario: ScenarioName | undefined, durationMs: number | undefined): WireFault | undefined {
  switch (scenario) {
    case 'connection-reset':
    case 'empty-response':
    case 'truncated-body':
      return { kind: scenario, durationMs: 0 };
    case 'slow-body':
      return { kind: scenario, durationMs: durationMs ?? SLOW_BODY_DEFAULT_MS };
    case 'no-response':
      return { kind: scenario, durationMs: durationMs ?? NO_RESPONSE_DEFAULT_MS };
    default:
      return undefined;
  }
}

/**
 * Reads a scenario's `duration` parameter: whole ms from 0 to MAX_WIRE_DURATION_MS, or a
 * sentence saying what is wrong.
 *
 * @example
 * readDuration('2000'); // { durationMs: 2000 }
 */
export function readDuration(text: string | undefined): { durationMs: number | undefined } | { problem: string } {
  if (text === undefined) return { durationMs: undefined };
  if (!/^\d{1,7}$/.test(text) || Number(text) > MAX_WIRE_DURATION_MS)
    return {
      problem: `duration: must be whole milliseconds from 0 to ${MAX_WIRE_DURATION_MS}, got ${JSON.stringify(text.slice(0, 30))}`,
    };
  return { durationMs: Number(text) };
}
