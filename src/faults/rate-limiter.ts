/**
 * A rate limiter per key over the store's windowed counters: Gong's documented limits are 3
 * calls a second and 10,000 a day per company. A window starts at a key's first call in it
 * (the store's `incr` with `windowMs`), so instances sharing a store share the budget.
 */
import type { Store } from '../store/store.js';

/**
 * One budget: at most `limit` calls in a window of `windowMs`.
 *
 * @example
 * const perSecond: RateLimit = { limit: 3, windowMs: 1000 };
 */
export interface RateLimit {
  /** Calls allowed per window. */
  limit: number;
  /** Window length in ms. */
  windowMs: number;
}

/**
 * Gong's documented limits per company: 3 calls a second and 10,000 a day.
 *
 * @example
 * createRateLimiter(store, 'gong', GONG_RATE_LIMITS);
 */
export const GONG_RATE_LIMITS: readonly RateLimit[] = [
  { limit: 3, windowMs: 1000 },
  { limit: 10_000, windowMs: 86_400_000 },
];

/** Outcome of one call: allowed, or refused with the seconds to wait. */
export type RateDecision = { allowed: true } | { allowed: false; limit: number; remaining: 0; resetSeconds: number };

/**
 * Takes one call from a key's budget.
 *
 * @example
 * const limiter = createRateLimiter(store, 'gong', GONG_RATE_LIMITS);
 * (await limiter.take('acme')).allowed; // true, for the first 3 calls of a second
 */
export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

/**
 * A limiter enforcing every limit in `limits`, shortest window first: a call refused by one
 * window is not counted against the longer ones.
 *
 * @example
 * const strict = createRateLimiter(createMemoryStore(), 'strict', [{ limit: 1, windowMs: 1000 }]);
 */
export function createRateLimiter(store: Store, name: string, limits: readonly RateLimit[]): RateLimiter {
  const ordered = [...limits].sort((a, b) => a.windowMs - b.windowMs);
  return {
    async take(key) {
      for (const { limit, windowMs } of ordered) {
        const counter = await store.incr(`rate:${name}:${windowMs}:${key}`, { windowMs });
        if (counter.value > limit) {
          const resetSeconds = Math.max(1, Math.ceil((counter.resetMs ?? windowMs) / 1000));
          return { allowed: false, limit, remaining: 0, resetSeconds };
        }
      }
      return { allowed: true };
    },
  };
}
