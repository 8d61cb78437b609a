/**
 * The admin API asked of the engine directly: each read's exact body, the journal's filters and
 * their refusals, the methods each path serves (405 with Allow), 404 elsewhere, and the Host check.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { EngineRequest } from '../../src/engine/engine-request.js';
import type { WorldDocument } from '../../src/generated/world-document.js';
import { SCENARIOS } from '../../src/scenarios.js';

const ID = '0a000000-0000-4000-8000-00000000000a';
const WORLD: WorldDocument = {
  seed: 5,
  now: '2026-11-24T00:00:00Z',
  accounts: [
    { id: ID.toUpperCase(), name: 'Acme', timeZone: 'UTC', generatedUsers: 2 },
    { id: '0b000000-0000-4000-8000-00000000000b', name: 'Slow Co', timeZone: 'Asia/Kolkata', generatedUsers: 1, behavior: 'slow' },
    { id: '0c000000-0000-4000-8000-00000000000c', name: 'Empty', timeZone: 'UTC', generatedUsers: 0, behavior: 'slow' },
  ],
} as WorldDocument;

async function ask(engine: ReturnType<typeof createEngine>, method: string, url: string, headers: EngineRequest['headers'] = {}) {
  const answer = await engine.answer({ method, url, headers });
  return { status: answer.status, headers: answer.headers, body: JSON.parse(String(answer.body)), answer };
}

describe('admin reads', () => {
  const engine = createEngine({ world: WORLD, baseUrl: 'http://mock.test:7000' }, { health: () => ({ pid: 1 }) });

  it('accounts: each with its behaviour (empty when it has no users) and its Gong base URL', async () => {
    const res = await ask(engine, 'GET', '/__admin/accounts');
    expect(res.status).toBe(200);
    expect(res.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(res.body).toEqual({
      accounts: [
        { id: ID, name: 'Acme', timeZone: 'UTC', userCount: 2, behavior: 'healthy', gongBaseUrl: `http://mock.test:7000/gong/${ID}` },
        {
          id: '0b000000-0000-4000-8000-00000000000b',
          name: 'Slow Co',
          timeZone: 'Asia/Kolkata',
          userCount: 1,
          behavior: 'slow',
          gongBaseUrl: 'http://mock.test:7000/gong/0b000000-0000-4000-8000-00000000000b',
        },
        {
          id: '0c000000-0000-4000-8000-00000000000c',
          name: 'Empty',
          timeZone: 'UTC',
          userCount: 0,
          behavior: 'empty',
          gongBaseUrl: 'http://mock.test:7000/gong/0c000000-0000-4000-8000-00000000000c',
        },
      ],
    });
  });

  it('world: fingerprint, seed, the world’s now and its document', async () => {
    const res = await ask(engine, 'GET', '/__admin/world');
    expect(res.body).toEqual({
      fingerprint: engine.world.fingerprint,
      seed: 5,
      now: '2026-11-24T00:00:00.000Z',
      document: JSON.parse(JSON.stringify(engine.world.document)),
    });
    expect(res.body.fingerprint).toMatch(/\S/);
  });

  it('world: the options’ now wins; no now at all is null', async () => {
    const fixed = createEngine({ now: '2027-01-02T03:04:05Z' });
    expect((await ask(fixed, 'GET', '/__admin/world')).body.now).toBe('2027-01-02T03:04:05.000Z');
    const free = createEngine({ accounts: [{ id: ID, name: 'A', domain: 'a.example', timeZone: 'UTC', userCount: 1 }] });
    expect((await ask(free, 'GET', '/__admin/world')).body.now).toBeNull();
  });

  it('scenarios: how to ask and every scenario', async () => {
    const res = await ask(engine, 'GET', '/__admin/scenarios/');
    expect(res.body).toEqual({
      howToAsk: 'Prefer: scenario=<name> header, or __scenario=<name> query parameter',
      scenarios: Object.entries(SCENARIOS).map(([name, scenario]) => ({ name, ...scenario })),
    });
  });

  it('health: status, seed, uptime, the runtime’s fields, the instance, the store and the caches', async () => {
    const res = await ask(engine, 'GET', '/__admin/HEALTH');
    expect(res.body).toEqual({
      status: 'ok',
      seed: 5,
      uptimeSeconds: expect.any(Number),
      pid: 1,
      instance: 'local',
      store: expect.objectContaining({ reachable: true }),
      caches: JSON.parse(JSON.stringify(await engine.memoryUse())),
    });
    expect(res.body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(res.body.uptimeSeconds).toBeLessThan(1e6);
    expect(res.answer.cacheable).toBe(false);
    expect(res.answer.journal).toBeUndefined();
    expect(res.answer.delayMs).toBe(0);
  });
});

describe('uptime', () => {
  it('whole seconds since the engine was built, rounded', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-24T00:00:00.000Z'));
      const engine = createEngine();
      vi.setSystemTime(new Date('2026-11-24T00:00:02.600Z'));
      expect((await ask(engine, 'GET', '/__admin/health')).body.uptimeSeconds).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the journal over the admin API', () => {
  async function journaled() {
    const engine = createEngine({ world: WORLD });
    const base = { method: 'GET', scenario: undefined, time: '2026-11-24T00:00:00.000Z', durationMs: 1 };
    await engine.record({ ...base, url: `/gong/${ID}/v2/users`, status: 200 });
    await engine.record({ ...base, url: '/unified/x?integrated_account_id=0b000000-0000-4000-8000-00000000000b', status: 404 });
    await engine.record({ ...base, url: `/gong/${ID}/v2/users?cursor=c`, status: 400 });
    return engine;
  }
  const ids = (body: { requests: { id: number }[] }) => body.requests.map((entry) => entry.id);

  it.each<[string, string, number[], string | null]>([
    ['no filter', '', [1, 2, 3], null],
    ['empty filters are absent', 'path=&status=&account=&limit=&next_cursor=', [1, 2, 3], null],
    ['a path', 'path=/gong/', [1, 3], null],
    ['a status', 'status=404', [2], null],
    ['an account, in any case', `account=${ID.toUpperCase()}`, [1, 3], null],
    ['a limit', 'limit=2', [1, 2], '2'],
    ['a limit of one', 'limit=1', [1], '1'],
    ['a cursor', 'next_cursor=1', [2, 3], null],
    ['a limit and a cursor', 'limit=1&next_cursor=1', [2], '2'],
    ['the largest limit', 'limit=1000', [1, 2, 3], null],
  ])('lists with %s', async (_name, query, want, cursor) => {
    const res = await ask(await journaled(), 'GET', `/__admin/requests?${query}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(want);
    expect(res.body.next_cursor).toBe(cursor);
  });

  it.each<[string, string]>([
    ['path=a&path=b', 'path: give it once, as text'],
    ['limit=1&limit=2', 'limit: give it once, as text'],
    ['status=ok', 'status: must be an HTTP status such as 200, got "ok"'],
    ['status=600', 'status: must be an HTTP status such as 200, got "600"'],
    ['status=2000', 'status: must be an HTTP status such as 200, got "2000"'],
    ['status=x200', 'status: must be an HTTP status such as 200, got "x200"'],
    ['limit=0', 'limit: must be a whole number from 1 to 1000, got "0"'],
    ['limit=1001', 'limit: must be a whole number from 1 to 1000, got "1001"'],
    ['limit=10000', 'limit: must be a whole number from 1 to 1000, got "10000"'],
    ['limit=1.5', 'limit: must be a whole number from 1 to 1000, got "1.5"'],
    ['limit=x5', 'limit: must be a whole number from 1 to 1000, got "x5"'],
    ['limit=5x', 'limit: must be a whole number from 1 to 1000, got "5x"'],
    ['next_cursor=abc', 'next_cursor: must be the next_cursor of a previous page, got "abc"'],
    ['next_cursor=1234567890123456', 'next_cursor: must be the next_cursor of a previous page, got "1234567890123456"'],
    ['next_cursor=x1', 'next_cursor: must be the next_cursor of a previous page, got "x1"'],
    ['next_cursor=1x', 'next_cursor: must be the next_cursor of a previous page, got "1x"'],
  ])('refuses %s', async (query, message) => {
    const res = await ask(await journaled(), 'GET', `/__admin/requests?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('takes a 15-digit cursor', async () => {
    const res = await ask(await journaled(), 'GET', '/__admin/requests?next_cursor=123456789012345');
    expect(res.body).toEqual({ requests: [], next_cursor: null });
  });

  it('lists 100 unless asked for another number', async () => {
    const engine = createEngine();
    const base = { method: 'GET', scenario: undefined, time: '2026-11-24T00:00:00.000Z', durationMs: 1, status: 200 };
    for (let i = 0; i < 101; i++) await engine.record({ ...base, url: '/x' });
    const res = await ask(engine, 'GET', '/__admin/requests');
    expect([res.body.requests.length, res.body.next_cursor]).toEqual([100, '100']);
  });

  it('POST on /faults keeps a sequence', async () => {
    const engine = createEngine();
    const answer = await engine.answer({
      method: 'POST',
      url: '/__admin/faults',
      headers: { 'content-type': 'application/json' },
      body: '{"scenario":"remote-error","times":1}',
    });
    expect(answer.status).toBe(201);
    expect((await engine.faults.list()).map((kept) => kept.scenario)).toEqual(['remote-error']);
  });

  it('DELETE clears it and says how many', async () => {
    const engine = await journaled();
    expect((await ask(engine, 'DELETE', '/__admin/requests')).body).toEqual({ cleared: 3 });
    expect((await ask(engine, 'GET', '/__admin/requests')).body).toEqual({ requests: [], next_cursor: null });
  });
});

describe('methods, routes and the Host', () => {
  const engine = createEngine();

  it.each<[string, string, string]>([
    ['POST', '/health', 'GET, HEAD'],
    ['DELETE', '/accounts', 'GET, HEAD'],
    ['PUT', '/world', 'GET, HEAD'],
    ['POST', '/scenarios', 'GET, HEAD'],
    ['POST', '/requests', 'GET, HEAD, DELETE'],
    ['PUT', '/faults', 'GET, HEAD, POST, DELETE'],
    ['PATCH', '/faults/', 'GET, HEAD, POST, DELETE'],
  ])('%s %s: 405 naming what it serves', async (method, path, allow) => {
    const res = await ask(engine, method, `/__admin${path}`);
    expect(res.status).toBe(405);
    expect(res.headers).toEqual({ allow, 'content-type': 'application/json; charset=utf-8' });
    expect(res.body).toEqual({
      statusCode: 405,
      error: 'Method Not Allowed',
      message: `${method} is not allowed on /__admin${path.replace(/\/$/, '')}; use ${allow}`,
    });
  });

  it('HEAD reads as GET, lower-case methods as upper', async () => {
    expect((await ask(engine, 'HEAD', '/__admin/health')).body.status).toBe('ok');
    expect((await ask(engine, 'get', '/__admin/scenarios')).status).toBe(200);
  });

  it('the fault sequences are served at /faults by every method it names', async () => {
    expect((await ask(engine, 'GET', '/__admin/faults')).body).toEqual({ faults: [] });
    expect((await ask(engine, 'HEAD', '/__admin/faults')).body).toEqual({ faults: [] });
    expect((await ask(engine, 'DELETE', '/__admin/faults')).body).toEqual({ cleared: 0 });
  });

  it.each([
    ['/nope', '/nope'],
    ['/healthz', '/healthz'],
    ['/health/x', '/health/x'],
    ['', '/'],
  ])('404 for %s', async (path, named) => {
    const res = await ask(engine, 'GET', `/__admin${path}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: `No admin route GET /__admin${named}` });
  });

  it('refuses a foreign Host with 403, whatever the path', async () => {
    for (const path of ['/health', '/nope']) {
      const res = await ask(engine, 'GET', `/__admin${path}`, { host: 'evil.example' });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(res.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    }
    expect((await ask(engine, 'GET', '/__admin/health', { host: '127.0.0.1:4010' })).status).toBe(200);
  });
});
