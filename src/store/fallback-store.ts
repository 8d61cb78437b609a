/**
 * A shared store with a way out: while the shared one (Redis) cannot answer, state is kept in
 * this process's memory, the API keeps answering, and the log and `/__admin/health` say so
 * loudly, once per outage. When the shared store answers again, it is used again. What was
 * recorded alone during the outage stays in the local store (it is not merged back).
 */
import type { Store, StoreHealth } from './store.js';

/** The shared store as the fallback sees it (RedisStore is one). */
export interface SharedStore extends Store {
  reachable(): boolean;
  onReachable(listener: (reachable: boolean) => void): void;
  ping(): Promise<boolean>;
  health(): StoreHealth;
}

/**
 * Options of the fallback store; all optional.
 *
 * @example
 * createFallbackStore(redis, createMemoryStore(), { log: (line) => console.error(line) });
 */
export interface FallbackStoreOptions {
  /** Where the warnings go. Default console.error. */
  log?: (line: string) => void;
  /** How often an outage that began with a failed command (the socket still up) asks Redis again, ms. Default 500. */
  probeMs?: number;
}

/**
 * The shared store while it answers, `local` while it does not.
 *
 * @example
 * const store = createFallbackStore(await openRedisStore({ url }), createMemoryStore());
 * store.health(); // { driver: 'redis', url, reachable: true, degraded: false, outages: 0 }
 */
export function createFallbackStore(shared: SharedStore, local: Store, options: FallbackStoreOptions = {}): Store {
  const { log = (line: string) => console.error(line), probeMs = 500 } = options;
  const where = shared.health().url ?? shared.health().driver;
  let degradedSince: Date | undefined;
  let outages = 0;
  let probe: ReturnType<typeof setInterval> | undefined;

  const recover = () => {
    if (degradedSince === undefined) return;
    const seconds = ((Date.now() - degradedSince.getTime()) / 1000).toFixed(1);
    degradedSince = undefined;
    clearInterval(probe);
    probe = undefined;
    log(`interactions-kit: the store ${where} is reachable again after ${seconds}s; state is shared again`);
  };
  const degrade = (why: string) => {
    if (degradedSince !== undefined) return;
    degradedSince = new Date();
    outages++;
    log(
      `interactions-kit: WARNING the store ${where} is unreachable (${why}); state is kept in this process alone ` +
        '(journal, rate limits, fault sequences are no longer shared) until it returns',
    );
    // The connection may look up while Redis does not answer (a hung server): ask it now and then.
    probe = setInterval(() => {
      void shared.ping().then((ok) => ok && recover());
    }, probeMs);
    (probe as { unref?: () => void }).unref?.();
  };
  shared.onReachable((reachable) => (reachable ? recover() : degrade('connection lost')));
  if (!shared.reachable()) degrade('no connection');

  /** Runs `op` on the shared store, or on the local one during an outage or when it fails. */
  async function either<T>(op: (store: Store) => Promise<T>): Promise<T> {
    if (degradedSince === undefined && shared.reachable()) {
      try {
        return await op(shared);
      } catch (error) {
        degrade((error as Error).message);
      }
    } else if (degradedSince === undefined) degrade('no connection');
    return op(local);
  }

  return {
    incr: (key, incrOptions) => either((store) => store.incr(key, incrOptions)),
    count: (key) => either((store) => store.count(key)),
    append: (key, item, bounds) => either((store) => store.append(key, item, bounds)),
    list: <T>(key: string) => either((store) => store.list<T>(key)),
    listUse: (key) => either((store) => store.listUse(key)),
    clear: (key) => either((store) => store.clear(key)),
    health() {
      const reachable = shared.reachable();
      return {
        ...shared.health(),
        reachable,
        degraded: degradedSince !== undefined,
        ...(degradedSince === undefined ? {} : { degradedSince: degradedSince.toISOString() }),
        outages,
      };
    },
    async close() {
      clearInterval(probe);
      await shared.close?.();
    },
  };
}
