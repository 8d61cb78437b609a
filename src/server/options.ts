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

/** People of stats windows the server keeps for their later pages (64 bytes each). */
const WINDOW_PEOPLE_KEPT = 200_000;
/** Stats windows remembered to recognise a walk's second page: a walk asks again within moments. */
const RECENT_WINDOWS = 10_000;

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
  /** Validate every response against openapi.yaml and record violations in the journal. Default false. */
  validateResponses?: boolean;
  /** Answer /__admin from any address, not only loopback. Default false. */
  adminFromAnywhere?: boolean;
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
  validateResponses: boolean;
  adminFromAnywhere: boolean;
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
    validateResponses = false,
    adminFromAnywhere = false,
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
  const context: MockContext = {
    world,
    now: resolveNow(now),
    secret,
    windowPeople: keptOnSecondOffer(
      // A kept window holds its request (and any userIds filter) for the totals it works out later.
      createLruCache(WINDOW_PEOPLE_KEPT, (people) => Math.max(1, people.count + (people.request.userIds?.size ?? 0))),
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
    validateResponses,
    adminFromAnywhere,
    pagesRepeat: faultRate === 0 && rateLimit === undefined,
  };
}
