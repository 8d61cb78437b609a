/**
 * The memory driver's edges, on a clock the test holds: a window ends exactly at its length
 * (an increment then starts a new one, a count says 0), a windowless counter never reads the
 * clock, an item exactly at the weight bound is kept, and the default clock is performance.now.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMemoryStore', () => {
  it('a window ends exactly windowMs after its first increment', async () => {
    let now = 1000;
    const store = createMemoryStore({ clock: () => now });
    expect(await store.incr('w', { windowMs: 500 })).toEqual({ value: 1, resetMs: 500 });
    now = 1499;
    expect(await store.count('w')).toBe(1);
    expect(await store.incr('w', { windowMs: 500 })).toEqual({ value: 2, resetMs: 1 });
    now = 1500;
    expect(await store.count('w')).toBe(0);
    expect(await store.incr('w', { windowMs: 500 })).toEqual({ value: 1, resetMs: 500 });
  });

  it('a counter without a window never reads the clock and never ends', async () => {
    const clock = vi.fn(() => 0);
    const store = createMemoryStore({ clock });
    await store.incr('n');
    await store.incr('n');
    expect(clock).not.toHaveBeenCalled();
    expect(await store.count('n')).toBe(2);
    expect(await store.incr('n')).toEqual({ value: 3, resetMs: undefined });
  });

  it('a windowless counter stays counted at any hour of the clock', async () => {
    let now = 0;
    const store = createMemoryStore({ clock: () => now });
    await store.incr('n');
    now = 1e15;
    expect(await store.count('n')).toBe(1);
    expect(await store.incr('n')).toEqual({ value: 2, resetMs: undefined });
  });

  it('keeps an item exactly at the weight bound, and drops the oldest only past it', async () => {
    const store = createMemoryStore();
    await store.append('l', 'a', { maxItems: 10, maxWeight: 5, weight: 2 });
    await store.append('l', 'b', { maxItems: 10, maxWeight: 5, weight: 3 });
    expect(await store.list('l')).toEqual(['a', 'b']);
    expect(await store.listUse('l')).toEqual({ items: 2, weight: 5 });
    await store.append('l', 'c', { maxItems: 10, maxWeight: 5, weight: 5 });
    expect(await store.list('l')).toEqual(['c']);
    expect(await store.listUse('l')).toEqual({ items: 1, weight: 5 });
    await store.append('l', 'd', { maxItems: 2 });
    await store.append('l', 'e', { maxItems: 2 });
    expect(await store.list('l')).toEqual(['d', 'e']);
    expect(await store.listUse('l')).toEqual({ items: 2, weight: 2 });
  });

  it('an append refused by its bounds leaves the list as it was', async () => {
    const store = createMemoryStore();
    await store.append('l', 'a', { maxItems: 3 });
    await store.append('l', 'heavy', { maxItems: 3, maxWeight: 4, weight: 5 });
    await store.append('l', 'none', { maxItems: 0 });
    expect(await store.list('l')).toEqual(['a']);
    expect(await store.listUse('l')).toEqual({ items: 1, weight: 1 });
    expect(await store.listUse('never')).toEqual({ items: 0, weight: 0 });
    expect(await store.list('never')).toEqual([]);
  });

  it('keeps lists and counters apart by key', async () => {
    const store = createMemoryStore();
    await store.append('a', 1, { maxItems: 5 });
    await store.append('b', 2, { maxItems: 5 });
    expect(await store.clear('a')).toBe(1);
    expect(await store.list('b')).toEqual([2]);
  });

  it('measures windows on performance.now by default', async () => {
    let now = 10_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const store = createMemoryStore();
    expect(await store.incr('w', { windowMs: 1000 })).toEqual({ value: 1, resetMs: 1000 });
    now = 10_400;
    expect(await store.incr('w', { windowMs: 1000 })).toEqual({ value: 2, resetMs: 600 });
    now = 11_000;
    expect(await store.count('w')).toBe(0);
  });

  it('says it is memory, reachable and never degraded', () => {
    expect(createMemoryStore().health?.()).toEqual({ driver: 'memory', reachable: true, degraded: false });
  });
});
