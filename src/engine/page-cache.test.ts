import { describe, expect, it } from 'vitest';
import { createPageCache, PAGE_ENTRY_OVERHEAD } from './page-cache.js';

const page = (text: string) => Buffer.from(text);
const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));
/** Offers a page twice, so it is kept. */
function keep(cache: ReturnType<typeof createPageCache>, key: string, text: string): void {
  cache.offer(key, page(text));
  cache.offer(key, page(text));
}

describe('createPageCache', () => {
  it('keeps a page from its second offer on, not its first', () => {
    const cache = createPageCache();
    cache.offer('a', page('first'));
    expect(cache.get('a')).toBeUndefined();
    cache.offer('a', page('second'));
    expect(text(cache.get('a'))).toBe('second');
  });

  it('stays within its byte budget, keys and bookkeeping included, dropping the least recently used', () => {
    // Room for two entries of a 1-character key and a 5-byte page, not three.
    const cache = createPageCache({ maxBytes: 2 * (PAGE_ENTRY_OVERHEAD + 6) });
    for (const key of ['a', 'b', 'c']) {
      keep(cache, key, '12345');
      if (key === 'b') cache.get('a'); // a is used again: b is now the oldest
    }
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.use()).toMatchObject({ entries: 2, bytes: 2 * (PAGE_ENTRY_OVERHEAD + 6) });
  });

  it('weighs the key: empty pages under long keys cannot flood it', () => {
    const cache = createPageCache({ maxBytes: 100_000 });
    for (let i = 0; i < 200; i++) keep(cache, `${i}&${'x'.repeat(10_000)}`, '');
    const use = cache.use();
    expect(use.bytes).toBeLessThanOrEqual(100_000);
    expect(use.entries).toBeLessThanOrEqual(9); // each entry weighs over 10,000 bytes
  });

  it('keeps at most maxEntries pages, however small', () => {
    const cache = createPageCache({ maxEntries: 3 });
    for (let i = 0; i < 10; i++) keep(cache, `q=${i}`, '{}');
    expect(cache.use().entries).toBe(3);
    expect(cache.get('q=9')).toBeDefined();
    expect(cache.get('q=6')).toBeUndefined();
  });

  it('keeps a small page in memory of its own, not a slice of a shared pool slab', () => {
    const cache = createPageCache();
    const small = page('x'.repeat(100));
    cache.offer('s', small);
    cache.offer('s', small);
    const kept = cache.get('s')!;
    expect(text(kept)).toBe('x'.repeat(100));
    expect(kept.buffer.byteLength).toBe(100);
  });

  it('never keeps a page larger than the whole budget', () => {
    const cache = createPageCache({ maxBytes: PAGE_ENTRY_OVERHEAD + 5 });
    keep(cache, 'big', '12345');
    expect(cache.get('big')).toBeUndefined();
  });

  it('keeps a page of its own memory as it is, and copies a slice from either end', () => {
    const cache = createPageCache();
    const own = new Uint8Array([1, 2, 3]);
    cache.offer('own', own);
    cache.offer('own', own);
    expect(cache.get('own')).toBe(own);
    const pool = new Uint8Array([1, 2, 3, 4, 5, 6]);
    for (const [key, slice] of [
      ['start', pool.subarray(0, 3)],
      ['end', pool.subarray(3)],
    ] as const) {
      cache.offer(key, slice);
      cache.offer(key, slice);
      const kept = cache.get(key)!;
      expect(kept).not.toBe(slice);
      expect([...kept]).toEqual([...slice]);
      expect([kept.byteOffset, kept.buffer.byteLength]).toEqual([0, 3]);
    }
  });

  it('reports its use and bounds: 64 MiB and 20,000 pages by default, a page weighing bytes, key and overhead', () => {
    expect(createPageCache().use()).toEqual({ entries: 0, bytes: 0, maxEntries: 20_000, maxBytes: 64 * 1024 * 1024 });
    const cache = createPageCache({ maxBytes: 5000, maxEntries: 7 });
    keep(cache, 'abc', '12345');
    expect(cache.use()).toEqual({ entries: 1, bytes: 5 + 3 + PAGE_ENTRY_OVERHEAD, maxEntries: 7, maxBytes: 5000 });
    expect(PAGE_ENTRY_OVERHEAD).toBe(400);
  });
});
