/**
 * Rate limits over the store's windowed counters: a window starts at a key's first call in it,
 * the shortest window answers first, and a call it refuses costs the longer windows nothing.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimiter, GONG_RATE_LIMITS } from '../../src/faults/rate-limiter.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

describe('createRateLimiter', () => {
  it('allows `limit` calls in a window that starts at the first call, then refuses until it ends', async () => {
    let now = 500;
    const limiter = createRateLimiter(createMemoryStore({ clock: () => now }), 'test', [{ limit: 2, windowMs: 1000 }]);
    expect(await limiter.take('a')).toEqual({ allowed: true });
    now = 1200; // past a calendar second, still inside the window the first call started
    expect(await limiter.take('a')).toEqual({ allowed: true });
    expect(await limiter.take('a')).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 1 });
    expect(await limiter.take('b')).toEqual({ allowed: true });
    now = 1500;
    expect(await limiter.take('a')).toEqual({ allowed: true });
  });

  it('reports the seconds left in the refusing window, at least one', async () => {
    let now = 0;
    const limiter = createRateLimiter(createMemoryStore({ clock: () => now }), 'test', [{ limit: 1, windowMs: 5000 }]);
    await limiter.take('a');
    now = 1000;
    expect(await limiter.take('a')).toMatchObject({ allowed: false, resetSeconds: 4 });
    now = 4999.5;
    expect(await limiter.take('a')).toMatchObject({ allowed: false, resetSeconds: 1 });
  });

  it('does not count a call the short window refused against the long one', async () => {
    let now = 0;
    const limits = [
      { limit: 5, windowMs: 60_000 },
      { limit: 1, windowMs: 1000 },
    ];
    const limiter = createRateLimiter(createMemoryStore({ clock: () => now }), 'test', limits);
    const decisions = [];
    for (let second = 0; second < 6; second++) {
      now = second * 1000;
      decisions.push((await limiter.take('a')).allowed, (await limiter.take('a')).allowed);
    }
    // One call a second gets through; the refused ones leave the minute's budget of 5 alone.
    expect(decisions).toEqual([true, false, true, false, true, false, true, false, true, false, false, false]);
  });

  it('keeps each limiter and each window in a counter of its own', async () => {
    const store = createMemoryStore({ clock: () => 0 });
    const one = createRateLimiter(store, 'one', [{ limit: 1, windowMs: 1000 }]);
    const two = createRateLimiter(store, 'two', [{ limit: 1, windowMs: 1000 }]);
    expect((await one.take('a')).allowed).toBe(true);
    expect((await two.take('a')).allowed).toBe(true);
    expect(await store.count('rate:one:1000:a')).toBe(1);
    const both = createRateLimiter(store, 'both', [
      { limit: 2, windowMs: 1000 },
      { limit: 2, windowMs: 2000 },
    ]);
    expect((await both.take('a')).allowed).toBe(true);
    expect((await both.take('a')).allowed).toBe(true);
    expect(await both.take('a')).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 1 });
    expect([await store.count('rate:both:1000:a'), await store.count('rate:both:2000:a')]).toEqual([3, 2]);
  });

  it('a driver that reports no reset time: the whole window, in seconds rounded up', async () => {
    const memory = createMemoryStore({ clock: () => 0 });
    const store = { ...memory, incr: async (key: string, options?: { windowMs?: number }) => ({ ...(await memory.incr(key, options)), resetMs: undefined }) };
    const limiter = createRateLimiter(store, 'test', [{ limit: 1, windowMs: 2500 }]);
    await limiter.take('a');
    expect(await limiter.take('a')).toEqual({ allowed: false, limit: 1, remaining: 0, resetSeconds: 3 });
  });

  it("Gong's documented limits: 3 a second, 10,000 a day", () => {
    expect(GONG_RATE_LIMITS).toEqual([
      { limit: 3, windowMs: 1000 },
      { limit: 10_000, windowMs: 86_400_000 },
    ]);
  });
});
