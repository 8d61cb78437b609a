/**
 * A small least-recently-used cache. Everything the mock computes is a pure function of its
 * inputs, so a bounded cache of recent answers is always correct and never grows without end.
 */
import { hashString } from './world/hash.js';

/**
 * A bounded least-recently-used cache (see {@link createLruCache}).
 *
 * @example
 * ```ts
 * const cache: LruCache<string> = createLruCache(2);
 * cache.set('a', 'A'); cache.set('b', 'B'); cache.set('c', 'C');
 * cache.get('a'); // undefined: the oldest went first
 * ```
 */
export interface LruCache<V> {
  /** The value kept under `key` (now the most recently used), or undefined. */
  get(key: string): V | undefined;
  /** Keeps a value, unless it weighs more than the whole capacity. */
  set(key: string, value: V): void;
  /** Entries kept. */
  readonly size: number;
  /** The entries' weights added up: never more than the capacity. */
  readonly weight: number;
}

/**
 * A cache keeping the most recently used entries whose weights add up to at most `capacity`
 * (by default every entry weighs 1), and at most `maxEntries` of them. `weigh` is given the
 * key too: a key can weigh more than its value (a long query string keyed to an empty page),
 * and a cache bounded by its values alone would let such entries in by the million.
 * A Map iterates oldest first.
 *
 * @example
 * const pages = createLruCache<Uint8Array>(64 << 20, (bytes, key) => bytes.length + key.length, 20_000);
 */
export function createLruCache<V>(
  capacity: number,
  weigh: (value: V, key: string) => number = () => 1,
  maxEntries = Number.POSITIVE_INFINITY,
): LruCache<V> {
  const entries = new Map<string, V>();
  let total = 0;
  // The key used last: a page asked for again and again is already the newest, and moving it
  // to the end of the Map (a delete and a set) was most of a repeated page's cache lookup.
  let newest: string | undefined;
  return withCounts<LruCache<V>>(
    {
      get(key) {
        const value = entries.get(key);
        if (value !== undefined && key !== newest) {
          entries.delete(key);
          entries.set(key, value);
          newest = key;
        }
        return value;
      },
      set(key, value) {
        newest = key;
        const weight = weigh(value, key);
        const old = entries.get(key);
        if (old !== undefined) {
          total -= weigh(old, key);
          entries.delete(key);
        }
        if (weight > capacity || maxEntries < 1) return;
        entries.set(key, value);
        total += weight;
        for (const [oldest, entry] of entries) {
          if (total <= capacity && entries.size <= maxEntries) break;
          entries.delete(oldest);
          total -= weigh(entry, oldest);
        }
      },
    },
    () => entries.size,
    () => total,
  );
}

/**
 * `methods` with read-only `size` and `weight` getters added by defineProperty: written as
 * getters in the object literal, they would put the cache in V8's slow dictionary mode, and
 * caches are read on every request.
 */
function withCounts<C extends { readonly size: number; readonly weight: number }>(
  methods: Omit<C, 'size' | 'weight'>,
  size: () => number,
  weight: () => number,
): C {
  return Object.defineProperties(methods, { size: { get: size }, weight: { get: weight } }) as C;
}

/**
 * A cache that keeps a value from its key's second offer on (see {@link keptOnSecondOffer}).
 *
 * @example
 * ```ts
 * const windows: SecondOfferCache<WindowPeople> = keptOnSecondOffer(createLruCache(16 << 20, weighWindowPeople), 64);
 * windows.get(key) ?? windows.offer(key, () => windowPeople(account, request));
 * ```
 */
export interface SecondOfferCache<V> {
  /** The value kept under `key`, or undefined (always undefined before its second offer). */
  get(key: string): V | undefined;
  /**
   * Offers the value `make` builds; `make` is told whether it will be kept (the key was
   * offered lately), so a kept value can be built for keeping. Answers the value.
   */
  offer(key: string, make: (kept: boolean) => V): V;
  /** Entries kept. */
  readonly size: number;
  /** The kept values' weights added up. */
  readonly weight: number;
}

/**
 * `cache`, keeping a value only when its key was offered before, among the last `recentKeys`
 * offered. A value asked for once would only churn the cache, and the garbage collector
 * with it (an entry lives long enough to reach the old generation, then dies there); what
 * is asked for again soon (a test suite's pages, the later pages of a walk) is kept.
 *
 * @example
 * const pages = keptOnSecondOffer(createLruCache<Uint8Array>(64 << 20, (b) => b.length), 100_000);
 * pages.offer(url, () => bytes);
 */
export function keptOnSecondOffer<V>(cache: LruCache<V>, recentKeys: number): SecondOfferCache<V> {
  // 32-bit hashes, not the keys: small integers cost the collector nothing. A collision only
  // keeps a value an offer early.
  const offered = new Set<number>();
  return withCounts<SecondOfferCache<V>>(
    {
      get: (key) => cache.get(key),
      offer(key, make) {
        const hash = hashString(key);
        if (offered.has(hash)) {
          const value = make(true);
          cache.set(key, value);
          return value;
        }
        if (offered.size >= recentKeys) offered.clear();
        offered.add(hash);
        return make(false);
      },
    },
    () => cache.size,
    () => cache.weight,
  );
}
