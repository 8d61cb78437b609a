import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache.js';

const page = (text: string) => Buffer.from(text);

describe('createPageCache', () => {
  it('keeps a page from its second offer on, not its first', () => {
    const cache = createPageCache(1000);
    cache.offer('a', page('first'));
    expect(cache.get('a')).toBeUndefined();
    cache.offer('a', page('second'));
    expect(cache.get('a')?.toString()).toBe('second');
  });

  it('stays within its byte budget, dropping the least recently used pages', () => {
    const cache = createPageCache(10);
    for (const key of ['a', 'b', 'c']) {
      cache.offer(key, page('12345'));
      cache.offer(key, page('12345'));
      if (key === 'b') cache.get('a'); // a is used again: b is now the oldest
    }
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('keeps a small page in memory of its own, not a slice of a shared pool slab', () => {
    const cache = createPageCache(1000);
    const small = page('x'.repeat(100));
    cache.offer('s', small);
    cache.offer('s', small);
    const kept = cache.get('s')!;
    expect(kept.toString()).toBe('x'.repeat(100));
    expect(kept.buffer.byteLength).toBe(100);
  });

  it('never keeps a page larger than the whole budget', () => {
    const cache = createPageCache(4);
    cache.offer('big', page('12345'));
    cache.offer('big', page('12345'));
    expect(cache.get('big')).toBeUndefined();
  });
});
