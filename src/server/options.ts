/**
 * The options of `createApp`, all optional, resolved once into the complete config the rest
 * of the server reads.
 */
import { createFaultState, type FaultState } from '../faults/gong-faults.js';
import { parseLatency, type Latency } from '../faults/latency.js';
import { createGongApi, type GongApi } from '../gong/gong-api.js';
import type { MockContext } from '../mock-context.js';
import type { AccountSpec } from '../world/account-spec.js';
import { createWorld } from '../world/world.js';
import { createLruCache, keptOnSecondOffer } from '../lru-cache.js';
import { weighWindowPeople } from '../gong/window-people.js';
import { nodeSigner } from './node-signer.js';

/** Stats windows remembered to recognise a walk's second page: a walk asks again within moments. */
const RECENT_WINDOWS = 10_000;
/** Stats windows kept at most, however small (an empty one is mostly bookkeeping). */
export const WINDOW_CACHE_ENTRIES = 50_000;
const MIB = 1024 * 1024;

/**
 * Options of `createApp` (the `serve` command's flags set the same ones); every one is optional, with its
 * default beside it.
 *
 * @example
 * ```ts
 * const app = createApp({ seed: 7, tokens: ['test-token'], now: '2026-11-24T00:00:00Z', faultRate: 0.05 });
 * ```
 */
export interface AppOptions {
  /** Seed of the world. Default 42. */
  seed?: number;
  /** The accounts. Default: the embedded default accounts. */
  accounts?: readonly AccountSpec[];
  /** Overrides every account's number of users. Default: each account's own. */
  userCount?: number;
  /** Accepted API tokens (unified Bearer; Gong Bearer or Basic secret). Default: any non-empty token. */
  tokens?: readonly string[];
  /** The current instant for Gong's "not after the current day" rule. Default: the real clock. */
  now?: Date | string | number;
  /** Secret that signs cursors. Default: derived from the seed, so same seed = same cursors. */
  secret?: string;
  /** Latency added to every API request: `200`, `100..300` or `lognormal:200[:0.5]`. Default none. */
  latency?: string;
  /** Share (0-1) of Gong calls that fail with a 500. Default 0. */
  faultRate?: number;
  /** `gong` enforces Gong's limits (3 calls a second, 10,000 a day per account). Default off. */
  rateLimit?: 'gong';
  /** Requests the journal keeps (oldest dropped first). Default 1000. */
  journalSize?: number;
  /** Bytes the journal's entries may weigh together (oldest dropped first). Default 8 MiB. */
  journalBytes?: number;
  /** Bytes of serialized pages (keys included) kept for repeated requests. Default 64 MiB. */
  pageCacheBytes?: number;
  /** Bytes of stats windows' people (keys included) kept for a walk's later pages. Default 16 MiB. */
  windowCacheBytes?: number;
  /** Validate every response against openapi.yaml and record violations in the journal. Default false. */
  validateResponses?: boolean;
  /** Answer /__admin from any address, not only loopback. Default false. */
  adminFromAnywhere?: boolean;
  /**
   * The origin clients reach the mock at, e.g. `http://127.0.0.1:5000`. The URLs the mock hands
   * out (`debug.requestUrl`, `gongBaseUrl`) name it, never the request's Host, and the admin API
   * answers only a Host naming it or a loopback address. Default `http://127.0.0.1:4010`;
   * `serve` passes the address it listens on.
   */
  baseUrl?: string;
  /** Monotonic clock in ms that rate-limit windows are measured on. Default `performance.now`. */
  clock?: () => number;
}

/** Everything the server reads, complete. */
export interface ResolvedOptions {
  context: MockContext;
  gong: GongApi;
  faults: FaultState;
  /** Accepted tokens, or undefined to accept any non-empty one. */
  tokens: ReadonlySet<string> | undefined;
  latency: Latency | undefined;
  journalSize: number;
  journalBytes: number;
  pageCacheBytes: number;
  windowCacheBytes: number;
  validateResponses: boolean;
  adminFromAnywhere: boolean;
  /** `baseUrl` as an origin without a trailing slash: `http://127.0.0.1:4010`. */
  origin: string;
  /** The Host of `origin`, lower case, with its port: `127.0.0.1:4010`. */
  originHost: string;
  /** True when no server-wide fault can change an answer, so identical requests get identical bytes. */
  pagesRepeat: boolean;
}

/** A misuse of `createApp`'s options. */
export class AppOptionsError extends Error {
  override name = 'AppOptionsError';
}

function resolveNow(now: AppOptions['now']): () => number {
  if (now === undefined) return Date.now;
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new AppOptionsError(`now must be a date, got ${String(now)}`);
  return () => ms;
}

/** `http://127.0.0.1:4010`: where `serve` listens unless told otherwise. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010';

function resolveOrigin(baseUrl: string): { origin: string; originHost: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new AppOptionsError(`baseUrl must be a URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(baseUrl)}`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== ''
  )
    throw new AppOptionsError(
      `baseUrl must be an http(s) origin such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(baseUrl)}`,
    );
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  return { origin: url.origin, originHost: `${url.hostname}:${port}` };
}

function resolveLatency(text: string | undefined): Latency | undefined {
  if (text === undefined) return undefined;
  const latency = parseLatency(text);
  if ('problem' in latency) throw new AppOptionsError(latency.problem);
  return latency;
}

/** Fills in every default. */
export function resolveOptions(options: AppOptions = {}): ResolvedOptions {
  const { seed = 42, accounts, userCount, tokens, now, secret = `interactions-kit:${seed}` } = options;
  const {
    faultRate = 0,
    rateLimit,
    journalSize = 1000,
    journalBytes = 8 * MIB,
    pageCacheBytes = 64 * MIB,
    windowCacheBytes = 16 * MIB,
    validateResponses = false,
    adminFromAnywhere = false,
    baseUrl = DEFAULT_BASE_URL,
  } = options;
  const world = createWorld({
    seed,
    ...(accounts === undefined ? {} : { accounts }),
    ...(userCount === undefined ? {} : { userCount }),
  });
  if (tokens !== undefined && tokens.some((token) => token === ''))
    throw new AppOptionsError('tokens must not be empty strings');
  if (!(faultRate >= 0 && faultRate <= 1)) throw new AppOptionsError(`faultRate must be from 0 to 1, got ${faultRate}`);
  if (rateLimit !== undefined && rateLimit !== 'gong')
    throw new AppOptionsError(`rateLimit must be "gong", got ${String(rateLimit)}`);
  if (!Number.isSafeInteger(journalSize) || journalSize < 0)
    throw new AppOptionsError(`journalSize must be a whole number, got ${journalSize}`);
  for (const [name, bytes] of Object.entries({ journalBytes, pageCacheBytes, windowCacheBytes })) {
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      throw new AppOptionsError(`${name} must be a whole number of bytes, got ${bytes}`);
  }
  const context: MockContext = {
    world,
    now: resolveNow(now),
    secret,
    signer: nodeSigner,
    windowPeople: keptOnSecondOffer(
      createLruCache(windowCacheBytes, weighWindowPeople, WINDOW_CACHE_ENTRIES),
      RECENT_WINDOWS,
    ),
  };
  const faults = createFaultState({
    faultRate,
    rateLimit,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return {
    context,
    gong: createGongApi(context, faults),
    faults,
    tokens: tokens === undefined || tokens.length === 0 ? undefined : new Set(tokens),
    latency: resolveLatency(options.latency),
    journalSize,
    journalBytes,
    pageCacheBytes,
    windowCacheBytes,
    validateResponses,
    adminFromAnywhere,
    ...resolveOrigin(baseUrl),
    pagesRepeat: faultRate === 0 && rateLimit === undefined,
  };
}
