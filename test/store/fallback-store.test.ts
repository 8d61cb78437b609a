/**
 * The Redis store through an outage, against a real redis-server: stopped mid-run, no
 * operation fails (state is kept locally), the warning is logged once and health says
 * degraded; started again on the same port, the store is shared again. Also: every key the
 * Redis driver writes expires, and its prefix keeps servers of other worlds apart.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFallbackStore, type SharedStore } from '../../src/store/fallback-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openStore, parseStoreUrl } from '../../src/store/open-store.js';
import { openRedisStore, type RedisStore } from '../../src/store/redis-store.js';
import type { Store, StoreHealth } from '../../src/store/store.js';
import {
  findProgram,
  INSTALL_SCALE_OUT,
  startRedisServer,
  waitUntil,
  type RedisServer,
} from '../helpers/redis-server.js';

const REDIS = findProgram('redis-server');
if (REDIS === undefined)
  console.warn(`The Redis fallback tests are skipped: no redis-server found. ${INSTALL_SCALE_OUT}`);

describe('store URLs', () => {
  it.each([
    ['memory', { driver: 'memory' }],
    ['redis://127.0.0.1:6379', { driver: 'redis', url: 'redis://127.0.0.1:6379' }],
    ['redis://:secret@redis.internal:6380/3', { driver: 'redis', url: 'redis://:secret@redis.internal:6380/3' }],
  ])('reads %s', (text, want) => {
    expect(parseStoreUrl(text)).toEqual(want);
  });

  it.each([
    ['mysql://127.0.0.1', 'must be memory or redis://host:port[/db], got "mysql://127.0.0.1"'],
    ['127.0.0.1:6379', 'must be memory or redis://host:port[/db], got "127.0.0.1:6379"'],
    ['redis://127.0.0.1:6379/x', 'the db is a number from 0 to 15'],
    ['redis://127.0.0.1:6379/16', 'the db is a number from 0 to 15'],
    ['redis://127.0.0.1:6379?db=1', 'no query or fragment'],
    ['Memory', 'must be memory or redis://host:port[/db], got "Memory"'],
    ['redis://:hunter2@127.0.0.1:6379/x', 'got "redis://***@127.0.0.1:6379/x"'],
  ])('refuses %s, saying why', (text, why) => {
    const read = parseStoreUrl(text);
    expect(read).toHaveProperty('problem');
    expect((read as { problem: string }).problem).toContain(why);
  });

  const must = 'must be memory or redis://host:port[/db]';
  it.each([
    ['rediss://redis.internal:6380/15', { driver: 'redis', url: 'rediss://redis.internal:6380/15' }],
    ['redis://127.0.0.1:6379/', { driver: 'redis', url: 'redis://127.0.0.1:6379/' }],
    ['redis://127.0.0.1:6379/0', { driver: 'redis', url: 'redis://127.0.0.1:6379/0' }],
    ['redis://127.0.0.1:6379/07', { driver: 'redis', url: 'redis://127.0.0.1:6379/07' }],
    ['redis://127.0.0.1:6379', { driver: 'redis', url: 'redis://127.0.0.1:6379' }],
    ['not a url', { problem: `${must}, got "not a url"` }],
    ['http://127.0.0.1:6379', { problem: `${must}, got "http://127.0.0.1:6379"` }],
    ['redis://127.0.0.1:6379/15/1', { problem: `${must} (the db is a number from 0 to 15), got "redis://127.0.0.1:6379/15/1"` }],
    ['redis://127.0.0.1:6379/100', { problem: `${must} (the db is a number from 0 to 15), got "redis://127.0.0.1:6379/100"` }],
    ['redis://127.0.0.1:6379/-1', { problem: `${must} (the db is a number from 0 to 15), got "redis://127.0.0.1:6379/-1"` }],
    ['redis://127.0.0.1:6379/1x', { problem: `${must} (the db is a number from 0 to 15), got "redis://127.0.0.1:6379/1x"` }],
    ['redis://127.0.0.1:6379/x1', { problem: `${must} (the db is a number from 0 to 15), got "redis://127.0.0.1:6379/x1"` }],
    ['redis://127.0.0.1:6379#db', { problem: `${must} (no query or fragment), got "redis://127.0.0.1:6379#db"` }],
    ['redis://127.0.0.1:6379?', { driver: 'redis', url: 'redis://127.0.0.1:6379?' }],
    ['redis:///0', { problem: `${must} (a host is needed), got "redis:///0"` }],
    ['redis://user:pw@:6379', { problem: `${must}, got "redis://***@:6379"` }],
    [`redis://127.0.0.1:6379/${'9'.repeat(300)}`, { problem: `${must} (the db is a number from 0 to 15), got ${JSON.stringify(`redis://127.0.0.1:6379/${'9'.repeat(300)}`.slice(0, 200))}` }],
  ])('reads %s exactly', (text, want) => {
    expect(parseStoreUrl(text)).toEqual(want);
  });

  it('opens memory on the clock it is given', async () => {
    let now = 0;
    const store = await openStore({ driver: 'memory' }, { clock: () => now });
    expect(await store.incr('w', { windowMs: 1000 })).toEqual({ value: 1, resetMs: 1000 });
    now = 400;
    expect(await store.incr('w', { windowMs: 1000 })).toEqual({ value: 2, resetMs: 600 });
  });

  it('opens memory without a Redis client', async () => {
    const store = await openStore({ driver: 'memory' });
    expect(store.health?.()).toEqual({ driver: 'memory', reachable: true, degraded: false });
  });
});

/**
 * A shared store the test drives: it answers from its own memory while `up`, fails every command
 * with `failWith` when set, and tells its listeners when the test says the connection came or went.
 */
function fakeShared(options: { up?: boolean; url?: string } = {}) {
  const memory = createMemoryStore({ clock: () => 0 });
  const listeners: Array<(reachable: boolean) => void> = [];
  const state = { up: options.up ?? true, failWith: undefined as string | undefined, pings: 0, pong: false, closed: 0 };
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    if (state.failWith !== undefined) throw new Error(state.failWith);
    return op();
  };
  const shared: SharedStore = {
    incr: (key, o) => guard(() => memory.incr(key, o)),
    count: (key) => guard(() => memory.count(key)),
    append: (key, item, bounds) => guard(() => memory.append(key, item, bounds)),
    list: <T>(key: string) => guard(() => memory.list<T>(key)),
    listUse: (key) => guard(() => memory.listUse(key)),
    clear: (key) => guard(() => memory.clear(key)),
    reachable: () => state.up,
    onReachable: (listener) => void listeners.push(listener),
    ping: async () => {
      state.pings++;
      return state.pong;
    },
    health: (): StoreHealth => ({
      driver: 'redis',
      ...(options.url === undefined ? {} : { url: options.url }),
      reachable: state.up,
      degraded: false,
    }),
    close: async () => void state.closed++,
  };
  const tell = (reachable: boolean) => {
    state.up = reachable;
    for (const listener of listeners) listener(reachable);
  };
  return { shared, state, tell, memory };
}

const URL_SHOWN = 'redis://127.0.0.1:6390';
const warning = (why: string, where = URL_SHOWN) =>
  `interactions-kit: WARNING the store ${where} is unreachable (${why}); state is kept in this process alone ` +
  '(journal, rate limits, fault sequences are no longer shared) until it returns';
const again = (seconds: string, where = URL_SHOWN) =>
  `interactions-kit: the store ${where} is reachable again after ${seconds}s; state is shared again`;

describe('the fallback store, over a shared store the test drives', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('uses the shared store while it answers, and says so in its health', async () => {
    const { shared, memory } = fakeShared({ url: URL_SHOWN });
    const local = createMemoryStore();
    const log: string[] = [];
    const store = createFallbackStore(shared, local, { log: (line) => log.push(line) });
    expect(await store.incr('n')).toEqual({ value: 1, resetMs: undefined });
    expect(await store.count('n')).toBe(1);
    await store.append('l', 'a', { maxItems: 5 });
    expect(await store.list('l')).toEqual(['a']);
    expect(await store.listUse('l')).toEqual({ items: 1, weight: 1 });
    expect(await memory.list('l')).toEqual(['a']);
    expect(await local.list('l')).toEqual([]);
    expect(await store.clear('l')).toBe(1);
    expect(await memory.list('l')).toEqual([]);
    expect(store.health?.()).toEqual({ driver: 'redis', url: URL_SHOWN, reachable: true, degraded: false, outages: 0 });
    expect(log).toEqual([]);
  });

  it('a failing command degrades to local memory, logged once with its reason, every operation local', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { shared, state } = fakeShared({ url: URL_SHOWN });
    const local = createMemoryStore();
    const log: string[] = [];
    const store = createFallbackStore(shared, local, { log: (line) => log.push(line) });
    await store.incr('n');
    state.failWith = 'Command timed out';
    expect(await store.incr('n')).toEqual({ value: 1, resetMs: undefined });
    expect(await store.incr('n')).toEqual({ value: 2, resetMs: undefined });
    expect(log).toEqual([warning('Command timed out')]);
    expect(store.health?.()).toEqual({
      driver: 'redis',
      url: URL_SHOWN,
      reachable: true,
      degraded: true,
      degradedSince: '2026-11-24T10:00:00.000Z',
      outages: 1,
    });
    // While degraded, even a shared store that answers again is not asked until recovery.
    state.failWith = undefined;
    expect(await store.count('n')).toBe(2);
    await store.append('l', 'x', { maxItems: 5 });
    expect(await local.list('l')).toEqual(['x']);
    expect(await store.listUse('l')).toEqual({ items: 1, weight: 1 });
    expect(await store.clear('l')).toBe(1);
  });

  it('probes a degraded shared store every probeMs, and recovers when it answers, logging the outage length', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { shared, state } = fakeShared({ url: URL_SHOWN });
    const log: string[] = [];
    const store = createFallbackStore(shared, createMemoryStore(), { log: (line) => log.push(line), probeMs: 250 });
    await store.incr('n');
    state.failWith = 'hung';
    await store.incr('n');
    await store.incr('n');
    expect(state.pings).toBe(0);
    await vi.advanceTimersByTimeAsync(249);
    expect(state.pings).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.pings).toBe(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(state.pings).toBe(3);
    state.failWith = undefined;
    state.pong = true;
    await vi.advanceTimersByTimeAsync(250);
    expect(log).toEqual([warning('hung'), again('1.0')]);
    expect(store.health?.()).toEqual({ driver: 'redis', url: URL_SHOWN, reachable: true, degraded: false, outages: 1 });
    // Recovered: the probe stops, and the shared store is used again (local memory counted 2).
    await vi.advanceTimersByTimeAsync(2000);
    expect(state.pings).toBe(4);
    expect(await store.incr('n')).toEqual({ value: 2, resetMs: undefined });
  });

  it('probes every 500 ms by default', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { shared, state } = fakeShared();
    const store = createFallbackStore(shared, createMemoryStore(), { log: () => undefined });
    state.failWith = 'x';
    await store.incr('n');
    await vi.advanceTimersByTimeAsync(499);
    expect(state.pings).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.pings).toBe(1);
    await store.close?.();
  });

  it('follows the connection: lost degrades once, back recovers; a second outage counts again', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { shared, tell } = fakeShared({ url: URL_SHOWN });
    const log: string[] = [];
    const store = createFallbackStore(shared, createMemoryStore(), { log: (line) => log.push(line) });
    tell(false);
    tell(false);
    expect(store.health?.()).toMatchObject({ reachable: false, degraded: true, outages: 1 });
    await vi.advanceTimersByTimeAsync(2500);
    tell(true);
    tell(true);
    tell(false);
    expect(log).toEqual([warning('connection lost'), again('2.5'), warning('connection lost')]);
    expect(store.health?.()).toMatchObject({ degraded: true, outages: 2 });
  });

  it('starts degraded when the shared store has no connection, naming the driver when it has no URL', async () => {
    const { shared, state } = fakeShared({ up: false });
    const log: string[] = [];
    const store = createFallbackStore(shared, createMemoryStore(), { log: (line) => log.push(line) });
    expect(log).toEqual([warning('no connection', 'redis')]);
    expect(await store.incr('n')).toEqual({ value: 1, resetMs: undefined });
    expect(log).toHaveLength(1);
    expect(state.pings).toBe(0);
    await store.close?.();
    expect(state.closed).toBe(1);
  });

  it('a shared store that drops without telling is noticed at the next operation', async () => {
    const { shared, state } = fakeShared();
    const log: string[] = [];
    const local = createMemoryStore();
    const store = createFallbackStore(shared, local, { log: (line) => log.push(line) });
    state.up = false;
    expect(await store.incr('n')).toEqual({ value: 1, resetMs: undefined });
    expect(await local.count('n')).toBe(1);
    expect(log).toEqual([warning('no connection', 'redis')]);
    await store.close?.();
  });

  it('logs to console.error by default', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { shared } = fakeShared({ up: false });
      const store = createFallbackStore(shared, createMemoryStore());
      expect(spy).toHaveBeenCalledWith(warning('no connection', 'redis'));
      void store.close?.();
    } finally {
      spy.mockRestore();
    }
  });
});

describe.runIf(REDIS !== undefined)('the Redis store through an outage', () => {
  let server: RedisServer;
  const stores: Store[] = [];
  beforeAll(async () => {
    server = await startRedisServer(REDIS as string);
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close?.()));
    await server?.stop();
  });

  const open = async (prefix: string, log: string[]) => {
    const redis = await openRedisStore({ url: server.url, prefix, commandTimeoutMs: 500 });
    const store = createFallbackStore(redis, createMemoryStore(), { log: (line) => log.push(line), probeMs: 100 });
    stores.push(store);
    return store;
  };

  it('keeps answering from memory while Redis is gone, says so once, and shares again once it is back', async () => {
    const prefix = `outage:${randomUUID()}:`;
    const logA: string[] = [];
    const a = await open(prefix, logA);
    const b = await open(prefix, []);
    await a.incr('calls');
    expect((await b.incr('calls')).value).toBe(2);
    expect(a.health?.()).toMatchObject({ driver: 'redis', reachable: true, degraded: false, outages: 0 });

    await server.stop();
    // Every operation still answers, from this process's memory.
    const during = await Promise.all(Array.from({ length: 20 }, () => a.incr('calls')));
    expect(during.map((c) => c.value).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await a.append('journal', { n: 1 }, { maxItems: 10 });
    expect(await a.list('journal')).toEqual([{ n: 1 }]);
    expect(a.health?.()).toMatchObject({ reachable: false, degraded: true, outages: 1 });
    expect(a.health?.().degradedSince).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(logA.filter((line) => line.includes('WARNING'))).toHaveLength(1);
    expect(logA[0]).toContain(server.url);

    await server.start();
    await waitUntil('both stores to use Redis again', () => !a.health?.().degraded && !b.health?.().degraded);
    // Redis came back empty (no persistence): both count from it again, together.
    expect((await a.incr('calls')).value).toBe(1);
    expect((await b.incr('calls')).value).toBe(2);
    expect(a.health?.()).toMatchObject({ reachable: true, degraded: false, outages: 1 });
    expect(logA.filter((line) => line.includes('reachable again'))).toHaveLength(1);
  });

  it('answers from memory while Redis hangs (its connection up), and shares again once it answers', async () => {
    const prefix = `hung:${randomUUID()}:`;
    const log: string[] = [];
    const store = await open(prefix, log);
    expect((await store.incr('calls')).value).toBe(1);
    server.freeze();
    try {
      // The command waits its 500 ms for Redis, then this process's memory answers.
      expect((await store.incr('calls')).value).toBe(1);
      expect(store.health?.()).toMatchObject({ reachable: true, degraded: true, outages: 1 });
      expect(log).toEqual([expect.stringContaining('unreachable (Redis did not answer within 500 ms)')]);
    } finally {
      server.thaw();
    }
    await waitUntil('the store to use Redis again', () => !store.health?.().degraded);
    // The increment that timed out had reached Redis, which ran it once it went on: 3, not 2.
    expect((await store.incr('calls')).value).toBe(3);
  });

  it('gives every key it writes an expiry, and keeps prefixes apart', async () => {
    const prefix = `ttl:${randomUUID()}:`;
    const store = (await openRedisStore({ url: server.url, prefix })) as RedisStore;
    stores.push(store);
    const other = await openRedisStore({ url: server.url, prefix: `ttl:${randomUUID()}:` });
    stores.push(other);
    await store.incr('forever');
    await store.incr('window', { windowMs: 60_000 });
    await store.append('list', { a: 1 }, { maxItems: 10, maxWeight: 100, weight: 5 });
    expect(await other.count('forever')).toBe(0);
    expect(await other.list('list')).toEqual([]);
    const client = createClient({ url: server.url });
    await client.connect();
    try {
      const keys = await client.keys(`${prefix}*`);
      expect(keys.sort()).toEqual([`${prefix}forever`, `${prefix}list`, `${prefix}list:weight`, `${prefix}window`]);
      for (const key of keys) expect(await client.pTTL(key), key).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });

  it('does not make a caller wait for a Redis that never answered', async () => {
    const log: string[] = [];
    const store = await openStore(
      { driver: 'redis', url: `redis://127.0.0.1:${server.port + 1}` },
      { log: (line) => log.push(line) },
    );
    stores.push(store);
    expect((await store.incr('x')).value).toBe(1);
    expect(store.health?.()).toMatchObject({ reachable: false, degraded: true });
    expect(log).toHaveLength(1);
  });
});
