/**
 * Scale-out on loopback: three real `serve` processes sharing one real redis-server, behind a
 * real haproxy (round robin, health-checked), every request on a connection of its own. One
 * behaviour, however many instances: walks complete and are exact, the rate limits and fault
 * sequences count once across instances, the journal of any instance shows every request;
 * and it holds through an instance crashing and through Redis going away and coming back.
 * Without redis-server or haproxy the suite is skipped, saying how to install them; under CI
 * (which installs them) it must run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { NOW } from '../helpers/mock.js';
import {
  findProgram,
  INSTALL_SCALE_OUT,
  startRedisServer,
  waitUntil,
  type RedisServer,
} from '../helpers/redis-server.js';
import { startCluster, type Cluster } from '../helpers/scale-out.js';
import {
  accounts,
  burstAllowed,
  INTERACTIONS,
  journalOf,
  readJournal,
  send,
  walk,
  type Entry,
} from '../helpers/shared-state.js';

const REDIS = findProgram('redis-server');
const HAPROXY = findProgram('haproxy');
const AVAILABLE = REDIS !== undefined && HAPROXY !== undefined;
if (!AVAILABLE)
  console.warn(`The scale-out tests are skipped: redis-server or haproxy is missing. ${INSTALL_SCALE_OUT}`);

it.runIf(process.env.CI !== undefined && process.env.CI !== '')('CI has redis-server and haproxy', () => {
  expect({ REDIS, HAPROXY }, INSTALL_SCALE_OUT).toEqual({ REDIS: expect.any(String), HAPROXY: expect.any(String) });
});

/** A month of the default account (260 users), 20 a page: a dozen pages a walk. */
const PAGE = 20;
const MONTH = `start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=${PAGE}`;

let redis: RedisServer;
beforeAll(async () => {
  if (AVAILABLE) redis = await startRedisServer(REDIS as string);
});
afterAll(async () => {
  await redis?.stop();
});

/** The journal entries of one walk (its `X-Walk` tag). */
const ofWalk = (entries: Entry[], tag: string) => entries.filter((entry) => entry.requestHeaders?.['x-walk'] === tag);

describe.runIf(AVAILABLE)('three instances behind haproxy, one Redis', () => {
  let cluster: Cluster;
  let query: string;
  let expected: string[];
  beforeAll(async () => {
    cluster = await startCluster(HAPROXY as string, 3, ['--store', redis.url, '--journal-size', '50000']);
    const [account] = await accounts(cluster.base);
    query = `integrated_account_id=${account?.id}&${MONTH}`;
    // The full set, walked on one instance directly.
    expected = (await walk((cluster.instances[0] as { url: string }).url, query, 'reference')).ids;
    expect(expected.length).toBeGreaterThan(10 * PAGE);
  }, 120_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('50 concurrent walks through haproxy each get exactly the full set, their pages on different instances', async () => {
    await send(`${cluster.base}/__admin/requests`, { method: 'DELETE' });
    const walks = await Promise.all(Array.from({ length: 50 }, (_, i) => walk(cluster.base, query, `w${i}`)));
    for (const result of walks) expect(result).toEqual({ ids: expected, failed: [] });
    const pages = Math.ceil(expected.length / PAGE);
    const entries = await journalOf(cluster.base, 50 * pages, (entry) => entry.path === INTERACTIONS);
    for (let i = 0; i < 50; i++) {
      const own = ofWalk(entries, `w${i}`);
      expect(own).toHaveLength(pages);
      expect(new Set(own.map((entry) => entry.query)).size, `walk ${i}`).toBe(pages);
      expect(new Set(own.map((entry) => entry.instance)).size, `walk ${i}`).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(entries.map((entry) => entry.instance))).toEqual(new Set(['mock-1', 'mock-2', 'mock-3']));
  }, 120_000);

  it('shows every request in the journal of any instance', async () => {
    await send(`${cluster.base}/__admin/requests`, { method: 'DELETE' });
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(`${cluster.base}${INTERACTIONS}?${query}`, { headers: { 'X-Walk': `j${i}` } }),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(30).fill(200));
    await journalOf(cluster.base, 30);
    const journals = await Promise.all(cluster.instances.map((instance) => readJournal(instance.url)));
    for (const journal of journals) {
      expect(journal).toHaveLength(30);
      expect(journal).toEqual(journals[0]);
    }
    expect(new Set(journals[0]?.map((entry) => entry.instance)).size).toBe(3);
  });

  it("enforces the rate-limited account's one call a second once across the instances", async () => {
    const limited = (await accounts(cluster.base)).find((account) => account.behavior === 'rate-limited');
    const result = await burstAllowed(cluster.base, `/gong/${limited?.id}/v2/users`, 12, 1000);
    expect(result).toEqual({ allowed: 1, limited: 11, other: [] });
  });

  it('faults exactly 3 requests across the instances for a fault sequence of times 3', async () => {
    await send(`${cluster.base}/__admin/faults`, { method: 'DELETE' });
    const added = await send(`${cluster.base}/__admin/faults`, {
      method: 'POST',
      body: { scenario: 'remote-error', times: 3, path: INTERACTIONS },
    });
    expect(added.status).toBe(201);
    await send(`${cluster.base}/__admin/requests`, { method: 'DELETE' });
    const replies = await Promise.all(
      Array.from({ length: 24 }, () => send(`${cluster.base}${INTERACTIONS}?${query}`)),
    );
    expect(replies.filter((reply) => reply.status !== 200)).toHaveLength(3);
    const entries = await journalOf(cluster.base, 24);
    expect(new Set(entries.map((entry) => entry.instance)).size).toBe(3);
    await send(`${cluster.base}/__admin/faults`, { method: 'DELETE' });
  });

  it('keeps answering with nothing failed while Redis is gone, says degraded, and shares again once it is back', async () => {
    const health = (url: string) =>
      send(`${url}/__admin/health`).then((reply) => (reply.body as { store: Record<string, unknown> }).store);
    for (const instance of cluster.instances)
      expect(await health(instance.url)).toMatchObject({ driver: 'redis', degraded: false });
    // Walks run while Redis stops, and go on while it is gone.
    const running = Promise.all(Array.from({ length: 10 }, (_, i) => walk(cluster.base, query, `r${i}`)));
    await redis.stop();
    const during = await Promise.all(Array.from({ length: 10 }, (_, i) => walk(cluster.base, query, `d${i}`)));
    for (const result of [...(await running), ...during]) expect(result).toEqual({ ids: expected, failed: [] });
    for (const instance of cluster.instances)
      expect(await health(instance.url)).toMatchObject({ driver: 'redis', reachable: false, degraded: true });
    for (const instance of cluster.instances)
      expect(instance.cli.output()).toMatch(/WARNING the store redis:\/\/127\.0\.0\.1:\d+ is unreachable/);

    await redis.start();
    await waitUntil('every instance to use Redis again', async () => {
      const stores = await Promise.all(cluster.instances.map((instance) => health(instance.url)));
      return stores.every((store) => store.degraded === false && store.reachable === true);
    });
    // Shared again: what any instance answers, every instance's journal shows.
    await send(`${cluster.base}/__admin/requests`, { method: 'DELETE' });
    await Promise.all(Array.from({ length: 9 }, () => send(`${cluster.base}${INTERACTIONS}?${query}`)));
    await journalOf(cluster.base, 9);
    for (const instance of cluster.instances) {
      const journal = await readJournal(instance.url);
      expect(journal).toHaveLength(9);
      expect(new Set(journal.map((entry) => entry.instance)).size).toBe(3);
      expect(instance.cli.output().match(/WARNING the store/g)).toHaveLength(1);
    }
  }, 60_000);

  // Last: it leaves two instances.
  it('completes every walk while an instance crashes mid-run (haproxy takes it out)', async () => {
    const walks = Promise.all(Array.from({ length: 20 }, (_, i) => walk(cluster.base, query, `k${i}`)));
    // Crash an instance once the walks are under way.
    await waitUntil('the walks to be under way', async () =>
      (await readJournal(cluster.base)).some((entry) => entry.requestHeaders?.['x-walk'] === 'k0'),
    );
    await cluster.kill(2);
    for (const result of await walks) expect(result).toEqual({ ids: expected, failed: [] });
    const after = await Promise.all(Array.from({ length: 6 }, () => send(`${cluster.base}/__admin/health`)));
    expect(after.map((reply) => reply.status)).toEqual(Array(6).fill(200));
    expect(new Set(after.map((reply) => (reply.body as { instance: string }).instance))).toEqual(
      new Set(['mock-1', 'mock-2']),
    );
  }, 60_000);
});

describe.runIf(AVAILABLE)('three instances with --rate-limit gong behind haproxy', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    // Another Redis database: this cluster's state is its own.
    cluster = await startCluster(HAPROXY as string, 3, ['--store', `${redis.url}/1`, '--rate-limit', 'gong']);
  }, 120_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('enforces one budget of 3 calls a second per account across the instances', async () => {
    const [account] = await accounts(cluster.base);
    const result = await burstAllowed(cluster.base, `/gong/${account?.id}/v2/users`, 15, 1000);
    expect(result).toEqual({ allowed: 3, limited: 12, other: [] });
    const entries = await readJournal(cluster.base);
    expect(new Set(entries.map((entry) => entry.instance)).size).toBe(3);
  });
});

describe.runIf(AVAILABLE)('serve --workers 2 --store redis://...', () => {
  it('has every worker use the Redis: one journal across the workers, health naming the store', async () => {
    const cli = spawnCli(['serve', '--port', '0', '--workers', '2', '--now', NOW, '--store', `${redis.url}/2`]);
    try {
      const [, base] = (await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)) as unknown as [string, string];
      await cli.waitFor(/\(2 workers\)/);
      expect(cli.output()).toContain(`store:   ${redis.url}/2 (state shared with every instance using it)`);
      const [account] = await accounts(base);
      const url = `${base}${INTERACTIONS}?integrated_account_id=${account?.id}&${MONTH}`;
      const replies = await Promise.all(Array.from({ length: 12 }, () => send(url)));
      expect(replies.map((reply) => reply.status)).toEqual(Array(12).fill(200));
      const entries = await journalOf(base, 12);
      expect(entries).toHaveLength(12);
      expect(new Set(entries.map((entry) => entry.instance)).size).toBe(2);
      const health = (await send(`${base}/__admin/health`)).body as { store: unknown };
      expect(health.store).toMatchObject({ driver: 'redis', url: `${redis.url}/2`, reachable: true, degraded: false });
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });
});
