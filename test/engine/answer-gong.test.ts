/**
 * Gong's HTTP API asked of the engine directly: the account segment, the order of the checks
 * (account, credentials, scenario, endpoint), each endpoint's methods and input rules, and
 * which answers may be cached and carry a scenario.
 */
import { describe, expect, it } from 'vitest';
import { gongMount } from '../../src/engine/answer-gong.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { EngineRequest } from '../../src/engine/engine-request.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { NOW } from '../helpers/mock.js';

const A = DEFAULT_ACCOUNT_ID;
const BASIC = { authorization: `Basic ${btoa('key:secret')}` };
const USERS = `/gong/${A}/v2/users`;
const STATS = `/gong/${A}/v2/stats/interaction`;
const FILTER = JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });

const engine = createEngine({ now: NOW });

async function ask(request: Partial<EngineRequest> & { url: string }) {
  const answer = await engine.answer({ method: 'GET', headers: BASIC, ...request });
  return { ...answer, json: JSON.parse(String(answer.body)) as { requestId: string; errors: string[] } };
}

describe('gongMount', () => {
  it.each<[string, ReturnType<typeof gongMount>]>([
    ['/gong/a/v2/users', { segment: 'a', rest: '/v2/users' }],
    ['/GONG/a/x', { segment: 'a', rest: '/x' }],
    ['/gong/abc', { segment: 'abc', rest: '' }],
    ['/gong/a/', { segment: 'a', rest: '/' }],
    ['/gong/', undefined],
    ['/gong//v2', undefined],
    ['/gong', undefined],
    ['/gonga/b', undefined],
    ['/unified/a', undefined],
  ])('%s', (path, want) => {
    expect(gongMount(path)).toEqual(want);
  });
});

describe('answerGong', () => {
  it('an unknown account: 404 naming at most 60 characters of it', async () => {
    const id = 'x'.repeat(70);
    const res = await ask({ url: `/gong/${id}/v2/users` });
    expect(res.status).toBe(404);
    expect(res.json.errors).toEqual([`No Gong company at this base URL: unknown integrated account "${'x'.repeat(60)}"`]);
    expect(res.cacheable).toBe(false);
    expect(res.journal).toEqual({ scenario: undefined });
  });

  it('no credentials: 401', async () => {
    const res = await ask({ url: USERS, headers: {} });
    expect(res.status).toBe(401);
    expect(res.json.errors).toEqual(['Access denied: send Basic credentials (access key and secret) or a Bearer token']);
    expect(res.headers).toEqual({ 'content-type': expect.stringMatching(/^application\/json/) });
  });

  it('an unknown scenario: 400; a unified-only one: 400 naming it', async () => {
    const unknown = await ask({ url: `${USERS}?__scenario=nope` });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]).toMatch(/unknown scenario/);
    const unifiedOnly = await ask({ url: USERS, headers: { ...BASIC, prefer: 'scenario=forbidden' } });
    expect(unifiedOnly.status).toBe(400);
    expect(unifiedOnly.json.errors).toEqual([
      'scenario: forbidden happens in the unified API, not in Gong; ask for it on the unified endpoint',
    ]);
  });

  it('users: a page, cacheable, no scenario', async () => {
    const res = await ask({ url: USERS });
    expect(res.status).toBe(200);
    expect(res.cacheable).toBe(true);
    expect(res.journal).toEqual({ scenario: undefined });
    expect(res.json).toHaveProperty('users');
  });

  it('users under a scenario: its answer, not cacheable, journaled with the scenario', async () => {
    const res = await ask({ url: USERS, headers: { ...BASIC, prefer: 'scenario=remote-error' } });
    expect(res.status).toBe(500);
    expect(res.cacheable).toBe(false);
    expect(res.journal).toEqual({ scenario: 'remote-error' });
  });

  it('users under a wire scenario: marked for the door', async () => {
    const res = await ask({ url: `${USERS}?__scenario=connection-reset` });
    expect(res.wire).toEqual({ kind: 'connection-reset', durationMs: 0 });
    expect(res.cacheable).toBe(false);
  });

  it.each<[string, string]>([
    ['cursor=', 'cursor: must be the cursor string a previous page returned'],
    ['cursor=a&cursor=b', 'cursor: must be the cursor string a previous page returned'],
    ['includeAvatars=yes', 'includeAvatars: must be true or false, got "yes"'],
    ['includeAvatars=a&includeAvatars=b', 'includeAvatars: must be true or false, got ["a","b"]'],
  ])('users?%s: 400', async (query, error) => {
    const res = await ask({ url: `${USERS}?${query}` });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([error]);
    expect(res.cacheable).toBe(false);
  });

  it('users?includeAvatars=true gives avatars, false none', async () => {
    const withAvatars = await ask({ url: `${USERS}?includeAvatars=true` });
    const without = await ask({ url: `${USERS}?includeAvatars=false` });
    expect(withAvatars.status).toBe(200);
    expect(String(withAvatars.body)).not.toBe(String(without.body));
    expect(String(without.body)).toBe(String((await ask({ url: USERS })).body));
    // More users with the avatars listed than without.
    const count = (body: unknown) => (JSON.parse(String(body)) as { records: { totalRecords: number } }).records.totalRecords;
    expect(count(withAvatars.body)).toBeGreaterThan(count(without.body));
  });

  it('a Gong error from the API itself (reversed dates) is not cacheable', async () => {
    const reversed = JSON.stringify({ filter: { fromDate: '2026-11-01', toDate: '2026-10-01' } });
    const res = await ask({ method: 'POST', url: STATS, headers: { ...BASIC, 'content-type': 'application/json' }, body: reversed });
    expect([res.status, res.cacheable]).toEqual([400, false]);
  });

  it.each<[string, string, string, string]>([
    ['GET', STATS, 'POST', `GET is not allowed on /v2/stats/interaction; use POST`],
    ['POST', USERS, 'GET, HEAD', `POST is not allowed on /v2/users; use GET, HEAD`],
    ['DELETE', `${USERS}/`, 'GET, HEAD', `DELETE is not allowed on /v2/users/; use GET, HEAD`],
  ])('%s %s: 405 with Allow', async (method, url, allow, error) => {
    const res = await ask({ method, url });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.json.errors).toEqual([error]);
  });

  it('HEAD on users is GET', async () => {
    expect((await ask({ method: 'HEAD', url: USERS })).status).toBe(200);
  });

  it('an unknown endpoint: 404 naming the method and path', async () => {
    const res = await ask({ url: `/gong/${A}/v2/calls` });
    expect(res.status).toBe(404);
    expect(res.json.errors).toEqual(['No Gong endpoint GET /v2/calls']);
    const bare = await ask({ url: `/gong/${A}` });
    expect(bare.json.errors).toEqual(['No Gong endpoint GET /']);
  });

  it('stats: a page from a JSON body; a bad body in Gong’s shape', async () => {
    const json = { ...BASIC, 'content-type': 'application/json' };
    const ok = await ask({ method: 'POST', url: STATS, headers: json, body: FILTER });
    expect(ok.status).toBe(200);
    expect(ok.cacheable).toBe(true);
    const bad = await ask({ method: 'POST', url: STATS, headers: json, body: '{' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]).toMatch(/^The request body is not valid JSON: /);
    const wrongType = await ask({ method: 'POST', url: STATS, headers: BASIC, body: FILTER });
    expect(wrongType.json.errors).toEqual(['Content-Type must be application/json, got ""']);
    const scenario = await ask({
      method: 'POST',
      url: `${STATS}?__scenario=remote-error`,
      headers: json,
      body: '{',
    });
    expect([scenario.status, scenario.journal]).toEqual([400, { scenario: 'remote-error' }]);
    const failing = await ask({ method: 'POST', url: `${STATS}?__scenario=remote-error`, headers: json, body: FILTER });
    expect([failing.status, failing.cacheable, failing.journal]).toEqual([500, false, { scenario: 'remote-error' }]);
  });

  it('a 405 carries the asked scenario in the journal', async () => {
    const res = await ask({ method: 'GET', url: `${STATS}?__scenario=remote-error` });
    expect([res.status, res.journal]).toEqual([405, { scenario: 'remote-error' }]);
    const notFound = await ask({ url: `/gong/${A}/v2/x?__scenario=remote-error` });
    expect([notFound.status, notFound.journal]).toEqual([404, { scenario: 'remote-error' }]);
  });

  it('a malformed-body scenario answers its bytes', async () => {
    const answer = await engine.answer({ method: 'GET', url: `${USERS}?__scenario=malformed-body`, headers: BASIC });
    expect(answer.status).toBe(200);
    expect(answer.cacheable).toBe(false);
    expect(() => JSON.parse(String(answer.body))).toThrow();
  });
});
