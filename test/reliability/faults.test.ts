import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { SCENARIO_NAMES } from '../../src/scenarios.js';
import { ACCOUNT, AUTH, getUnified, mockApp, october, startMockServer, unifiedUrl } from '../helpers/mock.js';
import { expectContract } from '../helpers/contract.js';

const app = mockApp();
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

describe('per-request scenarios, by Prefer header or __scenario', () => {
  it.each([
    ['credentials-revoked', 401, true],
    ['rate-limited', 429, true],
    ['remote-error', 502, true],
    ['forbidden', 403, false],
    ['account-blocked', 503, false],
    ['remote-timeout', 504, true],
    ['internal-error', 500, false],
  ] as const)('%s -> %i in the real error shape', async (scenario, status, remote) => {
    const byHeader = await getUnified(app, unifiedUrl(october()), { ...AUTH, Prefer: `scenario=${scenario}` });
    const byQuery = await getUnified(app, unifiedUrl(october({ __scenario: scenario })));
    for (const res of [byHeader, byQuery]) {
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
      expect(res.body.truto_is_remote_error === true).toBe(remote);
      if (remote) expect(res.body).toHaveProperty('raw_response');
    }
  });

  it('a remote error carries Gong’s own error body in raw_response', async () => {
    const res = await getUnified(app, unifiedUrl(october({ __scenario: 'remote-error' })));
    expect(res.body.raw_response).toEqual({
      requestId: expect.stringMatching(/^[0-9a-z]{19}$/),
      errors: [expect.any(String)],
    });
  });

  it('rate-limited forwards Retry-After and reports ratelimit-* headers', async () => {
    const res = await getUnified(app, unifiedUrl(october()), { ...AUTH, Prefer: 'scenario=rate-limited' });
    expect(res.headers['retry-after']).toBe('2');
    expect(res.headers['ratelimit-limit']).toBe('3');
    expect(res.headers['ratelimit-remaining']).toBe('0');
    expect(res.headers['ratelimit-reset']).toBe('2');
    const gong = await request(app)
      .post(`/gong/${ACCOUNT}/v2/stats/interaction`)
      .auth('k', 's')
      .set('Prefer', 'scenario=rate-limited')
      .send({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });
    await expectContract(gong);
    expect(gong.status).toBe(429);
    expect(gong.headers['retry-after']).toBe('2');
    // Gong itself sends no ratelimit-* headers.
    expect(gong.headers['ratelimit-limit']).toBeUndefined();
  });

  it('empty gives an empty page; looping repeats the cursor, the walk stops there and debug says so', async () => {
    const empty = await getUnified(app, unifiedUrl(october({ __scenario: 'empty' })));
    expect(empty.body).toEqual({ result: [], next_cursor: null });
    const first = await getUnified(app, unifiedUrl(october({ __scenario: 'looping' })));
    const second = await getUnified(
      app,
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
    const res = await getUnified(app, unifiedUrl(october({ __scenario: 'meteor-strike' })));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('unknown scenario "meteor-strike"');
    for (const name of SCENARIO_NAMES) expect(res.body.message).toContain(name);
    const gong = await request(app)
      .get(`/gong/${ACCOUNT}/v2/users`)
      .auth('k', 's')
      .set('Prefer', 'scenario=meteor-strike');
    expect(gong.status).toBe(400);
    expect(gong.body.errors[0]).toMatch(/unknown scenario/);
    const unifiedOnly = await request(app)
      .get(`/gong/${ACCOUNT}/v2/users`)
      .auth('k', 's')
      .set('Prefer', 'scenario=account-blocked');
    expect(unifiedOnly.status).toBe(400);
  });

  it('without a scenario the same request is healthy again: scenarios leave no state behind', async () => {
    await getUnified(app, unifiedUrl(october({ __scenario: 'remote-error' })));
    expect((await getUnified(app, unifiedUrl(october()))).status).toBe(200);
  });
});

describe('accounts that always misbehave', () => {
  it('are listed with their behaviour by GET /__admin/accounts', async () => {
    const res = await request(app).get('/__admin/accounts');
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
    const res = await getUnified(app, forAccount(ACCOUNTS.revoked));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      truto_is_remote_error: true,
      raw_response: { errors: [expect.stringMatching(/Access denied/)] },
    });
  });

  it('blocked: 503; empty: an empty page; looping: the cursor comes back and the walk stops', async () => {
    expect((await getUnified(app, forAccount(ACCOUNTS.blocked))).status).toBe(503);
    expect((await getUnified(app, forAccount(ACCOUNTS.empty))).body).toEqual({ result: [], next_cursor: null });
    const first = await getUnified(app, forAccount(ACCOUNTS.looping));
    const again = await getUnified(app, forAccount(ACCOUNTS.looping, { next_cursor: first.body.next_cursor }));
    expect(first.body.next_cursor).toEqual(expect.any(String));
    expect(again.body.next_cursor).toBeNull();
  });

  it('rate limited: a second call within a second is a 429 with Retry-After 1', async () => {
    const fresh = mockApp({ clock: () => 0 }); // time stands still: both calls fall in one second
    const first = await getUnified(fresh, forAccount(ACCOUNTS.rateLimited));
    const second = await getUnified(fresh, forAccount(ACCOUNTS.rateLimited));
    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBe('1');
    expect(second.headers['ratelimit-limit']).toBe('1');
  });

  it('flaky: some calls fail with 502 remote, most succeed, the same way for the same seed', async () => {
    const statuses = async () => {
      const fresh = mockApp();
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await getUnified(fresh, forAccount(ACCOUNTS.flaky))).status);
      return out;
    };
    const run = await statuses();
    expect(run.filter((s) => s === 502).length).toBeGreaterThan(3);
    expect(run.filter((s) => s === 200).length).toBeGreaterThan(20);
    expect(new Set(run)).toEqual(new Set([200, 502]));
    expect(await statuses()).toEqual(run);
  });

  it('slow: answers, later than the others (the journal shows the time taken)', async () => {
    const fresh = mockApp();
    const res = await getUnified(fresh, forAccount(ACCOUNTS.slow));
    expect(res.status).toBe(200);
    const journal = await request(fresh).get('/__admin/requests').query({ account: ACCOUNTS.slow });
    // A timer fires by the event loop's clock, which may lag performance.now() by a millisecond.
    expect(journal.body.requests[0].durationMs).toBeGreaterThanOrEqual(1000 - 2);
  });
});

describe('server-wide faults', () => {
  it('faultRate 1 makes every Gong call fail: Gong 500, unified 502', async () => {
    const failing = mockApp({ faultRate: 1 });
    expect((await getUnified(failing, unifiedUrl(october()))).status).toBe(502);
    const gong = await request(failing).get(`/gong/${ACCOUNT}/v2/users`).auth('k', 's');
    expect(gong.status).toBe(500);
  });

  it('rateLimit gong enforces 3 calls a second per account', async () => {
    let now = 0;
    const limited = mockApp({ rateLimit: 'gong', clock: () => now });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await request(limited).get(`/gong/${ACCOUNT}/v2/users`).auth('k', 's')).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // A second later the window has moved on.
    now = 1000;
    expect((await request(limited).get(`/gong/${ACCOUNT}/v2/users`).auth('k', 's')).status).toBe(200);
    // Another account has its own budget.
    expect(
      (await request(limited).get(`/gong/3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17/v2/users`).auth('k', 's')).status,
    ).toBe(200);
  });

  it('latency delays every API request by at least the fixed amount', async () => {
    const slow = mockApp({ latency: '150' });
    await getUnified(slow, unifiedUrl(october()));
    const journal = await request(slow).get('/__admin/requests');
    // A timer fires by the event loop's clock, which may lag performance.now() by a millisecond.
    expect(journal.body.requests[0].durationMs).toBeGreaterThanOrEqual(150 - 2);
  });

  it('a bad latency spec is a named options error', () => {
    expect(() => mockApp({ latency: 'fast' })).toThrow(/latency must be MS, MIN..MAX or lognormal/);
  });
});

describe('streams on a bad day', () => {
  /** Reads a stream over a real port; resolves with the lines and whether it ended cleanly. */
  async function readStream(url: string): Promise<{ ids: string[]; complete: boolean }> {
    const res = await fetch(url, { headers: { Authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    const text: string[] = [];
    const decoder = new TextDecoder();
    let complete = true;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
        text.push(decoder.decode(chunk, { stream: true }));
    } catch {
      complete = false;
    }
    const lines = text
      .join('')
      .split('\n')
      .filter((line) => line !== '');
    return { ids: lines.map((line) => (JSON.parse(line) as { id: string }).id), complete };
  }

  it('a stream whose later page fails is broken off, not ended as a short success', async () => {
    const server = await startMockServer();
    try {
      // The rate-limited account allows one Gong call a second: the second page is refused.
      const { ids, complete } = await readStream(
        `${server.url}${forAccount(ACCOUNTS.rateLimited, { truto_response_format: 'stream' })}`,
      );
      expect(complete).toBe(false);
      expect(ids).toHaveLength(100);
    } finally {
      await server.close();
    }
  });

  it('a looping remote never repeats a record in the stream, and the stream ends cleanly', async () => {
    const server = await startMockServer();
    try {
      const { ids, complete } = await readStream(
        `${server.url}${forAccount(ACCOUNTS.looping, { truto_response_format: 'stream' })}`,
      );
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(100);
      expect(complete).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('a stream follows Gong’s pages: limit does not change it', async () => {
    const [plain, limited] = await Promise.all([
      request(app)
        .get(unifiedUrl(october({ truto_response_format: 'stream' })))
        .set(AUTH),
      request(app)
        .get(unifiedUrl(october({ truto_response_format: 'stream', limit: '7' })))
        .set(AUTH),
    ]);
    expect(limited.text).toBe(plain.text);
    expect(plain.text.trimEnd().split('\n').length).toBeGreaterThan(200);
  });
});
