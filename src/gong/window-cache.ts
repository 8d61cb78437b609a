/**
 * The Gong layer's cache of stats windows' people: a walk's later pages reuse the people (and
 * their totals) its earlier pages worked out. Everything in it is a pure function of the
 * world and the window, so reusing it is always right; it only saves work.
 */
import { createLruCache, keptOnSecondOffer, type SecondOfferCache } from '../lru-cache.js';
import { weighWindowPeople, type WindowPeople } from './window-people.js';

/** Stats windows remembered to recognise a walk's second page: a walk asks again within moments. */
export const RECENT_WINDOWS = 10_000;
/** Stats windows kept at most, however small (an empty one is mostly bookkeeping). */
export const WINDOW_CACHE_ENTRIES = 50_000;

/** Windows' people by `account|filter`, kept from a window's second request on. */
export type WindowCache = SecondOfferCache<WindowPeople>;

/** Bounds of a window cache; all optional. */
export interface WindowCacheOptions {
  /** Bytes of windows' people (keys included) kept at most. Default 16 MiB. */
  maxBytes?: number;
  /** Windows kept at most. Default WINDOW_CACHE_ENTRIES. */
  maxEntries?: number;
  /** Windows remembered to recognise a second request. Default RECENT_WINDOWS. */
  recentWindows?: number;
}

/**
 * A bounded window cache.
 *
 * @example
 * const windows = createWindowCache({ maxBytes: 1 << 20 });
 * listInteractionStats(context, account, body, windows);
 */
export function createWindowCache(options: WindowCacheOptions = {}): WindowCache {
  const { maxBytes = 16 * 1024 * 1024, maxEntries = WINDOW_CACHE_ENTRIES, recentWindows = RECENT_WINDOWS } = options;
  return keptOnSecondOffer(createLruCache(maxBytes, weighWindowPeople, maxEntries), recentWindows);
}

/**
 * A window cache that keeps nothing: every request works out only its own page's people.
 *
 * @example
 * listInteractionStats(context, account, body, NO_WINDOW_CACHE);
 */
export const NO_WINDOW_CACHE: WindowCache = {
  get: () => undefined,
  offer: (_key, make) => make(false),
  size: 0,
  weight: 0,
};
