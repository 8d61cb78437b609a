/**
 * Serialized pages, kept for the next identical request: a page is a pure function of the
 * server's options and the raw query (a debug envelope names the configured origin, never the
 * request's Host), so a repeated request can be answered with the very bytes sent before,
 * without generating, mapping or serializing anything. Keyed by the query alone: distinct Host
 * headers cannot multiply the entries. Bounded by bytes, keys included, and by entries.
 *
 * A page is kept from its second request on, not its first: a test suite repeats its pages,
 * so they are kept, while a stream of distinct pages would only churn the cache (and the
 * garbage collector) without ever hitting it.
 */
import { createLruCache, keptOnSecondOffer } from '../lru-cache.js';

/** Requests remembered (as 32-bit hashes) to recognise a second request. */
const SEEN_KEYS = 100_000;
/**
 * Bytes a kept page costs besides its own bytes and its key's characters: the Map entry, the
 * Buffer object and its backing store's bookkeeping, the request URL the key is a slice of,
 * the hash remembering its first offer. Measured (heap and external memory after GC, 20,000
 * empty pages) at about 390 bytes; rounded up.
 */
export const PAGE_ENTRY_OVERHEAD = 400;

export interface PageCacheOptions {
  /** Bytes of pages, keys and bookkeeping kept at most. Default 64 MiB. */
  maxBytes?: number;
  /** Pages kept at most, however small. Default 20,000. */
  maxEntries?: number;
}

/** How full a cache is, against its bounds. */
export interface CacheUse {
  entries: number;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}

export interface PageCache {
  /** The page kept for this raw query string. */
  get(rawQuery: string): Uint8Array | undefined;
  /** Offers a freshly made page; it is kept if its query was offered before. */
  offer(rawQuery: string, bytes: Uint8Array): void;
  use(): CacheUse;
}

/**
 * The page's bytes in memory of their own. Small byte arrays are often slices of a shared
 * pool (Node's 8 KB slab), and keeping one would keep the whole pool alive while counting
 * only the slice.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  return new Uint8Array(bytes);
}

/** What a kept page costs: its bytes, its key and the bookkeeping. */
function weighPage(bytes: Uint8Array, rawQuery: string): number {
  return bytes.length + rawQuery.length + PAGE_ENTRY_OVERHEAD;
}

/**
 * A least-recently-used cache of pages keyed by their raw query.
 *
 * @example
 * const pages = createPageCache({ maxBytes: 8 << 20 });
 * pages.offer(rawQuery, bytes);
 * pages.get(rawQuery); // the bytes, from the second offer on
 */
export function createPageCache(options: PageCacheOptions = {}): PageCache {
  const { maxBytes = 64 * 1024 * 1024, maxEntries = 20_000 } = options;
  const pages = keptOnSecondOffer(createLruCache<Uint8Array>(maxBytes, weighPage, maxEntries), SEEN_KEYS);
  return {
    get: (rawQuery) => pages.get(rawQuery),
    // Only a page that will be kept is worth a copy of its own.
    offer: (rawQuery, bytes) => void pages.offer(rawQuery, (kept) => (kept ? ownBytes(bytes) : bytes)),
    use: () => ({ entries: pages.size, bytes: pages.weight, maxEntries, maxBytes }),
  };
}
