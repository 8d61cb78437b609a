/**
 * The store's behaviour, one suite for every driver (only memory today; a Redis driver joins
 * this table when it exists).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

const DRIVERS: Array<[string, (clock: () => number) => Store]> = [['memory', (clock) => createMemoryStore({ clock })]];

describe.each(DRIVERS)('the %s store', (_name, make) => {
  it('counts without a window forever, key by key', async () => {
    const store = make(() => 0);
    expect(await store.incr('a')).toEqual({ value: 1, resetMs: undefined });
    expect(await store.incr('a')).toEqual({ value: 2, resetMs: undefined });
    expect(await store.incr('b')).toEqual({ value: 1, resetMs: undefined });
  });

  it('counts in a window that the first increment starts, and starts again once it ends', async () => {
    let now = 100;
    const store = make(() => now);
    expect(await store.incr('w', { windowMs: 1000 })).toEqual({ value: 1, resetMs: 1000 });
    now = 600;
    expect(await store.incr('w', { windowMs: 1000 })).toEqual({ value: 2, resetMs: 500 });
    now = 1100;
    expect(await store.incr('w', { windowMs: 1000 })).toEqual({ value: 1, resetMs: 1000 });
  });

  it('counts report a counter without changing it, 0 once its window ended or before it began', async () => {
    let now = 0;
    const store = make(() => now);
    expect(await store.count('c')).toBe(0);
    await store.incr('c');
    await store.incr('c');
    expect(await store.count('c')).toBe(2);
    expect(await store.count('c')).toBe(2);
    await store.incr('w', { windowMs: 100 });
    expect(await store.count('w')).toBe(1);
    now = 100;
    expect(await store.count('w')).toBe(0);
  });

  it('increments atomically: concurrent increments each get their own value', async () => {
    const store = make(() => 0);
    const values = await Promise.all(Array.from({ length: 50 }, () => store.incr('c')));
    expect(values.map((c) => c.value).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('keeps a list bounded by items and by weight, dropping the oldest first', async () => {
    const store = make(() => 0);
    for (let i = 1; i <= 5; i++) await store.append('l', i, { maxItems: 3 });
    expect(await store.list('l')).toEqual([3, 4, 5]);
    await store.append('l', 6, { maxItems: 3, maxWeight: 2.5, weight: 1 });
    // Weights: 3, 4, 5 weighed 1 each; adding 6 makes 4 > 2.5, so two go.
    expect(await store.list('l')).toEqual([5, 6]);
    expect(await store.listUse('l')).toEqual({ items: 2, weight: 2 });
  });

  it('does not keep an item heavier than the whole bound, nor any under a bound of 0 items', async () => {
    const store = make(() => 0);
    await store.append('l', 'heavy', { maxItems: 10, maxWeight: 5, weight: 6 });
    await store.append('m', 'none', { maxItems: 0 });
    expect(await store.list('l')).toEqual([]);
    expect(await store.list('m')).toEqual([]);
  });

  it('clears a list and says how many items it held', async () => {
    const store = make(() => 0);
    await store.append('l', 'a', { maxItems: 10 });
    await store.append('l', 'b', { maxItems: 10 });
    expect(await store.clear('l')).toBe(2);
    expect(await store.list('l')).toEqual([]);
    expect(await store.clear('never')).toBe(0);
  });
});
