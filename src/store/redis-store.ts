/**
 * The Redis driver of the store: what several instances must agree on (the journal, rate-limit
 * windows, fault sequences, call counters) in one Redis. Each write is one Lua script, so it is
 * atomic across instances. The `redis` client is imported only when this driver is opened, so
 * the default memory path loads nothing new. This driver fails loudly (a rejected promise) when
 * Redis cannot answer; `createFallbackStore` turns that into answering from memory.
 */
import type { Counter, ListUse, Store, StoreHealth } from './store.js';
import { safeStoreUrl } from './safe-store-url.js';
import { APPEND_SCRIPT, CLEAR_SCRIPT, INCR_SCRIPT, USE_SCRIPT } from './redis-scripts.js';

/** How long a key lives after its last write, unless a window says otherwise: one day. */
export const REDIS_KEY_TTL_MS = 86_400_000;

/**
 * Options of the Redis store; all but `url` optional.
 *
 * @example
 * await openRedisStore({ url: 'redis://127.0.0.1:6379', prefix: 'interactions-kit:9c1f03a2e4b85d10:' });
 */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]`. */
  url: string;
  /** Put before every key, so servers of other worlds on one Redis keep apart. Default `interactions-kit:`. */
  prefix?: string;
  /** Life of a key after its last write (ms), when no window sets it. Default REDIS_KEY_TTL_MS. */
  keyTtlMs?: number;
  /** A command not answered in this long fails (ms), so a request never hangs on Redis. Default 1000. */
  commandTimeoutMs?: number;
  /** How long opening waits for the first connection before the store starts unreachable (ms). Default 2000. */
  connectWaitMs?: number;
}

/**
 * A store in Redis, and what the fallback needs to know about its connection.
 *
 * @example
 * const redis = await openRedisStore({ url: 'redis://127.0.0.1:6379' });
 * redis.onReachable((reachable) => console.log(reachable ? 'back' : 'gone'));
 */
export interface RedisStore extends Store {
  /** Whether the client is connected and ready now. */
  reachable(): boolean;
  /** Calls `listener` each time the connection comes or goes. */
  onReachable(listener: (reachable: boolean) => void): void;
  /** Whether Redis answers a PING within the command timeout. */
  ping(): Promise<boolean>;
  health(): StoreHealth;
  close(): Promise<void>;
}

/** An item as the list keeps it: its weight, a bar, its JSON (the script reads the weight back). */
const encode = (item: unknown, weight: number) => `${weight}|${JSON.stringify(item)}`;
const decode = (text: string): unknown => JSON.parse(text.slice(text.indexOf('|') + 1));

/**
 * Connects to Redis (waiting at most `connectWaitMs`; an unreachable Redis still gives a store,
 * which keeps reconnecting) and answers the store.
 *
 * @example
 * const store = await openRedisStore({ url: 'redis://127.0.0.1:6379/2', prefix: 'ik:test:' });
 * (await store.incr('calls:acme')).value; // 1
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<RedisStore> {
  const {
    url,
    prefix = 'interactions-kit:',
    keyTtlMs = REDIS_KEY_TTL_MS,
    commandTimeoutMs = 1000,
    connectWaitMs = 2000,
  } = options;
  const { createClient } = await import('redis');
  const client = createClient({
    url,
    // Queued commands would make a request wait for a Redis that may never return.
    disableOfflineQueue: true,
    commandOptions: { timeout: commandTimeoutMs },
    socket: {
      connectTimeout: commandTimeoutMs,
      // Keep trying for ever, a little slower each time, at most every half second.
      reconnectStrategy: (retries: number) => Math.min(50 * (retries + 1), 500),
    },
  });
  const listeners: Array<(reachable: boolean) => void> = [];
  const tell = (reachable: boolean) => listeners.forEach((listener) => listener(reachable));
  // Without an error listener the client's errors would end the process.
  client.on('error', () => undefined);
  client.on('ready', () => tell(true));
  client.on('reconnecting', () => tell(false));
  client.on('end', () => tell(false));
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([connected, new Promise((resolve) => (timer = setTimeout(resolve, connectWaitMs)))]);
  clearTimeout(timer);

  /**
   * Sends one command; one not answered within commandTimeoutMs fails. The client's own timeout
   * only bounds the wait to be written: a hung Redis takes the command and never answers, and
   * the caller would wait for ever.
   */
  function send<T>(args: string[]): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_answered, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${commandTimeoutMs} ms`)),
        commandTimeoutMs,
      );
    });
    return Promise.race([client.sendCommand<T>(args), late]).finally(() => clearTimeout(timer));
  }

  const shas = new Map<string, string>();
  /** Runs a script by its SHA (EVALSHA), loading it with EVAL the first time Redis lacks it. */
  async function run<T>(script: string, keys: string[], args: string[]): Promise<T> {
    const tail = [String(keys.length), ...keys.map((key) => prefix + key), ...args];
    const sha = shas.get(script);
    if (sha !== undefined) {
      try {
        return await send<T>(['EVALSHA', sha, ...tail]);
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      }
    }
    const result = await send<T>(['EVAL', script, ...tail]);
    if (sha === undefined) shas.set(script, (await send<string>(['SCRIPT', 'LOAD', script])) as string);
    return result;
  }
  const weightKey = (key: string) => `${key}:weight`;

  return {
    async incr(key, { windowMs } = {}) {
      const window = windowMs === undefined ? '' : String(Math.max(1, Math.round(windowMs)));
      const [value, ttl] = await run<[number, number]>(INCR_SCRIPT, [key], [window, String(keyTtlMs)]);
      const counter: Counter = { value: Number(value), resetMs: windowMs === undefined ? undefined : Number(ttl) };
      return counter;
    },
    async count(key) {
      const value = await send<string | null>(['GET', prefix + key]);
      return value === null ? 0 : Number(value);
    },
    async append(key, item, { maxItems, maxWeight, weight = 1 }) {
      const bound = maxWeight === undefined || maxWeight === Infinity ? '-1' : String(maxWeight);
      await run(
        APPEND_SCRIPT,
        [key, weightKey(key)],
        [encode(item, weight), String(weight), String(maxItems), bound, String(keyTtlMs)],
      );
    },
    async list<T>(key: string) {
      const items = await send<string[]>(['LRANGE', prefix + key, '0', '-1']);
      return items.map(decode) as T[];
    },
    async listUse(key) {
      const [items, weight] = await run<[number, string]>(USE_SCRIPT, [key, weightKey(key)], []);
      const use: ListUse = { items: Number(items), weight: Number(weight) };
      return use;
    },
    async clear(key) {
      return Number(await run<number>(CLEAR_SCRIPT, [key, weightKey(key)], []));
    },
    reachable: () => client.isReady,
    onReachable: (listener) => void listeners.push(listener),
    async ping() {
      try {
        return client.isReady && (await send<string>(['PING'])) === 'PONG';
      } catch {
        return false;
      }
    },
    health: () => ({ driver: 'redis', url: safeStoreUrl(url), reachable: client.isReady, degraded: false }),
    async close() {
      // A client still trying to connect has nothing to flush: stop it where it is.
      if (client.isReady) await client.close().catch(() => client.destroy());
      else if (client.isOpen) client.destroy();
      await connected;
    },
  };
}
