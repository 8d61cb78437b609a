/**
 * A fetch that keeps what it saw: every exchange with the target, its body read whole and
 * handed on as a fresh Response, so the conformance suite and the page walks can be recorded
 * without knowing it. A 429 is waited out (`Retry-After`, in seconds or as an HTTP date) and
 * asked again, a few times, before it is kept as the answer.
 */
import { fixtureHeaders, type FixtureFile } from '../fixtures/fixture-file.js';
import { queryRecordOf } from './redact-exchange.js';

/** An exchange as seen, before redaction. */
export interface CapturedExchange {
  fixture: FixtureFile;
  bodyText: string;
}

/**
 * Options of {@link createCapturingFetch}; all optional but `baseUrl`.
 *
 * @example
 * createCapturingFetch({ baseUrl, onExchange: (exchange) => exchanges.push(exchange) });
 */
export interface CapturingFetchOptions {
  /** The target's base URL: recorded URLs are relative to it. */
  baseUrl: string;
  /** Receives every exchange, in order. */
  onExchange(exchange: CapturedExchange): void;
  /** What a new exchange is described as. Default `GET <path>`. */
  describe?: (method: string, path: string) => string;
  /** The fetch that reaches the target. Default the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Waits; default a timer. Tests pass their own. */
  sleep?: (ms: number) => Promise<void>;
  /** Times a 429 is waited out before it is kept. Default 5. */
  maxRetries?: number;
  /** Longest wait for one `Retry-After`, in seconds. Default 60. */
  maxWaitSeconds?: number;
}

/** Headers that describe the transfer rather than the answer: the recorded body is decoded. */
const TRANSFER_HEADERS = new Set(['content-length', 'content-encoding', 'transfer-encoding']);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Seconds to wait for a `Retry-After` value (delta-seconds or an HTTP date), default 1. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number {
  if (value === null || value.trim() === '') return 1;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - now) / 1000));
}

function headerObject(headers: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of new Headers(headers)) flat[name.toLowerCase()] = value;
  const sorted: Record<string, string> = {};
  for (const name of Object.keys(flat).sort()) sorted[name] = flat[name] as string;
  return sorted;
}

/**
 * A fetch that records every exchange through `onExchange`.
 *
 * @example
 * const capture = createCapturingFetch({ baseUrl, onExchange: (e) => seen.push(e) });
 * await runConformance(target, { fetch: capture });
 */
export function createCapturingFetch(options: CapturingFetchOptions): typeof globalThis.fetch {
  const {
    baseUrl,
    onExchange,
    describe = (method, path) => `${method} ${path}`,
    fetch: fetchImpl = globalThis.fetch,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    maxRetries = 5,
    maxWaitSeconds = 60,
  } = options;
  const base = baseUrl.replace(/\/+$/, '');
  return async function capturingFetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    let response = await fetchImpl(input, init);
    for (let retry = 0; response.status === 429 && retry < maxRetries; retry++) {
      const seconds = Math.min(maxWaitSeconds, retryAfterSeconds(response.headers.get('retry-after')));
      await response.arrayBuffer().catch(() => undefined);
      await sleep(seconds * 1000);
      response = await fetchImpl(input, init);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const bodyText = new TextDecoder().decode(bytes);
    const relative = url.startsWith(base) ? url.slice(base.length) || '/' : new URL(url).pathname + new URL(url).search;
    const path = relative.split('?')[0] ?? relative;
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of response.headers) {
      if (!TRANSFER_HEADERS.has(name.toLowerCase())) responseHeaders[name.toLowerCase()] = value;
    }
    const query = queryRecordOf(relative);
    onExchange({
      fixture: {
        description: describe(method, path),
        request: {
          method: method as 'GET',
          path,
          ...(Object.keys(query).length === 0 ? {} : { query }),
          url: relative,
          headers: headerObject(init?.headers),
        },
        response: { status: response.status, headers: fixtureHeaders(responseHeaders) },
      },
      bodyText,
    });
    const headers = new Headers(response.headers);
    for (const name of TRANSFER_HEADERS) headers.delete(name);
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : bytes, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
