import { describe, expect, it } from 'vitest';
import { createLruCache, keptOnSecondOffer } from './lru-cache.js';

describe('createLruCache', () => {
  it('drops the least recently used entries once the weights pass the capacity', () => {
    const cache = createLruCache<number[]>(5, (value) => value.length);
    cache.set('a', [1, 2]);
    cache.set('b', [1, 2]);
    expect(cache.get('a')).toEqual([1, 2]); // a is now the most recent
    cache.set('c', [1, 2]); // 6 > 5: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual([1, 2]);
    expect(cache.get('c')).toEqual([1, 2]);
    expect(cache.size).toBe(2);
  });

  it('never keeps an entry heavier than the whole capacity, and replaces a key in place', () => {
    const cache = createLruCache<number[]>(3, (value) => value.length);
    cache.set('big', [1, 2, 3, 4]);
    expect(cache.get('big')).toBeUndefined();
    cache.set('k', [1]);
    cache.set('k', [1, 2, 3]);
    expect(cache.get('k')).toEqual([1, 2, 3]);
    expect(cache.size).toBe(1);
  });

  it('weighs keys as well as values, and keeps at most maxEntries entries', () => {
    const byKey = createLruCache<string>(10, (value, key) => value.length + key.length);
    byKey.set('long-key', ''); // weighs 8 with an empty value
    byKey.set('k2', 'v'); // 3 more: 11 > 10, so long-key goes
    expect(byKey.get('long-key')).toBeUndefined();
    expect(byKey.weight).toBe(3);
    const counted = createLruCache<string>(1000, (value) => value.length, 2);
    for (const key of ['a', 'b', 'c']) counted.set(key, 'x');
    expect(counted.size).toBe(2);
    expect(counted.get('a')).toBeUndefined();
    expect(counted.weight).toBe(2);
  });

  it('keptOnSecondOffer keeps a value only when its key was offered among the recent ones', () => {
    const cache = keptOnSecondOffer(createLruCache<string>(10), 2);
    const told: boolean[] = [];
    const offer = (key: string, value: string) =>
      cache.offer(key, (kept) => {
        told.push(kept);
        return value;
      });
    expect(offer('a', 'first')).toBe('first');
    expect(cache.get('a')).toBeUndefined();
    offer('a', 'second');
    expect(cache.get('a')).toBe('second');
    // At most two keys are remembered, then all forgotten at once: y's offer forgets a and x,
    // so x's next offer finds only y and z remembered (and forgets them in turn).
    offer('x', 'x');
    offer('y', 'y');
    offer('z', 'z');
    offer('x', 'x again');
    expect(cache.get('x')).toBeUndefined();
    offer('x', 'x a third time');
    expect(cache.get('x')).toBe('x a third time');
    expect(cache.size).toBe(2);
    // make is told, before it builds, whether its value will be kept.
    expect(told).toEqual([false, true, false, false, false, false, true]);
  });
});
