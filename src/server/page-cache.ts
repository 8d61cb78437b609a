/**
 * Serialized pages, kept for the next identical request: a page is a pure function of the
 * seed, the URL and the host, so a repeated request can be answered with the very bytes sent
 * before, without generating, mapping or serializing anything. Bounded by total bytes.
 *
 * A page is kept from its second request on, not its first: a test suite repeats its pages,
 * so they are kept, while a stream of distinct pages would only churn the cache (and the
 * garbage collector) without ever hitting it.
 */
import { createLruCache, keptOnSecondOffer } from '../lru-cache.js';

/** Requests remembered (as 32-bit hashes) to recognise a second request. */
const SEEN_KEYS = 100_000;

export interface PageCache {
  get(key: string): Buffer | undefined;
  /** Offers a freshly made page; it is kept if its key was offered before. */
  offer(key: string, bytes: Buffer): void;
}

/**
 * The page's bytes in memory of their own. A small Buffer is often a slice of Node's shared
 * 8 KB pool, and keeping it would keep the whole slab alive while counting only the slice.
 */
function ownBytes(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

/** A least-recently-used cache holding at most `maxBytes` of pages. */
export function createPageCache(maxBytes: number): PageCache {
  const pages = keptOnSecondOffer(
    createLruCache<Buffer>(maxBytes, (bytes) => bytes.length),
    SEEN_KEYS,
  );
  return {
    get: (key) => pages.get(key),
    // Only a page that will be kept is worth a copy of its own.
    offer: (key, bytes) => void pages.offer(key, (kept) => (kept ? ownBytes(bytes) : bytes)),
  };
}
