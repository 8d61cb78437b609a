/**
 * What only the Redis driver does, against a real redis-server on loopback: its default key
 * prefix and key lifetime, the window rounded to whole ms, scripts run again after Redis
 * forgot them, fractional weights kept exactly, PING, a health that hides the password, and a
 * close that does not wait for a Redis that never answered. Without redis-server the tests are
 * skipped, saying how to install it; under CI they must run.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore, REDIS_KEY_TTL_MS, type RedisStore } from '../../src/store/redis-store.js';
import { findProgram, INSTALL_SCALE_OUT, startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const REDIS = findProgram('redis-server');
if (REDIS === undefined) console.warn(`The Redis driver tests are skipped: no redis-server found. ${INSTALL_SCALE_OUT}`);

it.runIf(process.env.CI !== undefined && process.env.CI !== '')('CI has a redis-server for the Redis driver tests', () => {
  expect(REDIS, `no redis-server found: ${INSTALL_SCALE_OUT}`).toBeDefined();
});

describe.runIf(REDIS !== undefined)('the Redis driver', () => {
  let server: RedisServer;
  let client: ReturnType<typeof createClient>;
  const stores: RedisStore[] = [];
  beforeAll(async () => {
    server = await startRedisServer(REDIS as string);
    client = createClient({ url: server.url });
    await client.connect();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await client?.close();
    await server?.stop();
  });

  const open = async (options: Partial<Parameters<typeof openRedisStore>[0]> = {}) => {
    const store = await openRedisStore({ url: server.url, prefix: `t:${randomUUID()}:`, ...options });
    stores.push(store);
    return store;
  };

  it('puts interactions-kit: before every key by default, and keeps a key a day', async () => {
    expect(REDIS_KEY_TTL_MS).toBe(86_400_000);
    const store = await open({ prefix: undefined });
    const key = `default-prefix-${randomUUID()}`;
    await store.incr(key);
    expect(await client.get(`interactions-kit:${key}`)).toBe('1');
    const ttl = await client.pTTL(`interactions-kit:${key}`);
    expect(ttl).toBeGreaterThan(86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
  });

  it('keeps keys for keyTtlMs when given, a windowless counter sliding with every increment', async () => {
    const prefix = `ttl:${randomUUID()}:`;
    const store = await open({ prefix, keyTtlMs: 5000 });
    await store.incr('c');
    await client.pExpire(`${prefix}c`, 100);
    await store.incr('c');
    const ttl = await client.pTTL(`${prefix}c`);
    expect(ttl).toBeGreaterThan(4000);
    expect(ttl).toBeLessThanOrEqual(5000);
    await store.append('l', 'a', { maxItems: 3 });
    for (const key of [`${prefix}l`, `${prefix}l:weight`]) {
      const left = await client.pTTL(key);
      expect(left, key).toBeGreaterThan(4000);
      expect(left, key).toBeLessThanOrEqual(5000);
    }
  });

  it("a window's first increment reports the window, rounded to whole ms and at least 1", async () => {
    const store = await open();
    expect(await store.incr('a', { windowMs: 1500.6 })).toEqual({ value: 1, resetMs: 1501 });
    expect(await store.incr('b', { windowMs: 1500.4 })).toEqual({ value: 1, resetMs: 1500 });
    expect(await store.incr('c', { windowMs: 0.2 })).toEqual({ value: 1, resetMs: 1 });
    const second = await store.incr('a', { windowMs: 1500.6 });
    expect(second.value).toBe(2);
    expect(second.resetMs).toBeGreaterThan(0);
    expect(second.resetMs).toBeLessThanOrEqual(1501);
  });

  it('runs its scripts again after Redis forgot them (SCRIPT FLUSH)', async () => {
    const store = await open();
    expect((await store.incr('n')).value).toBe(1);
    expect((await store.incr('n')).value).toBe(2);
    await client.scriptFlush();
    expect((await store.incr('n')).value).toBe(3);
    expect((await store.incr('n')).value).toBe(4);
    await store.append('l', 'a', { maxItems: 5 });
    await client.scriptFlush();
    await store.append('l', 'b', { maxItems: 5 });
    expect(await store.list('l')).toEqual(['a', 'b']);
  });

  it('keeps fractional weights exactly, and an unbounded weight (Infinity) as no bound', async () => {
    const store = await open();
    for (let i = 0; i < 3; i++) await store.append('l', i, { maxItems: 10, maxWeight: Infinity, weight: 0.5 });
    expect(await store.listUse('l')).toEqual({ items: 3, weight: 1.5 });
    await store.append('l', 'big', { maxItems: 10, maxWeight: Infinity, weight: 1e9 });
    expect(await store.list('l')).toEqual([0, 1, 2, 'big']);
    await store.append('m', 'x', { maxItems: 10, maxWeight: 2.5, weight: 2.5 });
    expect(await store.list('m')).toEqual(['x']);
  });

  it('counts 0 for a key never written, and a windowless counter otherwise', async () => {
    const store = await open();
    expect(await store.count('none')).toBe(0);
    await store.incr('n');
    await store.incr('n');
    expect(await store.count('n')).toBe(2);
  });

  it('answers PING, and says in its health where it is with the password hidden', async () => {
    const store = await open();
    expect(await store.ping()).toBe(true);
    expect(store.reachable()).toBe(true);
    expect(store.health()).toEqual({ driver: 'redis', url: server.url, reachable: true, degraded: false });
    const withPassword = await openRedisStore({
      url: `redis://:hunter2@127.0.0.1:${server.port + 1}`,
      connectWaitMs: 50,
      commandTimeoutMs: 100,
    });
    try {
      expect(withPassword.health()).toEqual({
        driver: 'redis',
        url: `redis://:***@127.0.0.1:${server.port + 1}`,
        reachable: false,
        degraded: false,
      });
      expect(withPassword.reachable()).toBe(false);
      expect(await withPassword.ping()).toBe(false);
      await expect(withPassword.incr('n')).rejects.toThrow();
    } finally {
      await withPassword.close();
    }
  });

  it('tells its listeners when the connection goes and comes back, and answers no PING meanwhile', async () => {
    const store = await open({ commandTimeoutMs: 300 });
    const seen: boolean[] = [];
    store.onReachable((reachable) => seen.push(reachable));
    // The test's own client goes first, so the outage is the store's alone to notice.
    await client.close();
    await server.stop();
    try {
      const deadline = Date.now() + 10_000;
      while (!seen.includes(false) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen[0]).toBe(false);
      expect(store.reachable()).toBe(false);
      expect(await store.ping()).toBe(false);
    } finally {
      await server.start();
    }
    const deadline = Date.now() + 10_000;
    while (!store.reachable() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.at(-1)).toBe(true);
    expect(await store.ping()).toBe(true);
    client = createClient({ url: server.url });
    await client.connect();
  });

  /** How many times Redis has run EVAL, EVALSHA and SCRIPT LOAD so far. */
  const scriptCalls = async () => {
    const info = await client.info('commandstats');
    const calls = (name: string) => Number(new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(info)?.[1] ?? 0);
    return { eval: calls('eval'), evalsha: calls('evalsha'), load: calls('script\\|load') };
  };
  const since = (before: Awaited<ReturnType<typeof scriptCalls>>, after: typeof before) => ({
    eval: after.eval - before.eval,
    evalsha: after.evalsha - before.evalsha,
    load: after.load - before.load,
  });

  it('runs a script by its SHA after its first run, loading it once', async () => {
    const store = await open();
    const before = await scriptCalls();
    for (let i = 0; i < 3; i++) await store.incr('n');
    expect(since(before, await scriptCalls())).toEqual({ eval: 1, evalsha: 2, load: 1 });
  });

  it('after Redis forgot a script, runs it once by EVAL, which Redis keeps again: no second load', async () => {
    const store = await open();
    await store.incr('n');
    await client.scriptFlush();
    const before = await scriptCalls();
    for (let i = 0; i < 2; i++) await store.incr('n');
    expect(since(before, await scriptCalls())).toEqual({ eval: 1, evalsha: 2, load: 0 });
    expect(await store.count('n')).toBe(3);
  });

  it('rejects with a script’s own error, without running it again', async () => {
    const prefix = `wrong:${randomUUID()}:`;
    const store = await open({ prefix });
    await store.incr('loaded');
    await client.lPush(`${prefix}w`, 'x');
    const before = await scriptCalls();
    await expect(store.incr('w')).rejects.toThrow(/WRONGTYPE/);
    expect(since(before, await scriptCalls())).toEqual({ eval: 0, evalsha: 1, load: 0 });
  });

  it('tells its listeners the connection is gone when it closes; closing again does nothing', async () => {
    const store = await openRedisStore({ url: server.url, prefix: `t:${randomUUID()}:` });
    const seen: boolean[] = [];
    store.onReachable((reachable) => seen.push(reachable));
    expect(store.reachable()).toBe(true);
    await store.close();
    expect(seen).toEqual([false]);
    expect(store.reachable()).toBe(false);
    await expect(store.close()).resolves.toBeUndefined();
    expect(seen).toEqual([false]);
  });

  it('closes at once when it never connected', async () => {
    const store = await openRedisStore({ url: `redis://127.0.0.1:${server.port + 1}`, connectWaitMs: 50 });
    await store.close();
    expect(store.reachable()).toBe(false);
  });
});
