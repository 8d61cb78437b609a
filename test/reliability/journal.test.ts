/**
 * The request journal over every door (the engine, Express, the Node door): what it records,
 * its filters, pages and bounds, and DELETE, read through the admin API of the same door.
 * Left to the Node door: the loopback-only guard (it reads the socket's address).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import express from 'express';
import { createApp } from '../../src/server/create-app.js';
import { isLoopback } from '../../src/server/loopback-only.js';
import { describeDoors, type Door, doorNames, onlyDoors } from '../helpers/doors.js';
import {
  GONG_AUTH,
  expectEveryDoorAsEngine,
  getChecked,
  parsed,
  sendChecked,
  withDoor,
} from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

// Left to the doors with sockets of their own (the reason is the second argument).
onlyDoors(
  ['engine', 'express', 'node'],
  "the proxy door journals in an engine of its own (its target journals the API calls), and the MSW door's admin paths are asked over fetch, not under /unified or /gong of a server",
);

const users = (door: Door, account = ACCOUNT, headers: Record<string, string> = GONG_AUTH) =>
  door.send({ path: `/gong/${account}/v2/users`, headers });
/** GET /__admin/requests with `query`, parsed (and checked against the contract when asked). */
async function requests(door: Door, query: Record<string, string> = {}, checked = false) {
  const path = `/__admin/requests${Object.keys(query).length === 0 ? '' : `?${new URLSearchParams(query)}`}`;
  return checked ? sendChecked(door, { path }) : parsed(await door.send({ path }));
}

describeDoors('the request journal', { now: NOW }, (_door, name) => {
  const fresh = <T>(use: (door: Door) => Promise<T>, options = {}) => withDoor(name, { now: NOW, ...options }, use);

  it('records method, path, query, status, duration, account and scenario, newest last', () =>
    fresh(async (app) => {
      await getChecked(app, unifiedUrl(october({ limit: '2' })));
      await getChecked(app, unifiedUrl(october({ __scenario: 'remote-error' })));
      await users(app);
      const res = await requests(app, {}, true);
      const [first, second, third] = res.body.requests;
      expect(res.body.requests).toHaveLength(3);
      expect(first).toMatchObject({
        id: 1,
        method: 'GET',
        path: '/unified/conversational-intelligence/interactions',
        status: 200,
        account: ACCOUNT,
      });
      expect(first.query).toContain('limit=2');
      expect(first.durationMs).toEqual(expect.any(Number));
      expect(second).toMatchObject({ status: 502, scenario: 'remote-error' });
      expect(third).toMatchObject({ method: 'GET', path: `/gong/${ACCOUNT}/v2/users`, status: 200, account: ACCOUNT });
    }));

  it('filters by path, status and account', () =>
    fresh(async (app) => {
      await getChecked(app, unifiedUrl(october()));
      await getChecked(app, unifiedUrl(october({ limit: '0' })));
      await users(app, '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17');
      const byStatus = await requests(app, { status: '400' });
      expect(byStatus.body.requests.map((r: { status: number }) => r.status)).toEqual([400]);
      const byPath = await requests(app, { path: '/v2/users' });
      expect(byPath.body.requests).toHaveLength(1);
      const byAccount = await requests(app, { account: ACCOUNT.toUpperCase() });
      expect(byAccount.body.requests).toHaveLength(2);
      const bad = await requests(app, { status: 'ok' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/status: must be an HTTP status/);
      // An empty filter is absent, as an empty optional parameter is on the API routes.
      const all = await requests(app);
      const empties = parsed(await app.send({ path: '/__admin/requests?path=&status=&account=&limit=&next_cursor=' }));
      expect(empties.status).toBe(200);
      expect(all.body.requests).toHaveLength(3);
      expect(empties.body).toEqual(all.body);
    }));

  it('keeps no secrets: no Authorization, token-like query values redacted', () =>
    fresh(async (app) => {
      await app.send({
        path: `${unifiedUrl(october())}&access_token=hunter2`,
        headers: { Authorization: 'Bearer hunter3' },
      });
      await users(app, ACCOUNT, { Authorization: `Basic ${btoa('key:hunter4')}` });
      const text = (await app.send({ path: '/__admin/requests' })).text;
      expect(text).not.toMatch(/hunter[234]/);
      expect(text).toContain('access_token=[REDACTED]');
    }));

  it('is bounded: only the newest journalSize entries are kept', () =>
    fresh(
      async (app) => {
        for (let i = 0; i < 12; i++) await users(app);
        const res = await requests(app);
        expect(res.body.requests.map((r: { id: number }) => r.id)).toEqual([8, 9, 10, 11, 12]);
      },
      { journalSize: 5 },
    ));

  it('pages: limit entries a page (100 by default), next_cursor to go on, null on the last page', () =>
    fresh(async (app) => {
      for (let i = 0; i < 130; i++) await users(app);
      const first = await requests(app, {}, true);
      expect(first.body.requests).toHaveLength(100);
      expect(first.body.next_cursor).toBe('100');
      const rest = await requests(app, { next_cursor: first.body.next_cursor });
      expect(rest.body.requests.map((r: { id: number }) => r.id)).toEqual(
        Array.from({ length: 30 }, (_, i) => 101 + i),
      );
      expect(rest.body.next_cursor).toBeNull();
      // Filters and pages together: the cursor skips what earlier pages listed, filtered or not.
      const small = await requests(app, { limit: '20', status: '200', next_cursor: '120' });
      expect(small.body.requests.map((r: { id: number }) => r.id)).toEqual(
        Array.from({ length: 10 }, (_, i) => 121 + i),
      );
      expect(small.body.next_cursor).toBeNull();
      const exact = await requests(app, { limit: '30', next_cursor: '100' });
      expect(exact.body.next_cursor).toBeNull(); // nothing after the 30th: no empty last page
      for (const [query, message] of [
        [{ limit: '0' }, /limit: must be a whole number from 1 to 1000/],
        [{ limit: '1001' }, /limit: must be a whole number from 1 to 1000/],
        [{ limit: 'ten' }, /limit: /],
        [{ next_cursor: 'abc' }, /next_cursor: must be the next_cursor of a previous page/],
      ] as const) {
        const bad = await requests(app, query, true);
        expect(bad.status).toBe(400);
        expect(bad.body.message).toMatch(message);
      }
    }));

  it('is bounded by bytes too: long URLs push the oldest entries out, and a page ends after about 1 MiB', () =>
    fresh(
      async (app) => {
        // 12 KB queries: under the 16 KB of headers Node's server accepts, over the unified
        // layer's own limit (a 400, journaled like any request).
        const long = `${unifiedUrl(october())}&remote_query[padding]=${'x'.repeat(12_000)}`;
        for (let i = 0; i < 150; i++) await app.send({ path: long, headers: { Authorization: 'Bearer t' } });
        const { journal } = parsed(await app.send({ path: '/__admin/health' })).body.caches;
        expect(journal.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
        expect(journal.entries).toBeGreaterThan(0);
        expect(journal.entries).toBeLessThan(150);
        const all: Array<{ id: number }> = [];
        let cursor = '';
        let pages = 0;
        do {
          const page = await requests(app, { limit: '1000', next_cursor: cursor });
          pages++;
          expect(page.text.length).toBeLessThan(1.1 * 1024 * 1024);
          all.push(...page.body.requests);
          cursor = page.body.next_cursor ?? '';
        } while (cursor !== '');
        expect(pages).toBeGreaterThan(1); // 2 MiB of entries do not fit one page
        expect(all.length).toBe(journal.entries);
        expect(all.at(-1)?.id).toBe(150); // the newest are the ones kept
      },
      { journalBytes: 2 * 1024 * 1024 },
    ));

  it('DELETE empties it', () =>
    fresh(async (app) => {
      await getChecked(app, unifiedUrl(october()));
      const cleared = await sendChecked(app, { method: 'DELETE', path: '/__admin/requests' });
      expect(cleared.body).toEqual({ cleared: 1 });
      expect((await requests(app)).body.requests).toEqual([]);
    }));

  it('health answers, and the admin API is never reachable under /unified or /gong', () =>
    fresh(async (app) => {
      const health = await sendChecked(app, { path: '/__admin/health' });
      expect(health.body).toMatchObject({ status: 'ok', seed: 42 });
      expect((await app.send({ path: '/unified/__admin/health' })).status).toBe(404);
      expect((await app.send({ path: `/gong/${ACCOUNT}/__admin/health`, headers: GONG_AUTH })).status).toBe(404);
    }));
});

// Request headers are a door's: the Node door journals what its HTTP client sent (Host,
// Connection, ...); the engine door has no client to send them. So is the instance's name: the
// Node doors name their process (hostname:pid), the bare engine `local`.
describe('every door journals as the engine does, byte for byte but for durations, times, request headers and instance', () => {
  it('the same exchanges, the same entries', async () => {
    const answers = await Promise.all(
      doorNames().map((name) =>
        withDoor(name, { now: NOW }, async (app) => {
          await app.send({ path: unifiedUrl(october({ limit: '2' })), headers: AUTH });
          await app.send({ path: unifiedUrl(october({ __scenario: 'remote-error' })), headers: AUTH });
          await app.send({ path: `${unifiedUrl(october())}&access_token=hunter2`, headers: AUTH });
          await users(app);
          await app.send({ path: '/unified/__admin/health' });
          const res = await requests(app);
          return res.body.requests.map(
            ({ durationMs: _d, time: _t, requestHeaders: _h, instance, ...entry }: Record<string, unknown>) => {
              expect(instance).toMatch(/^(local|.+:\d+)$/);
              return entry;
            },
          );
        }),
      ),
    );
    expect(answers[0]).toHaveLength(5);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('the admin reads answer the same', async () => {
    await expectEveryDoorAsEngine({ now: NOW }, [
      { path: '/__admin/requests?status=ok' },
      { path: '/__admin/requests?limit=0' },
      { path: '/__admin/requests?next_cursor=abc' },
      { path: '/__admin/accounts' },
      { path: '/__admin/scenarios' },
    ]);
  });
});

describe('the admin API answers only on loopback by default', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', undefined].some(isLoopback)).toBe(false);
  });

  it('refuses a request whose socket is not loopback, unless adminFromAnywhere', async () => {
    const fromAfar = (app: express.Express) => {
      // Pretend the request came from another machine: the socket's address is all the guard reads.
      const outer = express();
      outer.use((req, _res, next) => {
        Object.defineProperty(req.socket, 'remoteAddress', { value: '203.0.113.9', configurable: true });
        next();
      });
      outer.use(app);
      return outer;
    };
    const guarded = await request(fromAfar(createApp())).get('/__admin/requests');
    expect(guarded.status).toBe(403);
    expect(guarded.body.message).toMatch(/only on loopback/);
    const open = await request(fromAfar(createApp({ adminFromAnywhere: true }))).get('/__admin/requests');
    expect(open.status).toBe(200);
  });
});
