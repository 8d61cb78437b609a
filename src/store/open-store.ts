/**
 * The store driver chosen by a URL (`--store`): `memory` (the default) or
 * `redis://host:port[/db]`. Drivers are loaded lazily, so choosing memory loads no Redis client.
 */
import { createMemoryStore } from './memory-store.js';
import type { Store } from './store.js';

/**
 * The store as a URL names it.
 *
 * @example
 * const spec: StoreSpec = { driver: 'redis', url: 'redis://127.0.0.1:6379' };
 */
export type StoreSpec = { driver: 'memory' } | { driver: 'redis'; url: string };

/**
 * Reads a store URL: the spec, or a sentence saying what is wrong with it.
 *
 * @example
 * parseStoreUrl('redis://127.0.0.1:6379/2'); // { driver: 'redis', url: 'redis://127.0.0.1:6379/2' }
 * parseStoreUrl('mysql://x'); // { problem: 'must be memory or redis://host:port[/db], got "mysql://x"' }
 */
export function parseStoreUrl(text: string): StoreSpec | { problem: string } {
  if (text === 'memory') return { driver: 'memory' };
  // The URL may carry a password: an error line (in a CI log) shows it hidden.
  const shown = text.slice(0, 200).replace(/\/\/[^/@]*@/, '//***@');
  const bad = (why: string) => ({
    problem: `must be memory or redis://host:port[/db]${why}, got ${JSON.stringify(shown)}`,
  });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return bad('');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return bad('');
  if (url.hostname === '') return bad(' (a host is needed)');
  if (url.search !== '' || url.hash !== '') return bad(' (no query or fragment)');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !(/^\d{1,2}$/.test(db) && Number(db) <= 15)) return bad(' (the db is a number from 0 to 15)');
  return { driver: 'redis', url: text };
}

/**
 * Options of `openStore`; all optional.
 *
 * @example
 * await openStore({ driver: 'redis', url: 'redis://127.0.0.1:6379' }, { prefix: 'interactions-kit:abc:' });
 */
export interface OpenStoreOptions {
  /** Before every shared key: servers of different worlds on one Redis keep apart. Default `interactions-kit:`. */
  prefix?: string;
  /** Where the store's warnings go. Default console.error. */
  log?: (line: string) => void;
  /** Clock of the memory store (and of the local fallback). Default performance.now. */
  clock?: () => number;
}

/**
 * Opens the store a spec names: memory, or Redis with a memory fallback for its outages.
 *
 * @example
 * const store = await openStore(parseStoreUrl('redis://127.0.0.1:6379') as StoreSpec);
 */
export async function openStore(spec: StoreSpec, options: OpenStoreOptions = {}): Promise<Store> {
  const local = createMemoryStore(options.clock === undefined ? {} : { clock: options.clock });
  if (spec.driver === 'memory') return local;
  const [{ openRedisStore }, { createFallbackStore }] = await Promise.all([
    import('./redis-store.js'),
    import('./fallback-store.js'),
  ]);
  const redis = await openRedisStore({
    url: spec.url,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
  return createFallbackStore(redis, local, options.log === undefined ? {} : { log: options.log });
}
