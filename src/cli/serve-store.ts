/**
 * The store `serve` runs on, from `--store`: opened once per process, kept across world
 * reloads, closed on the way out. Redis keys are prefixed with the world's fingerprint, so
 * servers of different worlds or seeds on one Redis never share state by accident, while
 * instances of the same world always do.
 */
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createWorld } from '../world/world.js';
import type { ServeFlags } from './serve-flags.js';

/**
 * The Redis key prefix of the world `flags` serve: `interactions-kit:<fingerprint>:`.
 *
 * @example
 * storePrefix(parseServeFlags(['--seed', '7'])); // 'interactions-kit:3f0c...:'
 */
export function storePrefix(flags: ServeFlags): string {
  const { world: document, seed } = flags.app;
  const world = createWorld({
    ...(typeof document === 'object' ? { document } : {}),
    ...(seed === undefined ? {} : { seed }),
  });
  return `interactions-kit:${world.fingerprint}:`;
}

/**
 * Opens the store `--store` names; the Redis driver's warnings go to stderr unless silent.
 *
 * @example
 * flags.app.store = await openServeStore(flags);
 */
export function openServeStore(flags: ServeFlags): Promise<Store> {
  const log = (line: string) => {
    if (flags.logLevel !== 'silent') console.error(line);
  };
  return openStore(flags.store, { prefix: storePrefix(flags), log });
}
