/**
 * Serialized pages, kept for the next identical request: a page is a pure function of the
 * seed, the URL and the host, so a repeated request can be answered with the very bytes sent
 * before, without generating, mapping or serializing anything. Bounded by total bytes.
 */

export interface PageCache {
  get(key: string): Buffer | undefined;
  set(key: string, bytes: Buffer): void;
}

/** A least-recently-used cache holding at most `maxBytes` of pages. */
export function createPageCache(maxBytes: number): PageCache {
  const pages = new Map<string, Buffer>();
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
    set(key, bytes) {
      if (bytes.length > maxBytes) return;
      const old = pages.get(key);
      if (old !== undefined) {
        total -= old.length;
        pages.delete(key);
      }
      pages.set(key, bytes);
      total += bytes.length;
      for (const [oldest, value] of pages) {
        if (total <= maxBytes) break;
        pages.delete(oldest);
        total -= value.length;
      }
    },
  };
}
