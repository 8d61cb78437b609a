/**
 * Serialized pages, kept for the next identical request: a page is a pure function of the
 * seed, the URL and the host, so a repeated request can be answered with the very bytes sent
 * before, without generating, mapping or serializing anything. Bounded by total bytes.
 *
 * A page is admitted on its second request, not its first: a test suite repeats its pages,
 * so they are kept from the second time on, while a stream of distinct pages would only churn
 * the cache (and the garbage collector) without ever hitting it.
 */
import { hashString } from '../world/hash.js';

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
  const pages = new Map<string, Buffer>();
  const seen = new Set<number>();
  let total = 0;
  return {
    get(key) {
      const bytes = pages.get(key);
      if (bytes !== undefined) {
        pages.delete(key);
        pages.set(key, bytes);
      }
      return bytes;
    },
    offer(key, bytes) {
      const hash = hashString(key);
      if (!seen.has(hash)) {
        if (seen.size >= SEEN_KEYS) seen.clear();
        seen.add(hash);
        return;
      }
      if (bytes.length > maxBytes) return;
      const old = pages.get(key);
      if (old !== undefined) {
        total -= old.length;
        pages.delete(key);
      }
      pages.set(key, ownBytes(bytes));
      total += bytes.length;
      for (const [oldest, value] of pages) {
        if (total <= maxBytes) break;
        pages.delete(oldest);
        total -= value.length;
      }
    },
  };
}
