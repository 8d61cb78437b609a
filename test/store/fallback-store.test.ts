/**
 * The Redis store through an outage, against a real redis-server: stopped mid-run, no
 * operation fails (state is kept locally), the warning is logged once and health says
 * degraded; started again on the same port, the store is shared again. Also: every key the
 * Redis driver writes expires, and its prefix keeps servers of other worlds apart.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFallbackStore } from '../../src/store/fallback-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openStore, parseStoreUrl } from '../../src/store/open-store.js';
import { openRedisStore, type RedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
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

  it('opens memory without a Redis client', async () => {
    const store = await openStore({ driver: 'memory' });
    expect(store.health?.()).toEqual({ driver: 'memory', reachable: true, degraded: false });
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
