/**
 * A sliding-window rate limiter per key, on an injected monotonic clock: Gong's documented
 * limits are 3 calls a second and 10,000 a day per company.
 */

export interface RateLimit {
  /** Calls allowed per window. */
  limit: number;
  /** Window length in ms. */
  windowMs: number;
}

/**
 * Gong's documented limits: 3 calls a second and 10,000 a day, per company.
 *
 * @example
 * ```ts
 * const limiter = createRateLimiter(GONG_RATE_LIMITS);
 * ```
 */
export const GONG_RATE_LIMITS: readonly RateLimit[] = [
  { limit: 3, windowMs: 1000 },
  { limit: 10_000, windowMs: 86_400_000 },
];

/** Outcome of one call: allowed, or refused with the seconds to wait. */
export type RateDecision =
  | { allowed: true; limit: number; remaining: number; resetSeconds: number }
  | { allowed: false; limit: number; remaining: 0; resetSeconds: number };

/**
 * Counts calls per key against its limits.
 *
 * @example
 * ```ts
 * const decision = createRateLimiter([{ limit: 1, windowMs: 1000 }]).take(account.id);
 * decision.allowed; // true for the first call of the second
 * ```
 */
export interface RateLimiter {
  /** Counts one call for `key` if the limits allow it; a refused call is not counted. */
  take(key: string): RateDecision;
}

/** A limiter enforcing every limit in `limits` (the strictest one answers). */
export function createRateLimiter(
  limits: readonly RateLimit[],
  clock: () => number = () => performance.now(),
): RateLimiter {
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const calls = new Map<string, number[]>();
  return {
    take(key) {
      const now = clock();
      const list = (calls.get(key) ?? []).filter((t) => t > now - longest);
      let refusal: RateDecision | undefined;
      let tightest: RateDecision | undefined;
      for (const { limit, windowMs } of limits) {
        const inWindow = list.filter((t) => t > now - windowMs);
        const oldest = inWindow[0] ?? now;
        const resetSeconds = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
        if (inWindow.length >= limit) {
          if (refusal === undefined || resetSeconds > refusal.resetSeconds)
            refusal = { allowed: false, limit, remaining: 0, resetSeconds };
        } else if (tightest === undefined || limit - inWindow.length - 1 < tightest.remaining) {
          tightest = { allowed: true, limit, remaining: limit - inWindow.length - 1, resetSeconds };
        }
      }
      if (refusal !== undefined) {
        calls.set(key, list);
        return refusal;
      }
      list.push(now);
      calls.set(key, list);
      return tightest as RateDecision;
    },
  };
}
