import request from 'supertest';
import { describe, expect, it } from 'vitest';
import express from 'express';
import { createApp } from '../../src/server/create-app.js';
import { isLoopback } from '../../src/server/loopback-only.js';
import { createJournal } from '../../src/engine/journal.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { ACCOUNT, AUTH, NOW, getUnified, mockApp, october, unifiedUrl } from '../helpers/mock.js';
import { expectContract } from '../helpers/contract.js';

describe('the request journal', () => {
  it('records method, path, query, status, duration, account and scenario, newest last', async () => {
    const app = mockApp();
    await getUnified(app, unifiedUrl(october({ limit: '2' })));
    await getUnified(app, unifiedUrl(october({ __scenario: 'remote-error' })));
    await request(app).get(`/gong/${ACCOUNT}/v2/users`).auth('k', 's');
    const res = await request(app).get('/__admin/requests');
    await expectContract(res);
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
  });

  it('filters by path, status and account', async () => {
    const app = mockApp();
    await getUnified(app, unifiedUrl(october()));
    await getUnified(app, unifiedUrl(october({ limit: '0' })));
    await request(app).get('/gong/3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17/v2/users').auth('k', 's');
    const byStatus = await request(app).get('/__admin/requests').query({ status: '400' });
    expect(byStatus.body.requests.map((r: { status: number }) => r.status)).toEqual([400]);
    const byPath = await request(app).get('/__admin/requests').query({ path: '/v2/users' });
    expect(byPath.body.requests).toHaveLength(1);
    const byAccount = await request(app).get('/__admin/requests').query({ account: ACCOUNT.toUpperCase() });
    expect(byAccount.body.requests).toHaveLength(2);
    const bad = await request(app).get('/__admin/requests').query({ status: 'ok' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/status: must be an HTTP status/);
    // An empty filter is absent, as an empty optional parameter is on the API routes.
    const all = await request(app).get('/__admin/requests');
    const empties = await request(app).get('/__admin/requests?path=&status=&account=&limit=&next_cursor=');
    expect(empties.status).toBe(200);
    expect(all.body.requests).toHaveLength(3);
    expect(empties.body).toEqual(all.body);
  });

  it('keeps no secrets: no Authorization, token-like query values redacted', async () => {
    const app = mockApp();
    await request(app)
      .get(`${unifiedUrl(october())}&access_token=hunter2`)
      .set('Authorization', 'Bearer hunter3');
    await request(app).get(`/gong/${ACCOUNT}/v2/users`).auth('key', 'hunter4');
    const text = (await request(app).get('/__admin/requests')).text;
    expect(text).not.toMatch(/hunter[234]/);
    expect(text).toContain('access_token=[REDACTED]');
  });

  it('is bounded: only the newest journalSize entries are kept', async () => {
    const app = mockApp({ journalSize: 5 });
    for (let i = 0; i < 12; i++) await request(app).get(`/gong/${ACCOUNT}/v2/users`).auth('k', 's');
    const res = await request(app).get('/__admin/requests');
    expect(res.body.requests.map((r: { id: number }) => r.id)).toEqual([8, 9, 10, 11, 12]);
  });

  it('pages: limit entries a page (100 by default), next_cursor to go on, null on the last page', async () => {
    const app = mockApp();
    for (let i = 0; i < 130; i++) await request(app).get(`/gong/${ACCOUNT}/v2/users`).auth('k', 's');
    const first = await request(app).get('/__admin/requests');
    await expectContract(first);
    expect(first.body.requests).toHaveLength(100);
    expect(first.body.next_cursor).toBe('100');
    const rest = await request(app).get('/__admin/requests').query({ next_cursor: first.body.next_cursor });
    expect(rest.body.requests.map((r: { id: number }) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => 101 + i));
    expect(rest.body.next_cursor).toBeNull();
    // Filters and pages together: the cursor skips what earlier pages listed, filtered or not.
    const small = await request(app).get('/__admin/requests').query({ limit: '20', status: '200', next_cursor: '120' });
    expect(small.body.requests.map((r: { id: number }) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => 121 + i));
    expect(small.body.next_cursor).toBeNull();
    const exact = await request(app).get('/__admin/requests').query({ limit: '30', next_cursor: '100' });
    expect(exact.body.next_cursor).toBeNull(); // nothing after the 30th: no empty last page
    for (const [query, message] of [
      [{ limit: '0' }, /limit: must be a whole number from 1 to 1000/],
      [{ limit: '1001' }, /limit: must be a whole number from 1 to 1000/],
      [{ limit: 'ten' }, /limit: /],
      [{ next_cursor: 'abc' }, /next_cursor: must be the next_cursor of a previous page/],
    ] as const) {
      const bad = await request(app).get('/__admin/requests').query(query);
      await expectContract(bad);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(message);
    }
  });

  it('is bounded by bytes too: long URLs push the oldest entries out, and a page ends after about 1 MiB', async () => {
    const app = mockApp({ journalBytes: 2 * 1024 * 1024 });
    // 12 KB queries: under the 16 KB of headers supertest's server accepts, over the unified
    // layer's own limit (a 400, journaled like any request).
    const long = `${unifiedUrl(october())}&remote_query[padding]=${'x'.repeat(12_000)}`;
    for (let i = 0; i < 150; i++) await request(app).get(long).set('Authorization', 'Bearer t');
    const { journal } = (await request(app).get('/__admin/health')).body.caches;
    expect(journal.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(journal.entries).toBeGreaterThan(0);
    expect(journal.entries).toBeLessThan(150);
    const all: Array<{ id: number }> = [];
    let cursor = '';
    let pages = 0;
    do {
      const page = await request(app).get('/__admin/requests').query({ limit: '1000', next_cursor: cursor });
      pages++;
      expect(page.text.length).toBeLessThan(1.1 * 1024 * 1024);
      all.push(...page.body.requests);
      cursor = page.body.next_cursor ?? '';
    } while (cursor !== '');
    expect(pages).toBeGreaterThan(1); // 2 MiB of entries do not fit one page
    expect(all.length).toBe(journal.entries);
    expect(all.at(-1)?.id).toBe(150); // the newest are the ones kept
  });

  it('DELETE empties it', async () => {
    const app = mockApp();
    await getUnified(app, unifiedUrl(october()));
    const cleared = await request(app).delete('/__admin/requests');
    await expectContract(cleared);
    expect(cleared.body).toEqual({ cleared: 1 });
    expect((await request(app).get('/__admin/requests')).body.requests).toEqual([]);
  });

  it('keeps the request headers with secret values redacted, as the query is', async () => {
    const app = mockApp();
    await getUnified(app, unifiedUrl(october()), { ...AUTH, 'X-Api-Key': 'k-123', 'X-Trace': 'abc' });
    const res = await request(app).get('/__admin/requests');
    await expectContract(res);
    const [entry] = res.body.requests;
    expect(entry.requestHeaders).toMatchObject({
      authorization: 'Bearer [REDACTED]',
      'x-api-key': '[REDACTED]',
      'x-trace': 'abc',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/test-token|k-123/);
  });

  it('tells its listeners each entry it records, until they stop listening', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    const heard: number[] = [];
    const stop = journal.onRecord((entry) => heard.push(entry.id));
    journal.onRecord(() => {
      throw new Error('a listener that fails costs nothing to the others');
    });
    const entry = {
      time: NOW,
      method: 'GET',
      path: '/x',
      query: '',
      account: undefined,
      scenario: undefined,
      status: 200,
      durationMs: 1,
    };
    await journal.record(entry);
    await journal.record(entry);
    stop();
    await journal.record(entry);
    expect(heard).toEqual([1, 2]);
    expect((await journal.list()).requests).toHaveLength(3);
  });

  it('health answers, and the admin API is never reachable under /unified or /gong', async () => {
    const app = mockApp();
    const health = await request(app).get('/__admin/health');
    await expectContract(health);
    expect(health.body).toMatchObject({ status: 'ok', seed: 42 });
    expect((await request(app).get('/unified/__admin/health')).status).toBe(404);
    expect((await request(app).get(`/gong/${ACCOUNT}/__admin/health`).auth('k', 's')).status).toBe(404);
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
