/**
 * Rate limits over the store's windowed counters: a window starts at a key's first call in it,
 * the shortest window answers first, and a call it refuses costs the longer windows nothing.
 */
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/faults/rate-limiter.js';
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
});
