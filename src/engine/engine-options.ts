/**
 * The engine's options, all optional, and their one resolution into the complete settings
 * the engine reads. Doors add their own options beside these (see server/options.ts).
 */
import { readFaultRates, type FaultRate, type FaultRates } from '../faults/fault-rates.js';
import { parseLatency, type Latency } from '../faults/latency.js';
import type { WorldDocument } from '../generated/world-document.js';
import type { AccountSpec } from '../world/account-spec.js';
import { mappingTextsProblem, type MappingTexts } from '../unified/mapping-texts.js';

const MIB = 1024 * 1024;

/**
 * `http://127.0.0.1:4010`: where `serve` listens unless told otherwise.
 *
 * @example
 * createEngine({ baseUrl: DEFAULT_BASE_URL }); // the same as createEngine()
 */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4010';

/**
 * What `createEngine` accepts; every option has a default.
 *
 * @example
 * const options: EngineOptions = { seed: 7, now: '2026-11-24T00:00:00Z', faultRate: 0.1 };
 */
export interface EngineOptions {
  /**
   * The world to serve, as a parsed world document (see world.schema.json). Default: the
   * embedded default world. Its `seed` and `now` apply unless the options name their own.
   */
  world?: WorldDocument;
  /** Seed of the world. Default: the world document's, else 42. */
  seed?: number;
  /** The accounts, in place of a world document's (the older way to state them). Default: the world's. */
  accounts?: readonly AccountSpec[];
  /** Overrides every account's number of users. Default: each account's own. */
  userCount?: number;
  /** Accepted API tokens (unified Bearer; Gong Bearer or Basic secret). Default: any non-empty token. */
  tokens?: readonly string[];
  /** The current instant for Gong's "not after the current day" rule. Default: the world's `now`, else the real clock. */
  now?: Date | string | number;
  /** Secret that signs cursors. Default: derived from the seed, so same seed = same cursors. */
  secret?: string;
  /** Latency added to every API request: `200`, `100..300` or `lognormal:200[:0.5]`. Default none. */
  latency?: string;
  /**
   * A number: the share (0-1) of Gong calls that fail with a 500. Shares by kind
   * (`{ 'connection-reset': 0.01, 'remote-error': 0.02 }`): of API requests meeting each
   * scenario, drawn per account, seeded. Default 0.
   */
  faultRate?: number | FaultRates;
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
  /**
   * The origin clients reach the mock at, e.g. `http://127.0.0.1:5000`. The URLs the mock hands
   * out (`debug.requestUrl`, `gongBaseUrl`) name it, never the request's Host, and the admin API
   * answers only a Host naming it or a loopback address. Default `http://127.0.0.1:4010`.
   */
  baseUrl?: string;
  /** Monotonic clock in ms that rate-limit windows are measured on. Default `performance.now`. */
  clock?: () => number;
  /**
   * The server-wide override of the Gong mapping: JSONata expression texts by kind
   * (`query_mapping`, `response_mapping`). A world file's account may override it in turn.
   * Default none: the built-in mapping, with no JSONata loaded.
   */
  mapping?: MappingTexts;
  /**
   * Names this instance in every journal entry it records and in `/__admin/health`, so a journal
   * shared by several instances says which one answered. Default `local`; the Node doors
   * default to `hostname:pid`.
   */
  instance?: string;
}

/**
 * The engine's settings, complete: what `resolveEngineOptions` makes of the options.
 *
 * @example
 * createEngine({ seed: 7 }).settings.origin; // 'http://127.0.0.1:4010'
 */
export interface EngineSettings {
  world: WorldDocument | undefined;
  seed: number;
  accounts: readonly AccountSpec[] | undefined;
  userCount: number | undefined;
  /** Accepted tokens, or undefined to accept any non-empty one. */
  tokens: ReadonlySet<string> | undefined;
  now: () => number;
  secret: string;
  latency: Latency | undefined;
  /** The share of Gong calls failing with a 500 (`faultRate` as a number). */
  faultRate: number;
  /** Shares of API requests by kind (`faultRate` by kind). */
  faultRates: readonly FaultRate[];
  rateLimit: 'gong' | undefined;
  journalSize: number;
  journalBytes: number;
  pageCacheBytes: number;
  windowCacheBytes: number;
  /** `baseUrl` as an origin without a trailing slash: `http://127.0.0.1:4010`. */
  origin: string;
  /** The Host of `origin`, lower case, with its port: `127.0.0.1:4010`. */
  originHost: string;
  clock: () => number;
  /** The server-wide mapping override (empty: none). */
  mapping: MappingTexts;
  /** The name of this instance in journal entries and health. */
  instance: string;
}

/**
 * A misuse of the engine's options (a programming error, not a client's bad request); named
 * `AppOptionsError`, as `createApp` has always called it.
 *
 * @example
 * createEngine({ faultRate: 2 }); // throws: faultRate must be from 0 to 1, got 2
 */
export class EngineOptionsError extends Error {
  override name = 'AppOptionsError';
}

function resolveNow(now: EngineOptions['now']): () => number {
  if (now === undefined) return Date.now;
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new EngineOptionsError(`now must be a date, got ${String(now)}`);
  return () => ms;
}

function resolveOrigin(baseUrl: string): { origin: string; originHost: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new EngineOptionsError(`baseUrl must be a URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(baseUrl)}`);
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== ''
  )
    throw new EngineOptionsError(
      `baseUrl must be an http(s) origin such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(baseUrl)}`,
    );
  const port = url.port === '' ? (url.protocol === 'https:' ? '443' : '80') : url.port;
  return { origin: url.origin, originHost: `${url.hostname}:${port}` };
}

function resolveLatency(text: string | undefined): Latency | undefined {
  if (text === undefined) return undefined;
  const latency = parseLatency(text);
  if ('problem' in latency) throw new EngineOptionsError(latency.problem);
  return latency;
}

function resolveFaultRates(faultRate: number | FaultRates): { faultRate: number; faultRates: readonly FaultRate[] } {
  if (typeof faultRate === 'number') {
    if (!(faultRate >= 0 && faultRate <= 1))
      throw new EngineOptionsError(`faultRate must be from 0 to 1, got ${faultRate}`);
    return { faultRate, faultRates: [] };
  }
  if (typeof faultRate !== 'object' || faultRate === null || Array.isArray(faultRate))
    throw new EngineOptionsError(`faultRate must be a number or shares by kind, got ${String(faultRate)}`);
  const read = readFaultRates(faultRate);
  if ('problem' in read) throw new EngineOptionsError(`faultRate: ${read.problem}`);
  return { faultRate: 0, faultRates: read.rates };
}

/**
 * Fills in every default and checks every value; throws EngineOptionsError on a misuse.
 *
 * @example
 * resolveEngineOptions({ seed: 7 }).secret; // 'interactions-kit:7'
 */
export function resolveEngineOptions(options: EngineOptions = {}): EngineSettings {
  const { world, accounts, userCount, tokens, now } = options;
  const seed = options.seed ?? world?.seed ?? 42;
  const { secret = `interactions-kit:${seed}` } = options;
  if (typeof world === 'string')
    throw new EngineOptionsError(
      `world must be a parsed world document here; for a file, use createApp({ world: path }) or loadWorldFile(path), got ${JSON.stringify(world)}`,
    );
  if (world === null || (world !== undefined && typeof world !== 'object'))
    throw new EngineOptionsError(`world must be a world document (an object), got ${String(world)}`);
  if (world !== undefined && accounts !== undefined)
    throw new EngineOptionsError('give either world or accounts, not both: a world document states its accounts');
  const {
    faultRate = 0,
    rateLimit,
    journalSize = 1000,
    journalBytes = 8 * MIB,
    pageCacheBytes = 64 * MIB,
    windowCacheBytes = 16 * MIB,
    baseUrl = DEFAULT_BASE_URL,
    clock = () => performance.now(),
    mapping = {},
    instance = 'local',
  } = options;
  const mappingProblem = mappingTextsProblem(mapping);
  if (mappingProblem !== undefined) throw new EngineOptionsError(mappingProblem);
  if (typeof instance !== 'string' || !/^[^\s\x00-\x1f]{1,200}$/.test(instance))
    throw new EngineOptionsError(
      `instance must be a name of 1 to 200 characters without spaces, got ${JSON.stringify(instance)}`,
    );
  if (tokens !== undefined && tokens.some((token) => token === ''))
    throw new EngineOptionsError('tokens must not be empty strings');
  const rates = resolveFaultRates(faultRate);
  if (rateLimit !== undefined && rateLimit !== 'gong')
    throw new EngineOptionsError(`rateLimit must be "gong", got ${String(rateLimit)}`);
  if (!Number.isSafeInteger(journalSize) || journalSize < 0)
    throw new EngineOptionsError(`journalSize must be a whole number, got ${journalSize}`);
  for (const [name, bytes] of Object.entries({ journalBytes, pageCacheBytes, windowCacheBytes })) {
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      throw new EngineOptionsError(`${name} must be a whole number of bytes, got ${bytes}`);
  }
  return {
    world,
    seed,
    accounts,
    userCount,
    tokens: tokens === undefined || tokens.length === 0 ? undefined : new Set(tokens),
    now: resolveNow(now),
    secret,
    latency: resolveLatency(options.latency),
    ...rates,
    rateLimit,
    journalSize,
    journalBytes,
    pageCacheBytes,
    windowCacheBytes,
    ...resolveOrigin(baseUrl),
    clock,
    mapping,
    instance,
  };
}
