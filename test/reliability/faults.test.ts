/**
 * Faults over every door (the engine, Express, the Node door): per-request scenarios, accounts
 * that always misbehave, server-wide faults and streams on a bad day answer the same whichever
 * door the request comes through, and every door's answers are the engine's, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_NAMES } from '../../src/scenarios.js';
import { describeDoors, type Door, type DoorRequest, onlyDoors } from '../helpers/doors.js';
import {
  GONG_AUTH,
  expectEveryDoorAsEngine,
  getChecked,
  parsed,
  postStats,
  sendChecked,
  withDoor,
} from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

// Left to the doors with sockets of their own (the reason is the second argument).
onlyDoors(
  ['engine', 'express', 'node'],
  "a stream broken off mid-way: the MSW door's body errors rather than ending short, and the proxy door passes the target's cut on as a connection it holds until it times out",
);

const ACCOUNTS = {
  revoked: '401a0000-0000-4000-8000-000000000401',
  rateLimited: '429a0000-0000-4000-8000-000000000429',
  blocked: '503a0000-0000-4000-8000-000000000503',
  empty: 'e0e00000-0000-4000-8000-000000000000',
  looping: '100b0000-0000-4000-8000-00000000100b',
  flaky: 'f1a00000-0000-4000-8000-00000000f1a0',
  slow: '510e0000-0000-4000-8000-00000000510e',
};
const forAccount = (id: string, extra: Record<string, string> = {}) =>
  unifiedUrl(october({ integrated_account_id: id, ...extra }));
const OCTOBER_FILTER = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };
const users = (door: Door, headers: Record<string, string> = {}, account = ACCOUNT) =>
  sendChecked(door, { path: `/gong/${account}/v2/users`, headers: { ...GONG_AUTH, ...headers } });
const journal = async (door: Door, query = '') => parsed(await door.send({ path: `/__admin/requests${query}` }));

const SCENARIOS = [
  ['credentials-revoked', 401, true],
  ['rate-limited', 429, true],
  ['remote-error', 502, true],
  ['forbidden', 403, false],
  ['account-blocked', 503, false],
  ['remote-timeout', 504, true],
  ['internal-error', 500, false],
] as const;

describeDoors('per-request scenarios, by Prefer header or __scenario', { now: NOW }, (door) => {
  it.each(SCENARIOS)('%s -> %i in the real error shape', async (scenario, status, remote) => {
    const byHeader = await getChecked(door(), unifiedUrl(october()), { ...AUTH, Prefer: `scenario=${scenario}` });
    const byQuery = await getChecked(door(), unifiedUrl(october({ __scenario: scenario })));
    for (const res of [byHeader, byQuery]) {
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
      expect(res.body.truto_is_remote_error === true).toBe(remote);
      if (remote) expect(res.body).toHaveProperty('raw_response');
    }
  });

  it('a remote error carries Gong’s own error body in raw_response', async () => {
    const res = await getChecked(door(), unifiedUrl(october({ __scenario: 'remote-error' })));
    expect(res.body.raw_response).toEqual({
      requestId: expect.stringMatching(/^[0-9a-z]{19}$/),
      errors: [expect.any(String)],
    });
  });

  it('rate-limited forwards Retry-After and reports ratelimit-* headers', async () => {
    const res = await getChecked(door(), unifiedUrl(october()), { ...AUTH, Prefer: 'scenario=rate-limited' });
    expect(res.headers['retry-after']).toBe('2');
    expect(res.headers['ratelimit-limit']).toBe('3');
    expect(res.headers['ratelimit-remaining']).toBe('0');
    expect(res.headers['ratelimit-reset']).toBe('2');
    const gong = await postStats(door(), ACCOUNT, OCTOBER_FILTER, { Prefer: 'scenario=rate-limited' });
    expect(gong.status).toBe(429);
    expect(gong.headers['retry-after']).toBe('2');
    // Gong itself sends no ratelimit-* headers.
    expect(gong.headers['ratelimit-limit']).toBeUndefined();
  });

  it('empty gives an empty page; looping repeats the cursor, the walk stops there and debug says so', async () => {
    const empty = await getChecked(door(), unifiedUrl(october({ __scenario: 'empty' })));
    expect(empty.body).toEqual({ result: [], next_cursor: null });
    const first = await getChecked(door(), unifiedUrl(october({ __scenario: 'looping' })));
    const second = await getChecked(
      door(),
      unifiedUrl(
        october({ __scenario: 'looping', next_cursor: first.body.next_cursor, truto_response_format: 'debug' }),
      ),
    );
    // Gong handed back the cursor it was given: the service stops rather than loop.
    expect(second.body.debug.nextCursor).toBe(second.body.debug.requestOptions.body.cursor);
    expect(second.body.next_cursor).toBeNull();
    expect(second.body.debug.isLooping).toBe(true);
  });

  it('an unknown scenario is a 400 naming the known ones, on both APIs', async () => {
    const res = await getChecked(door(), unifiedUrl(october({ __scenario: 'meteor-strike' })));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('unknown scenario "meteor-strike"');
    for (const name of SCENARIO_NAMES) expect(res.body.message).toContain(name);
    const gong = await users(door(), { Prefer: 'scenario=meteor-strike' });
    expect(gong.status).toBe(400);
    expect(gong.body.errors[0]).toMatch(/unknown scenario/);
    const unifiedOnly = await users(door(), { Prefer: 'scenario=account-blocked' });
    expect(unifiedOnly.status).toBe(400);
  });

  it('without a scenario the same request is healthy again: scenarios leave no state behind', async () => {
    await getChecked(door(), unifiedUrl(october({ __scenario: 'remote-error' })));
    expect((await getChecked(door(), unifiedUrl(october()))).status).toBe(200);
  });
});

describeDoors('accounts that always misbehave', { now: NOW }, (door, name) => {
  it('are listed with their behaviour by GET /__admin/accounts', async () => {
    const res = parsed(await door().send({ path: '/__admin/accounts' }));
    const behaviours = Object.fromEntries(
      res.body.accounts.map((a: { id: string; behavior: string }) => [a.id, a.behavior]),
    );
    expect(behaviours).toMatchObject({
      [ACCOUNT]: 'healthy',
      [ACCOUNTS.revoked]: 'credentials-revoked',
      [ACCOUNTS.rateLimited]: 'rate-limited',
      [ACCOUNTS.blocked]: 'account-blocked',
      [ACCOUNTS.empty]: 'empty',
      [ACCOUNTS.looping]: 'looping',
      [ACCOUNTS.flaky]: 'flaky',
      [ACCOUNTS.slow]: 'slow',
    });
  });

  it('revoked credentials: 401 remote, every time', async () => {
    const res = await getChecked(door(), forAccount(ACCOUNTS.revoked));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      truto_is_remote_error: true,
      raw_response: { errors: [expect.stringMatching(/Access denied/)] },
    });
  });

  it('blocked: 503; empty: an empty page; looping: the cursor comes back and the walk stops', async () => {
    expect((await getChecked(door(), forAccount(ACCOUNTS.blocked))).status).toBe(503);
    expect((await getChecked(door(), forAccount(ACCOUNTS.empty))).body).toEqual({ result: [], next_cursor: null });
    const first = await getChecked(door(), forAccount(ACCOUNTS.looping));
    const again = await getChecked(door(), forAccount(ACCOUNTS.looping, { next_cursor: first.body.next_cursor }));
    expect(first.body.next_cursor).toEqual(expect.any(String));
    expect(again.body.next_cursor).toBeNull();
  });

  it('rate limited: a second call within a second is a 429 with Retry-After 1', async () => {
    // Time stands still: both calls fall in one second.
    await withDoor(name, { now: NOW, clock: () => 0 }, async (fresh) => {
      const first = await getChecked(fresh, forAccount(ACCOUNTS.rateLimited));
      const second = await getChecked(fresh, forAccount(ACCOUNTS.rateLimited));
      expect(first.status).toBe(200);
      expect(second.status).toBe(429);
      expect(second.headers['retry-after']).toBe('1');
      expect(second.headers['ratelimit-limit']).toBe('1');
    });
  });

  it('flaky: some calls fail with 502 remote, most succeed, the same way for the same seed', async () => {
    const statuses = () =>
      withDoor(name, { now: NOW }, async (fresh) => {
        const out: number[] = [];
        for (let i = 0; i < 40; i++) out.push((await getChecked(fresh, forAccount(ACCOUNTS.flaky))).status);
        return out;
      });
    const run = await statuses();
    expect(run.filter((s) => s === 502).length).toBeGreaterThan(3);
    expect(run.filter((s) => s === 200).length).toBeGreaterThan(20);
    expect(new Set(run)).toEqual(new Set([200, 502]));
    expect(await statuses()).toEqual(run);
  });

  it('slow: answers, later than the others (the journal shows the time taken)', async () => {
    await withDoor(name, { now: NOW }, async (fresh) => {
      const res = await getChecked(fresh, forAccount(ACCOUNTS.slow));
      expect(res.status).toBe(200);
      const entries = await journal(fresh, `?account=${ACCOUNTS.slow}`);
      // A timer fires by the event loop's clock, which may lag performance.now() by a millisecond.
      expect(entries.body.requests[0].durationMs).toBeGreaterThanOrEqual(1000 - 2);
    });
  });
});

describeDoors('server-wide faults', { now: NOW }, (_door, name) => {
  it('faultRate 1 makes every Gong call fail: Gong 500, unified 502', async () => {
    await withDoor(name, { now: NOW, faultRate: 1 }, async (failing) => {
      expect((await getChecked(failing, unifiedUrl(october()))).status).toBe(502);
      expect((await users(failing)).status).toBe(500);
    });
  });

  it('rateLimit gong enforces 3 calls a second per account', async () => {
    let now = 0;
    await withDoor(name, { now: NOW, rateLimit: 'gong', clock: () => now }, async (limited) => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await users(limited)).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      // A second later the window has moved on.
      now = 1000;
      expect((await users(limited)).status).toBe(200);
      // Another account has its own budget.
      expect((await users(limited, {}, '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17')).status).toBe(200);
    });
  });

  it('latency delays every API request by at least the fixed amount', async () => {
    await withDoor(name, { now: NOW, latency: '150' }, async (slow) => {
      await getChecked(slow, unifiedUrl(october()));
      const entries = await journal(slow);
      // A timer fires by the event loop's clock, which may lag performance.now() by a millisecond.
      expect(entries.body.requests[0].durationMs).toBeGreaterThanOrEqual(150 - 2);
    });
  });

  it('a bad latency spec is a named options error', async () => {
    await expect(withDoor(name, { now: NOW, latency: 'fast' }, async () => undefined)).rejects.toThrow(
      /latency must be MS, MIN..MAX or lognormal/,
    );
  });
});

describeDoors('streams on a bad day', { now: NOW }, (door, name) => {
  /** The ids of a stream's lines, and whether it ended cleanly. */
  async function readStream(on: Door, url: string): Promise<{ ids: string[]; complete: boolean }> {
    const res = await on.send({ path: url, headers: { Authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    const lines = res.text.split('\n').filter((line) => line !== '');
    return { ids: lines.map((line) => (JSON.parse(line) as { id: string }).id), complete: res.complete };
  }

  it('a stream whose later page fails is broken off, not ended as a short success', async () => {
    // The rate-limited account allows one Gong call a second: the second page is refused.
    const { ids, complete } = await withDoor(name, { now: NOW }, (fresh) =>
      readStream(fresh, forAccount(ACCOUNTS.rateLimited, { truto_response_format: 'stream' })),
    );
    expect(complete).toBe(false);
    expect(ids).toHaveLength(100);
  });

  it('a looping remote never repeats a record in the stream, and the stream ends cleanly', async () => {
    const { ids, complete } = await readStream(
      door(),
      forAccount(ACCOUNTS.looping, { truto_response_format: 'stream' }),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(100);
    expect(complete).toBe(true);
  });

  it('a stream follows Gong’s pages: limit does not change it', async () => {
    const [plain, limited] = await Promise.all([
      door().send({ path: unifiedUrl(october({ truto_response_format: 'stream' })), headers: AUTH }),
      door().send({ path: unifiedUrl(october({ truto_response_format: 'stream', limit: '7' })), headers: AUTH }),
    ]);
    expect(limited.text).toBe(plain.text);
    expect(plain.text.trimEnd().split('\n').length).toBeGreaterThan(200);
  });
});

describe('every door answers faults as the engine does, byte for byte', () => {
  const unified = (url: string, headers: Record<string, string> = AUTH): DoorRequest => ({ path: url, headers });
  const stats = (headers: Record<string, string> = {}): DoorRequest => ({
    method: 'POST',
    path: `/gong/${ACCOUNT}/v2/stats/interaction`,
    headers: { ...GONG_AUTH, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(OCTOBER_FILTER),
  });

  it('scenarios, by Prefer and by __scenario, on both APIs', async () => {
    await expectEveryDoorAsEngine({ now: NOW }, [
      ...SCENARIOS.map(([scenario]) => unified(unifiedUrl(october()), { ...AUTH, Prefer: `scenario=${scenario}` })),
      ...SCENARIOS.map(([scenario]) => unified(unifiedUrl(october({ __scenario: scenario })))),
      unified(unifiedUrl(october({ __scenario: 'meteor-strike' }))),
      unified(unifiedUrl(october({ __scenario: 'empty' }))),
      stats({ Prefer: 'scenario=rate-limited' }),
      stats({ Prefer: 'scenario=meteor-strike' }),
      stats({ Prefer: 'scenario=account-blocked' }),
      unified(unifiedUrl(october())),
    ]);
  });

  it('every misbehaving account, each asked several times', async () => {
    const requests = Object.values(ACCOUNTS).flatMap((id) => [1, 2, 3].map(() => unified(forAccount(id))));
    await expectEveryDoorAsEngine({ now: NOW, clock: () => 0 }, requests);
  });

  it('the flaky account over forty calls, and streams that are cut short or loop', async () => {
    await expectEveryDoorAsEngine({ now: NOW }, [
      ...Array.from({ length: 40 }, () => unified(forAccount(ACCOUNTS.flaky))),
      unified(forAccount(ACCOUNTS.rateLimited, { truto_response_format: 'stream' })),
      unified(forAccount(ACCOUNTS.looping, { truto_response_format: 'stream' })),
    ]);
  });

  it('server-wide faults and the Gong rate limit', async () => {
    await expectEveryDoorAsEngine({ now: NOW, faultRate: 1 }, [
      unified(unifiedUrl(october())),
      { path: `/gong/${ACCOUNT}/v2/users`, headers: GONG_AUTH },
    ]);
    await expectEveryDoorAsEngine(
      { now: NOW, rateLimit: 'gong', clock: () => 0 },
      Array.from({ length: 5 }, () => ({ path: `/gong/${ACCOUNT}/v2/users`, headers: GONG_AUTH })),
    );
  });
});
