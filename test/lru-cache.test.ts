/**
 * The LRU cache forgets the entry used longest ago: reading an entry makes it the newest, and
 * reading the newest again changes nothing (it is not moved, being last already).
 */
import { describe, expect, it } from 'vitest';
import { createLruCache } from '../src/lru-cache.js';

describe('createLruCache', () => {
  it('forgets the least recently used entry first, a read counting as a use', () => {
    const cache = createLruCache<number>(3, () => 1);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    // b was used longest ago.
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('c'), cache.get('a'), cache.get('d')]).toEqual([3, 1, 4]);
    // Now c is the oldest use.
    cache.set('e', 5);
    expect(cache.get('c')).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  it('keeps the newest entry newest when it is read again and again', () => {
    const cache = createLruCache<number>(3, () => 1);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    for (let i = 0; i < 5; i++) expect(cache.get('c')).toBe(3);
    cache.set('d', 4);
    expect(cache.get('a')).toBeUndefined();
    cache.set('e', 5);
    // b went next, then c would: c read five times is still after b.
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBe(3);
  });

  it('moves an entry read after another to the end, even when it was the newest before', () => {
    const cache = createLruCache<number>(3, () => 1);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    // b was the newest before a was read: reading it now moves it after a.
    expect(cache.get('b')).toBe(2);
    cache.set('c', 3);
    cache.set('d', 4);
    // Uses, oldest first: a, b, c, d: a goes.
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([2, 3, 4]);
  });

  it('reads a key that was too heavy to keep as missing, though it was the last one set', () => {
    const cache = createLruCache<number>(10, (value) => value);
    cache.set('small', 2);
    cache.set('huge', 11);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('small')).toBe(2);
    expect(cache.weight).toBe(2);
  });
});
