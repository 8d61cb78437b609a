/**
 * The store's behaviour, one suite for every driver: memory (on a clock the test moves), and
 * Redis against a real redis-server on loopback (on Redis's own clock, so the test waits past
 * a window instead of moving a clock; the only difference, written out in `advance`). Without
 * redis-server the Redis rows are skipped, saying how to install it; under CI they must run.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openRedisStore } from '../../src/store/redis-store.js';
import type { Store } from '../../src/store/store.js';
import { findProgram, INSTALL_SCALE_OUT, startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const REDIS = findProgram('redis-server');
if (REDIS === undefined) console.warn(`The Redis store tests are skipped: no redis-server found. ${INSTALL_SCALE_OUT}`);

it.runIf(process.env.CI !== undefined && process.env.CI !== '')('CI has a redis-server for the store tests', () => {
  expect(REDIS, `no redis-server found: ${INSTALL_SCALE_OUT}`).toBeDefined();
});

/** A driver under test: fresh stores on one shared state, and a way to let time pass. */
interface Driver {
  /** `clients` stores over the same state (for Redis, separate connections). */
  open(clients?: number): Promise<Store[]>;
  /** Lets `ms` pass on the store's clock. */
  advance(ms: number): Promise<void>;
  /** Whether `resetMs` is exact (a clock the test holds) or at most the window (Redis's PTTL). */
  exactClock: boolean;
}

let redisServer: RedisServer | undefined;
const opened: Store[] = [];
beforeAll(async () => {
  if (REDIS !== undefined) redisServer = await startRedisServer(REDIS);
});
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close?.()));
  await redisServer?.stop();
});

function memoryDriver(): Driver {
  let now = 100;
  const store = createMemoryStore({ clock: () => now });
  return {
    open: async (clients = 1) => Array.from({ length: clients }, () => store),
    advance: async (ms) => void (now += ms),
    exactClock: true,
  };
}

function redisDriver(): Driver {
  // Each test gets its own key prefix: its own state on the one server.
  const prefix = `test:${randomUUID()}:`;
  return {
    async open(clients = 1) {
      const url = (redisServer as RedisServer).url;
      const stores = await Promise.all(Array.from({ length: clients }, () => openRedisStore({ url, prefix })));
      opened.push(...stores);
      return stores;
    },
    advance: (ms) => new Promise((resolve) => setTimeout(resolve, ms + 100)),
    exactClock: false,
  };
}

const DRIVERS: Array<[string, () => Driver, boolean]> = [
  ['memory', memoryDriver, true],
  ['redis', redisDriver, REDIS !== undefined],
];

describe.each(DRIVERS)('the %s store', (_name, makeDriver, available) => {
  const test = it.runIf(available);

  test('counts without a window forever, key by key', async () => {
    const [store] = (await makeDriver().open()) as [Store];
    expect(await store.incr('a')).toEqual({ value: 1, resetMs: undefined });
    expect(await store.incr('a')).toEqual({ value: 2, resetMs: undefined });
    expect(await store.incr('b')).toEqual({ value: 1, resetMs: undefined });
  });

  test('counts in a window that the first increment starts, and starts again once it ends', async () => {
    const driver = makeDriver();
    const [store] = (await driver.open()) as [Store];
    const first = await store.incr('w', { windowMs: 1500 });
    expect(first.value).toBe(1);
    if (driver.exactClock) expect(first.resetMs).toBe(1500);
    else expect(first.resetMs).toBeGreaterThan(0);
    expect(first.resetMs).toBeLessThanOrEqual(1500);
    await driver.advance(500);
    const second = await store.incr('w', { windowMs: 1500 });
    expect(second.value).toBe(2);
    // The window is fixed by its first increment: the second does not lengthen it.
    if (driver.exactClock) expect(second.resetMs).toBe(1000);
    else expect(second.resetMs).toBeLessThanOrEqual(1000);
    await driver.advance(1000);
    const third = await store.incr('w', { windowMs: 1500 });
    expect(third.value).toBe(1);
    expect(third.resetMs).toBeGreaterThan(500);
  });

  test('counts report a counter without changing it, 0 once its window ended or before it began', async () => {
    const driver = makeDriver();
    const [store] = (await driver.open()) as [Store];
    expect(await store.count('c')).toBe(0);
    await store.incr('c');
    await store.incr('c');
    expect(await store.count('c')).toBe(2);
    expect(await store.count('c')).toBe(2);
    await store.incr('w', { windowMs: 200 });
    expect(await store.count('w')).toBe(1);
    await driver.advance(200);
    expect(await store.count('w')).toBe(0);
  });

  test('increments atomically: concurrent increments from several clients each get their own value', async () => {
    const stores = await makeDriver().open(3);
    const values = await Promise.all(
      Array.from({ length: 300 }, (_, i) => (stores[i % stores.length] as Store).incr('c', { windowMs: 60_000 })),
    );
    expect(values.map((c) => c.value).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await (stores[0] as Store).count('c')).toBe(300);
  });

  test('keeps a list bounded by items and by weight, dropping the oldest first', async () => {
    const [store] = (await makeDriver().open()) as [Store];
    for (let i = 1; i <= 5; i++) await store.append('l', i, { maxItems: 3 });
    expect(await store.list('l')).toEqual([3, 4, 5]);
    await store.append('l', 6, { maxItems: 3, maxWeight: 2.5, weight: 1 });
    // Weights: 3, 4, 5 weighed 1 each; adding 6 makes 4 > 2.5, so two go.
    expect(await store.list('l')).toEqual([5, 6]);
    expect(await store.listUse('l')).toEqual({ items: 2, weight: 2 });
  });

  test('keeps items as they were given (objects, text with the separator in it)', async () => {
    const [store] = (await makeDriver().open()) as [Store];
    const entry = { id: 1, path: '/a|b', nested: { list: [1, 'two', null] } };
    await store.append('l', entry, { maxItems: 10, weight: 7 });
    await store.append('l', 'x|y', { maxItems: 10, weight: 3 });
    expect(await store.list('l')).toEqual([entry, 'x|y']);
    expect(await store.listUse('l')).toEqual({ items: 2, weight: 10 });
  });

  test('stays within its bounds when several clients append at once', async () => {
    const stores = await makeDriver().open(3);
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        (stores[i % stores.length] as Store).append('l', i, { maxItems: 50, maxWeight: 80, weight: 2 }),
      ),
    );
    const kept = await (stores[1] as Store).list<number>('l');
    expect(kept).toHaveLength(40);
    expect(new Set(kept).size).toBe(40);
    expect(await (stores[2] as Store).listUse('l')).toEqual({ items: 40, weight: 80 });
  });

  test('does not keep an item heavier than the whole bound, nor any under a bound of 0 items', async () => {
    const [store] = (await makeDriver().open()) as [Store];
    await store.append('l', 'heavy', { maxItems: 10, maxWeight: 5, weight: 6 });
    await store.append('m', 'none', { maxItems: 0 });
    expect(await store.list('l')).toEqual([]);
    expect(await store.list('m')).toEqual([]);
    expect(await store.listUse('l')).toEqual({ items: 0, weight: 0 });
  });

  test('clears a list and says how many items it held', async () => {
    const [store] = (await makeDriver().open()) as [Store];
    await store.append('l', 'a', { maxItems: 10 });
    await store.append('l', 'b', { maxItems: 10 });
    expect(await store.clear('l')).toBe(2);
    expect(await store.list('l')).toEqual([]);
    expect(await store.listUse('l')).toEqual({ items: 0, weight: 0 });
    expect(await store.clear('never')).toBe(0);
  });

  test('says in its health which driver it is and that it is reachable', async () => {
    const [store] = (await makeDriver().open()) as [Store];
    expect(store.health?.()).toMatchObject({ driver: _name, reachable: true, degraded: false });
  });
});
