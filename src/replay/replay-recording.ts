/**
 * Answers requests from a recording: the recorded status, headers and body bytes for a
 * recorded request, and for any other a 404 in the unified error shape naming the closest
 * recorded requests and what differs. Platform-free: the Node door and `verify --recording`'s
 * fetch both sit on it.
 */
import type { RecordedExchange, Recording } from './recording.js';
import { unifiedError } from '../unified/unified-error.js';
import { compareKeys, type NearMiss } from './near-miss.js';
import { requestKey, type RequestKey } from './request-key.js';

/** Near misses a 404 names. */
const NEAR_MISSES = 3;

/**
 * What replay answers: the recorded exchange, or why there is none.
 *
 * @example
 * const found = replay.find('GET', url, headers); if ('exchange' in found) found.exchange.bodyText;
 */
export type ReplayFound = { exchange: RecordedExchange } | { nearMisses: NearMiss[] };

/**
 * An answer ready to send.
 *
 * @example
 * const { status, headers, body } = replay.answer('GET', url, headers);
 */
export interface ReplayAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** False for a 404 made because nothing was recorded. */
  recorded: boolean;
}

/**
 * A recording, ready to answer.
 *
 * @example
 * const replay = createReplay(readRecording('recording'));
 */
export interface Replay {
  find(method: string, url: string, headers: Readonly<Record<string, unknown>>): ReplayFound;
  answer(method: string, url: string, headers: Readonly<Record<string, unknown>>): ReplayAnswer;
}

/** The 404 of an unrecorded request, in the unified error shape. */
export function notRecordedError(method: string, url: string, nearMisses: readonly NearMiss[]) {
  const closest = nearMisses.map((miss, i) => `(${i + 1}) ${miss.request}: ${miss.differences.join('; ')}`).join(' ');
  return unifiedError(
    404,
    `interactions-kit replay: no recorded exchange matches ${method} ${url}` +
      (nearMisses.length === 0 ? '; the recording holds no request like it' : `; closest recorded: ${closest}`),
    {
      truto_error_insight: {
        replay_near_misses: {
          description: 'The closest recorded requests, and what differs from the request asked.',
          value: nearMisses.map(({ request, differences }) => ({ request, differences })),
        },
      },
    },
  );
}

/**
 * Indexes a recording for replay.
 *
 * @example
 * createReplay(recording).answer('GET', '/unified/conversational-intelligence/interactions?...', { authorization: 'Bearer t' });
 */
export function createReplay(recording: Recording): Replay {
  const byKey = new Map<string, RecordedExchange>();
  const keys: Array<{ key: RequestKey; exchange: RecordedExchange }> = [];
  for (const exchange of recording.exchanges) {
    const { method, url, headers } = exchange.fixture.request;
    const key = requestKey(method, url, headers);
    if (!byKey.has(key.text)) byKey.set(key.text, exchange);
    keys.push({ key, exchange });
  }
  function find(method: string, url: string, headers: Readonly<Record<string, unknown>>): ReplayFound {
    const asked = requestKey(method, url, headers);
    const exchange = byKey.get(asked.text);
    if (exchange !== undefined) return { exchange };
    const nearMisses = keys
      .map(({ key, exchange: recorded }) => ({
        request: `${recorded.fixture.request.method} ${recorded.fixture.request.url}`,
        ...compareKeys(asked, key),
      }))
      .sort((a, b) => a.distance - b.distance)
      .slice(0, NEAR_MISSES);
    return { nearMisses };
  }
  return {
    find,
    answer(method, url, headers) {
      const found = find(method, url, headers);
      if ('exchange' in found) {
        const { response } = found.exchange.fixture;
        return {
          status: response.status,
          headers: { ...response.headers },
          body: found.exchange.bodyText,
          recorded: true,
        };
      }
      const error = notRecordedError(method, url, found.nearMisses);
      return {
        status: error.status,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(error.body),
        recorded: false,
      };
    },
  };
}

/**
 * A fetch answered from a recording (for running the conformance suite offline).
 *
 * @example
 * await runConformance(target, { fetch: replayFetch(createReplay(recording), baseUrl) });
 */
export function replayFetch(replay: Replay, baseUrl: string): typeof globalThis.fetch {
  const base = baseUrl.replace(/\/+$/, '');
  return async function fetchFromRecording(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const relative = url.startsWith(base) ? url.slice(base.length) || '/' : new URL(url).pathname + new URL(url).search;
    const headers = Object.fromEntries(new Headers(init?.headers));
    const answer = replay.answer(init?.method ?? 'GET', relative, headers);
    const empty = [101, 204, 205, 304].includes(answer.status);
    return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}
