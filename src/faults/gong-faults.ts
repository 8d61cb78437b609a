/**
 * Which Gong fault, if any, a call meets: the scenario it asked for, its account's habit, the
 * server's rate limiter, or the server-wide fault rate, in that order.
 */
import { gongError, type GongFailure } from '../gong/gong-result.js';
import { requestIdFor } from '../gong/request-id.js';
import type { MockContext } from '../mock-context.js';
import { mix2, unit } from '../world/hash.js';
import type { WorldAccount } from '../world/world.js';
import { createRateLimiter, GONG_RATE_LIMITS, type RateLimiter } from './rate-limiter.js';
import type { ScenarioName } from './scenarios.js';

/** Share of a flaky account's Gong calls that fail. */
export const FLAKY_RATE = 0.25;
/** Retry-After of the `rate-limited` scenario, seconds. */
export const SCENARIO_RETRY_AFTER = 2;

/**
 * The server's fault settings and the little state faults need (counters, limiter windows).
 *
 * @example
 * ```ts
 * const faults: FaultState = createFaultState({ rateLimit: 'gong' });
 * faults.gongLimiter; // Gong's documented limits, applied per account
 * ```
 */
export interface FaultState {
  /** Share of all Gong calls that fail with a 500 (`--fault-rate`). */
  faultRate: number;
  /** Gong's documented limits, when `--rate-limit gong`. */
  gongLimiter: RateLimiter | undefined;
  /** One call a second, for the `rate-limited` account. */
  strictLimiter: RateLimiter;
  /** Counts calls, so seeded fault draws differ call after call. */
  calls: number;
}

/**
 * Fault settings with fresh counters and limiter windows; every option is optional.
 *
 * @example
 * ```ts
 * createFaultState({}); // no injected faults: only scenarios and account behaviors
 * createFaultState({ faultRate: 0.05, rateLimit: 'gong', clock: () => performance.now() });
 * ```
 */
export function createFaultState(options: {
  faultRate?: number;
  rateLimit?: 'gong' | undefined;
  /** Monotonic ms for the limiters' windows. */
  clock?: () => number;
}): FaultState {
  return {
    faultRate: options.faultRate ?? 0,
    gongLimiter: options.rateLimit === 'gong' ? createRateLimiter(GONG_RATE_LIMITS, options.clock) : undefined,
    strictLimiter: createRateLimiter([{ limit: 1, windowMs: 1000 }], options.clock),
    calls: 0,
  };
}

/**
 * What faults make of one Gong call: a failure to answer instead, or an answer to alter.
 *
 * @example
 * ```ts
 * const fault = gongFault(context, faults, account, call.scenario);
 * if (fault.failure !== undefined) return fault.failure;
 * ```
 */
export interface FaultOutcome {
  /** The error to answer instead of the data, if any. */
  failure: GongFailure | undefined;
  /** Answer as an account without data (the `empty` scenario). */
  empty: boolean;
  /** Hand back the cursor the call was given (a `looping` account or scenario). */
  looping: boolean;
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

/** The fault a Gong call meets. */
export function gongFault(
  context: MockContext,
  state: FaultState,
  account: WorldAccount,
  scenario: ScenarioName | undefined,
): FaultOutcome {
  const n = ++state.calls;
  const behavior = account.behavior ?? 'healthy';
  const outcome: FaultOutcome = {
    failure: undefined,
    // Only the scenario skips Gong's checks: an account without users answers "No stats"
    // after validating the window, as every other account does.
    empty: scenario === 'empty',
    looping: scenario === 'looping' || behavior === 'looping',
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
    const decision = limiter?.take(account.id);
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
