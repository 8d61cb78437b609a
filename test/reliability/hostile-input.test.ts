/**
 * Malformed and hostile input over every door (the engine, Express, the Node door): each gets
 * its status and a message in the API's real error shape, none a 5xx, and the mock answers
 * normally after all of them; every door answers each as the engine does, byte for byte.
 * Known difference: undoing a Content-Encoding is the door's work (the engine takes the body
 * as read), so the garbage gzip and brotli bodies run over the HTTP doors only.
 */
import { describe, expect, it } from 'vitest';
import { BAD_UNIFIED_REQUESTS } from '../helpers/bad-unified-requests.js';
import { describeDoors, type Door, type DoorRequest, onlyDoors } from '../helpers/doors.js';
import {
  GONG_AUTH,
  expectEveryDoorAsEngine,
  getChecked,
  parsed,
  expectDoorContract,
  withDoor,
} from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

// Left to the doors with sockets of their own (the reason is the second argument).
onlyDoors(
  ['engine', 'express', 'node'],
  "malformed requests the target refuses at the socket reach the proxy door's client as its own 502 (a gateway's answer), and the MSW door cannot send bytes fetch refuses to build",
);

const stats = `/gong/${ACCOUNT}/v2/stats/interaction`;
const users = `/gong/${ACCOUNT}/v2/users`;
const filter = { fromDate: '2026-10-01', toDate: '2026-11-01' };

interface GongCase {
  name: string;
  method?: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path?: string;
  contentType?: string;
  encoding?: string;
  body?: string;
  query?: Record<string, string>;
  status: number;
  message: RegExp;
}

const json = (value: unknown) => JSON.stringify(value);
const GONG_CASES: GongCase[] = [
  {
    name: 'wrong method PUT on stats',
    method: 'put',
    body: json({ filter }),
    status: 405,
    message: /PUT is not allowed/,
  },
  { name: 'wrong method DELETE on stats', method: 'delete', status: 405, message: /DELETE is not allowed/ },
  {
    name: 'wrong method POST on users',
    method: 'post',
    path: users,
    body: json({}),
    status: 405,
    message: /POST is not allowed/,
  },
  {
    name: 'wrong method PATCH on users',
    method: 'patch',
    path: users,
    body: json({}),
    status: 405,
    message: /PATCH is not allowed/,
  },
  {
    name: 'text/plain body',
    contentType: 'text/plain',
    body: json({ filter }),
    status: 400,
    message: /Content-Type must be application\/json/,
  },
  {
    name: 'form body',
    contentType: 'application/x-www-form-urlencoded',
    body: 'filter=1',
    status: 400,
    message: /Content-Type must be application\/json/,
  },
  { name: 'xml body', contentType: 'application/xml', body: '<filter/>', status: 400, message: /Content-Type/ },
  { name: 'truncated JSON', body: '{"filter":{"fromDate":', status: 400, message: /not valid JSON/ },
  { name: 'JSON with a trailing comma', body: '{"filter":{},}', status: 400, message: /not valid JSON/ },
  { name: 'a JSON string', body: '"filter"', status: 400, message: /must be a JSON object/ },
  { name: 'JSON null', body: 'null', status: 400, message: /must be a JSON object/ },
  {
    name: '__proto__ at the top',
    body: '{"__proto__":{"polluted":"yes"},"filter":{}}',
    status: 400,
    message: /"__proto__" is not allowed/,
  },
  {
    name: '__proto__ in the filter',
    body: '{"filter":{"__proto__":{"polluted":"yes"},"fromDate":"2026-10-01","toDate":"2026-11-01"}}',
    status: 400,
    message: /"__proto__" is not allowed/,
  },
  {
    name: 'constructor.prototype',
    body: '{"filter":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    status: 400,
    message: /"(constructor|prototype)" is not allowed/,
  },
  {
    name: 'an oversized body',
    body: json({ filter, padding: 'x'.repeat(70 * 1024) }),
    status: 413,
    message: /larger than 65536 bytes/,
  },
  { name: 'filter as an array', body: json({ filter: [filter] }), status: 400, message: /filter: required, an object/ },
  {
    name: 'fromDate as a number',
    body: json({ filter: { ...filter, fromDate: 20261001 } }),
    status: 400,
    message: /filter.fromDate: must be a date/,
  },
  {
    name: 'fromDate with a time',
    body: json({ filter: { ...filter, fromDate: '2026-10-01T00:00:00Z' } }),
    status: 400,
    message: /filter.fromDate/,
  },
  {
    name: 'toDate year 99999',
    body: json({ filter: { ...filter, toDate: '99999-01-01' } }),
    status: 400,
    message: /filter.toDate/,
  },
  {
    name: 'userIds with an object',
    body: json({ filter: { ...filter, userIds: [{ id: 1 }] } }),
    status: 400,
    message: /userIds/,
  },
  {
    name: 'userIds with a number',
    body: json({ filter: { ...filter, userIds: [123] } }),
    status: 400,
    message: /userIds/,
  },
  {
    name: 'cursor as a number',
    body: json({ cursor: 5, filter }),
    status: 400,
    message: /cursor: must be the non-empty string/,
  },
  {
    name: 'a truncated cursor',
    body: json({ cursor: 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImN1cnNvciJ9.eyJh', filter }),
    status: 400,
    message: /cursor: /,
  },
  { name: 'a huge cursor', body: json({ cursor: 'A'.repeat(20_000), filter }), status: 400, message: /cursor: / },
  {
    name: 'users with a garbage cursor',
    method: 'get',
    path: users,
    query: { cursor: '%%%' },
    status: 400,
    message: /cursor/,
  },
  {
    name: 'users includeAvatars=yes',
    method: 'get',
    path: users,
    query: { includeAvatars: 'yes' },
    status: 400,
    message: /includeAvatars/,
  },
  {
    name: 'an unknown Gong endpoint',
    method: 'get',
    path: `/gong/${ACCOUNT}/v2/calls`,
    status: 404,
    message: /No Gong endpoint/,
  },
  {
    name: 'an account segment that is bad percent-encoding',
    method: 'get',
    path: '/gong/%ff/v2/users',
    status: 400,
    message: /could not be read/,
  },
  {
    name: 'a garbage gzip body',
    contentType: 'application/json',
    encoding: 'gzip',
    body: '{}',
    status: 400,
    message: /could not be read/,
  },
  {
    name: 'a garbage brotli body',
    contentType: 'application/json',
    encoding: 'br',
    body: '{}',
    status: 400,
    message: /could not be read/,
  },
  {
    name: 'an account that is not a UUID',
    path: '/gong/not-an-account/v2/stats/interaction',
    body: json({ filter }),
    status: 404,
    message: /unknown integrated account/,
  },
];

/** What a door reads before the engine sees the request: the engine door takes bodies as read. */
const DECODED_BY_THE_DOOR = new Set(['a garbage gzip body', 'a garbage brotli body']);
const casesFor = (door: string) =>
  door === 'engine' ? GONG_CASES.filter((c) => !DECODED_BY_THE_DOOR.has(c.name)) : GONG_CASES;

const EXTRA_UNIFIED: { name: string; request: DoorRequest; status: number }[] = [
  {
    name: 'POST to the unified endpoint',
    request: {
      method: 'POST',
      path: unifiedUrl(october()),
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: '{}',
    },
    status: 405,
  },
  { name: 'an unknown unified path', request: { path: '/unified/crm/contacts', headers: AUTH }, status: 404 },
  { name: 'a path outside every API', request: { path: '/v2/users', headers: AUTH }, status: 404 },
];

function gongRequest(c: GongCase): DoorRequest {
  const headers: Record<string, string> = { ...GONG_AUTH };
  if (c.encoding !== undefined) headers['Content-Encoding'] = c.encoding;
  if (c.body !== undefined) headers['Content-Type'] = c.contentType ?? 'application/json';
  const query = c.query === undefined ? '' : `?${new URLSearchParams(c.query)}`;
  return {
    method: (c.method ?? 'post').toUpperCase(),
    path: `${c.path ?? stats}${query}`,
    headers,
    ...(c.body === undefined ? {} : { body: c.body }),
  };
}

const unifiedRequests = (): DoorRequest[] =>
  BAD_UNIFIED_REQUESTS.map(({ query, path, headers }) => ({
    path: path ?? unifiedUrl(query ?? []),
    headers: headers ?? AUTH,
  }));

it('the battery covers at least 60 requests', () => {
  expect(BAD_UNIFIED_REQUESTS.length + GONG_CASES.length + EXTRA_UNIFIED.length).toBeGreaterThanOrEqual(60);
});

describeDoors('reliability battery: malformed and hostile input', { now: NOW }, (door, name) => {
  it.each(casesFor(name))('Gong: $name -> $status', async (c) => {
    const res = parsed(await door().send(gongRequest(c)));
    expect(res.status).toBe(c.status);
    expect(Object.keys(res.body).sort()).toEqual(['errors', 'requestId']);
    expect(res.body.errors.join(' ')).toMatch(c.message);
    if (res.status !== 405 && c.path !== `/gong/${ACCOUNT}/v2/calls`) await expectDoorContract(res, gongRequest(c));
  });

  it.each(EXTRA_UNIFIED)('unified: $name -> $status', async ({ request, status }) => {
    const res = parsed(await door().send(request));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
  });

  it('after every hostile request the server answers normally and no prototype is polluted', async () => {
    for (const c of casesFor(name)) await door().send(gongRequest(c));
    for (const request of unifiedRequests()) await door().send(request);
    for (const { request } of EXTRA_UNIFIED) await door().send(request);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const res = await getChecked(door(), unifiedUrl(october()));
    expect(res.status).toBe(200);
    expect(res.body.result.length).toBe(100);
  });

  it('no 5xx came out of any of them', async () => {
    // Its own mock, sent every request here: the test stands alone, whatever ran before it.
    await withDoor(name, { now: NOW }, async (fresh: Door) => {
      const cases = casesFor(name);
      const answered: number[] = [];
      for (const c of cases) answered.push((await fresh.send(gongRequest(c))).status);
      for (const request of unifiedRequests()) answered.push((await fresh.send(request)).status);
      for (const { request } of EXTRA_UNIFIED) answered.push((await fresh.send(request)).status);
      expect(answered.length).toBe(cases.length + BAD_UNIFIED_REQUESTS.length + EXTRA_UNIFIED.length);
      expect(answered.filter((status) => status >= 500)).toEqual([]);
      // Every page of the journal, not only the first (a page lists 100 entries by default).
      const requests: Array<{ status: number }> = [];
      let cursor = '';
      do {
        const page = parsed(await fresh.send({ path: `/__admin/requests?limit=1000&next_cursor=${cursor}` }));
        requests.push(...page.body.requests);
        cursor = page.body.next_cursor ?? '';
      } while (cursor !== '');
      // The journal saw them too: every one but those refused before any API was reached (a
      // declared oversized body, an unreadable base URL) and the path outside every API.
      const unjournaled = ['an oversized body', 'an account segment that is bad percent-encoding'];
      expect(cases.filter((c) => unjournaled.includes(c.name))).toHaveLength(unjournaled.length);
      expect(requests.length).toBe(answered.length - unjournaled.length - 1);
      const fiveHundreds = requests.filter((r) => r.status >= 500);
      expect(fiveHundreds).toEqual([]);
    });
  });
});

describe('every door answers hostile input as the engine does, byte for byte', () => {
  it.each(casesFor('engine'))('Gong: $name', async (c) => {
    await expectEveryDoorAsEngine({ now: NOW }, [gongRequest(c)]);
  });

  it('the unified battery and the extra unified cases', async () => {
    await expectEveryDoorAsEngine({ now: NOW }, [...unifiedRequests(), ...EXTRA_UNIFIED.map((c) => c.request)]);
  });
});
