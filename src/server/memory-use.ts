/**
 * How full the server's bounded stores are, against their configured bounds: what
 * `GET /__admin/health` reports as `caches`, so a load test can see memory is bounded by
 * configuration rather than guess it from RSS.
 */
import type { Journal } from '../engine/journal.js';
import type { ResolvedOptions } from './options.js';
import type { CacheUse, PageCache } from './page-cache.js';

export interface MemoryUse {
  /** Serialized pages kept for repeated requests. */
  pages: CacheUse;
  /** Stats windows' people kept for a walk's later pages. */
  windows: CacheUse;
  /** The request journal. */
  journal: CacheUse;
}

/**
 * Entries and bytes of each store, and their bounds.
 *
 * @example
 * (await memoryUse(resolved, pageCache, journal)).pages.bytes <= resolved.pageCacheBytes; // always
 */
export async function memoryUse(resolved: ResolvedOptions, pageCache: PageCache, journal: Journal): Promise<MemoryUse> {
  return {
    pages: pageCache.use(),
    windows: resolved.engine.windowCacheUse(),
    journal: await journal.use(),
  };
}
