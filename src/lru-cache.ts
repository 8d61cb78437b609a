/**
 * A small least-recently-used cache. Everything the mock computes is a pure function of its
 * inputs, so a bounded cache of recent answers is always correct and never grows without end.
 */
export interface LruCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

/**
 * A cache keeping the most recently used entries whose weights add up to at most `capacity`
 * (by default every entry weighs 1). A Map iterates oldest first.
 */
export function createLruCache<V>(capacity: number, weigh: (value: V) => number = () => 1): LruCache<V> {
  const entries = new Map<string, V>();
  let total = 0;
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      const weight = weigh(value);
      if (weight > capacity) return;
      const old = entries.get(key);
      if (old !== undefined) {
        total -= weigh(old);
        entries.delete(key);
      }
      entries.set(key, value);
      total += weight;
      for (const [oldest, entry] of entries) {
        if (total <= capacity) break;
        entries.delete(oldest);
        total -= weigh(entry);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
