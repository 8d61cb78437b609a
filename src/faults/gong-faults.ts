/**
 * Which Gong fault, if any, a call meets: the scenario it asked for, its account's habit, the
 * rate limiters, or the fault rate, in that order. The Gong layer asks through
 * `GongFaultSource` (gong/gong-faults.ts) and imports nothing from here.
 */
import type { GongFaultOutcome, GongFaultSource } from '../gong/gong-faults.js';
import { gongError, type GongFailure } from '../gong/gong-result.js';
import { requestIdFor } from '../gong/request-id.js';
import type { MockContext } from '../mock-context.js';
import { mix2, unit } from '../world/hash.js';
import type { WorldAccount } from '../world/world.js';
import { createRateLimiter, GONG_RATE_LIMITS, type RateLimiter } from './rate-limiter.js';
import type { ScenarioName } from '../scenarios.js';
import type { Store } from '../store/store.js';

/** Share of a flaky account's Gong calls that fail. */
export const FLAKY_RATE = 0.25;
/** Retry-After of the `rate-limited` scenario, seconds. */
export const SCENARIO_RETRY_AFTER = 2;

/** Fault settings of a Gong fault source; all optional. */
export interface GongFaultOptions {
  /** Share (0-1) of every account's Gong calls that fail with a 500 (`--fault-rate`). Default 0. */
  faultRate?: number;
  /** `gong` enforces Gong's documented limits per account. Default off. */
  rateLimit?: 'gong' | undefined;
}

function failure(context: MockContext, account: WorldAccount, n: number, status: number, message: string): GongFailure {
  return gongError(status, requestIdFor(String(context.world.seed), account.id, 'fault', String(n)), [message]);
}

function rateLimited(
  context: MockContext,
  account: WorldAccount,
  n: number,
  limit: number,
  resetSeconds: number,
): GongFailure {
  return {
    ...gongError(
      429,
      requestIdFor(String(context.world.seed), account.id, 'fault', String(n)),
      ['API request limit exceeded'],
      {
        'retry-after': String(resetSeconds),
      },
    ),
    rateLimit: { limit, resetSeconds },
  };
}

/**
 * The Gong faults of a world: scenarios, account behaviours, limiters and the fault rate.
 * Each account counts its own calls, so a flaky account's failures (and `faultRate`'s) depend
 * only on that account's calls, seeded: another account's traffic changes nothing.
 *
 * @example
 * const faults = createGongFaults(context, createMemoryStore(), { faultRate: 0.1 });
 * createGongApi(context, { faults });
 */
export function createGongFaults(context: MockContext, store: Store, options: GongFaultOptions = {}): GongFaultSource {
  const { faultRate = 0, rateLimit } = options;
  const gongLimiter = rateLimit === 'gong' ? createRateLimiter(store, 'gong', GONG_RATE_LIMITS) : undefined;
  const strictLimiter = createRateLimiter(store, 'rate-limited', [{ limit: 1, windowMs: 1000 }]);
  return {
    async meet(account, scenario) {
      const { value: n } = await store.incr(`gong-calls:${account.id}`);
      return gongFault(context, { faultRate, gongLimiter, strictLimiter }, account, scenario, n);
    },
  };
}

interface Limits {
  faultRate: number;
  gongLimiter: RateLimiter | undefined;
  strictLimiter: RateLimiter;
}

/** The fault the `n`th call of an account meets. */
async function gongFault(
  context: MockContext,
  state: Limits,
  account: WorldAccount,
  scenario: ScenarioName | undefined,
  n: number,
): Promise<GongFaultOutcome> {
  const behavior = account.behavior ?? 'healthy';
  const outcome: GongFaultOutcome = {
    failure: undefined,
    // Only the scenario skips Gong's checks: an account without users answers "No stats"
    // after validating the window, as every other account does.
    empty: scenario === 'empty',
    looping: scenario === 'looping' || behavior === 'looping',
    // A fault-free call of a healthy (or merely slow) account with no limiter and no fault rate.
    repeatable:
      scenario === undefined &&
      (behavior === 'healthy' || behavior === 'slow') &&
      state.gongLimiter === undefined &&
      state.faultRate === 0,
  };
  if (scenario === 'credentials-revoked' || behavior === 'credentials-revoked') {
    return { ...outcome, failure: failure(context, account, n, 401, 'Access denied: the credentials were revoked') };
  }
  if (scenario === 'rate-limited') {
    return { ...outcome, failure: rateLimited(context, account, n, 3, SCENARIO_RETRY_AFTER) };
  }
  if (scenario === 'remote-error') {
    return {
      ...outcome,
      failure: failure(context, account, n, 500, 'Failed to complete the operation due to an unexpected error'),
    };
  }
  for (const limiter of [behavior === 'rate-limited' ? state.strictLimiter : undefined, state.gongLimiter]) {
    const decision = await limiter?.take(account.id);
    if (decision !== undefined && !decision.allowed) {
      return { ...outcome, failure: rateLimited(context, account, n, decision.limit, decision.resetSeconds) };
    }
  }
  const draw = unit(mix2(context.world.seed ^ account.key, n));
  if ((behavior === 'flaky' && draw < FLAKY_RATE) || draw < state.faultRate) {
    return {
      ...outcome,
      failure: failure(context, account, n, 500, 'Failed to complete the operation due to an unexpected error'),
    };
  }
  return outcome;
}
