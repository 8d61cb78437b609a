/**
 * The first table of the behaviour suite over every door: request in, answer out, the same on
 * the engine, the Express app and the Node door. Each case says what it wants; every door's
 * answer must also equal the engine's byte for byte (status, the API's headers, the body).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { DOORS, describeDoors, type DoorRequest, type DoorResponse } from '../helpers/doors.js';
import { NOW, OCTOBER } from '../helpers/mock.js';

const A = DEFAULT_ACCOUNT_ID;
const UNIFIED = '/unified/conversational-intelligence/interactions';
const Q = new URLSearchParams({ integrated_account_id: A, ...OCTOBER }).toString();
const BEARER = { Authorization: 'Bearer t' };
const BASIC = { Authorization: `Basic ${btoa('key:secret')}` };
const STATS = `/gong/${A}/v2/stats/interaction`;
const JSON_BODY = { ...BASIC, 'Content-Type': 'application/json' };
const OCTOBER_FILTER = JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });

interface Case {
  name: string;
  given: DoorRequest;
  want: { status: number; text?: RegExp; headers?: Record<string, string> };
}

const CASES: Case[] = [
  {
    name: 'a unified page',
    given: { path: `${UNIFIED}?${Q}`, headers: BEARER },
    want: { status: 200, text: /"next_cursor":"/ },
  },
  {
    name: 'a unified page, path in upper case and a trailing slash',
    given: { path: `/UNIFIED/conversational-intelligence/interactions/?${Q}`, headers: BEARER },
    want: { status: 200 },
  },
  {
    name: 'the raw format',
    given: { path: `${UNIFIED}?${Q}&truto_response_format=raw&limit=5`, headers: BEARER },
    want: { status: 200, text: /"userEmailAddress"/ },
  },
  {
    name: 'the debug envelope',
    given: { path: `${UNIFIED}?${Q}&truto_response_format=debug&limit=3`, headers: BEARER },
    want: { status: 200, text: /"requestUrl":"http:\/\/127\.0\.0\.1:4010\/gong\// },
  },
  {
    name: 'a stream',
    given: { path: `${UNIFIED}?${Q}&truto_response_format=stream`, headers: BEARER },
    want: { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } },
  },
  { name: 'no token', given: { path: `${UNIFIED}?${Q}` }, want: { status: 401, text: /Missing bearer token/ } },
  {
    name: 'an unknown scenario',
    given: { path: `${UNIFIED}?${Q}`, headers: { ...BEARER, Prefer: 'scenario=nope' } },
    want: { status: 400, text: /unknown scenario/ },
  },
  {
    name: 'the forbidden scenario',
    given: { path: `${UNIFIED}?${Q}&__scenario=forbidden`, headers: BEARER },
    want: { status: 403 },
  },
  {
    name: 'a remote rate limit',
    given: { path: `${UNIFIED}?${Q}`, headers: { ...BEARER, Prefer: 'scenario=rate-limited' } },
    want: { status: 429, headers: { 'retry-after': '2', 'ratelimit-limit': '3' } },
  },
  {
    name: 'an unknown account',
    given: {
      path: `${UNIFIED}?integrated_account_id=00000000-0000-4000-8000-000000000000&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`,
      headers: BEARER,
    },
    want: { status: 404 },
  },
  {
    name: 'a revoked account',
    given: {
      path: `${UNIFIED}?integrated_account_id=401a0000-0000-4000-8000-000000000401&${new URLSearchParams(OCTOBER)}`,
      headers: BEARER,
    },
    want: { status: 401, text: /truto_is_remote_error/ },
  },
  {
    name: 'POST on the unified endpoint',
    given: { method: 'POST', path: `${UNIFIED}?${Q}`, headers: BEARER },
    want: { status: 405, headers: { allow: 'GET, HEAD' } },
  },
  {
    name: 'HEAD on the unified endpoint',
    given: { method: 'HEAD', path: `${UNIFIED}?${Q}`, headers: BEARER },
    want: { status: 200 },
  },
  {
    name: 'an unknown unified path',
    given: { path: '/unified/crm/contacts', headers: BEARER },
    want: { status: 404, text: /No route GET \/unified\/crm\/contacts/ },
  },
  {
    name: 'a path outside every API',
    given: { path: '/v2/users' },
    want: { status: 404, text: /No route GET \/v2\/users/ },
  },
  {
    name: 'Gong users',
    given: { path: `/gong/${A}/v2/users`, headers: BASIC },
    want: { status: 200, text: /"users":\[/ },
  },
  {
    name: 'Gong users, the account in upper case',
    given: { path: `/gong/${A.toUpperCase()}/v2/users?includeAvatars=true`, headers: BASIC },
    want: { status: 200 },
  },
  {
    name: 'Gong users, includeAvatars twice',
    given: { path: `/gong/${A}/v2/users?includeAvatars=true&includeAvatars=false`, headers: BASIC },
    want: { status: 400, text: /includeAvatars/ },
  },
  {
    name: 'Gong without credentials',
    given: { path: `/gong/${A}/v2/users` },
    want: { status: 401, text: /Access denied/ },
  },
  {
    name: 'Gong, a unified-only scenario',
    given: { path: `/gong/${A}/v2/users?__scenario=forbidden`, headers: BASIC },
    want: { status: 400, text: /happens in the unified API/ },
  },
  {
    name: 'Gong stats',
    given: { method: 'POST', path: STATS, headers: JSON_BODY, body: OCTOBER_FILTER },
    want: { status: 200, text: /"peopleInteractionStats"/ },
  },
  {
    name: 'Gong stats as text/plain',
    given: { method: 'POST', path: STATS, headers: { ...BASIC, 'Content-Type': 'text/plain' }, body: OCTOBER_FILTER },
    want: { status: 400, text: /Content-Type must be application\/json/ },
  },
  {
    name: 'Gong stats, truncated JSON',
    given: { method: 'POST', path: STATS, headers: JSON_BODY, body: '{"filter":' },
    want: { status: 400, text: /not valid JSON/ },
  },
  {
    name: 'Gong stats, a __proto__ key',
    given: { method: 'POST', path: STATS, headers: JSON_BODY, body: '{"__proto__":{}}' },
    want: { status: 400, text: /__proto__/ },
  },
  {
    name: 'Gong stats, nested too deeply',
    given: { method: 'POST', path: STATS, headers: JSON_BODY, body: `${'['.repeat(40)}${']'.repeat(40)}` },
    want: { status: 400, text: /nested too deeply/ },
  },
  {
    name: 'Gong stats, an oversized body',
    given: { method: 'POST', path: STATS, headers: JSON_BODY, body: `{"a":"${'x'.repeat(70_000)}"}` },
    want: { status: 413, text: /larger than 65536 bytes/ },
  },
  {
    name: 'GET on Gong stats',
    given: { path: STATS, headers: BASIC },
    want: { status: 405, headers: { allow: 'POST' } },
  },
  {
    name: 'an unknown Gong endpoint',
    given: { path: `/gong/${A}/v2/calls`, headers: BASIC },
    want: { status: 404, text: /No Gong endpoint GET \/v2\/calls/ },
  },
  {
    name: 'an unknown Gong account',
    given: { path: '/gong/nope/v2/users', headers: BASIC },
    want: { status: 404, text: /unknown integrated account/ },
  },
  {
    name: 'an unreadable Gong base URL',
    given: { path: '/gong/%ff/v2/users', headers: BASIC },
    want: { status: 400, text: /Failed to decode param/ },
  },
  {
    name: 'below /gong/ without an account',
    given: { path: '/gong//v2/users' },
    want: { status: 404, text: /No Gong endpoint/ },
  },
  { name: 'the admin accounts', given: { path: '/__admin/accounts' }, want: { status: 200, text: /"gongBaseUrl"/ } },
  { name: 'the admin scenarios', given: { path: '/__admin/scenarios' }, want: { status: 200, text: /"howToAsk"/ } },
  {
    name: 'a bad journal limit',
    given: { path: '/__admin/requests?limit=0' },
    want: { status: 400, text: /limit: must be a whole number/ },
  },
  {
    name: 'POST on the admin journal',
    given: { method: 'POST', path: '/__admin/requests' },
    want: { status: 405, headers: { allow: 'GET, HEAD, DELETE' } },
  },
  {
    name: 'an unknown admin path',
    given: { path: '/__admin/nope' },
    want: { status: 404, text: /No admin route GET \/__admin\/nope/ },
  },
];

describeDoors('the behaviour table', { now: NOW }, (door) => {
  it.each(CASES)('$name', async ({ given, want }) => {
    const res = await door().send(given);
    expect(res.status).toBe(want.status);
    if (want.text !== undefined) expect(res.text).toMatch(want.text);
    if (want.headers !== undefined) expect(res.headers).toMatchObject(want.headers);
  });
});

describe('every door answers what the engine answers, byte for byte', () => {
  it.each(CASES)('$name', async ({ given }) => {
    const answers: Record<string, DoorResponse> = {};
    for (const [name, make] of Object.entries(DOORS)) {
      const door = await make({ now: NOW });
      try {
        answers[name] = await door.send(given);
      } finally {
        await door.close();
      }
    }
    for (const [name, answer] of Object.entries(answers)) expect(answer, name).toEqual(answers.engine);
  });
});
