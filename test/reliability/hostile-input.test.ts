import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BAD_UNIFIED_REQUESTS } from '../helpers/bad-unified-requests.js';
import { expectContract } from '../helpers/contract.js';
import { ACCOUNT, AUTH, getUnified, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const app = mockApp();
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

const EXTRA_UNIFIED = [
  {
    name: 'POST to the unified endpoint',
    run: (to = app) => request(to).post(unifiedUrl(october())).set(AUTH).send({}),
    status: 405,
  },
  {
    name: 'an unknown unified path',
    run: (to = app) => request(to).get('/unified/crm/contacts').set(AUTH),
    status: 404,
  },
  { name: 'a path outside every API', run: (to = app) => request(to).get('/v2/users').set(AUTH), status: 404 },
];

async function sendGongCase(c: GongCase, to = app) {
  const method = c.method ?? 'post';
  let req = request(to)
    [method](c.path ?? stats)
    .auth('key', 'secret');
  if (c.query !== undefined) req = req.query(c.query);
  if (c.encoding !== undefined) req = req.set('Content-Encoding', c.encoding);
  if (c.body !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.body);
  return req;
}

describe('reliability battery: malformed and hostile input', () => {
  it('covers at least 60 requests', () => {
    expect(BAD_UNIFIED_REQUESTS.length + GONG_CASES.length + EXTRA_UNIFIED.length).toBeGreaterThanOrEqual(60);
  });

  it.each(GONG_CASES)('Gong: $name -> $status', async (c) => {
    const res = await sendGongCase(c);
    expect(res.status).toBe(c.status);
    expect(Object.keys(res.body).sort()).toEqual(['errors', 'requestId']);
    expect(res.body.errors.join(' ')).toMatch(c.message);
    if (res.status !== 405 && c.path !== `/gong/${ACCOUNT}/v2/calls`) await expectContract(res);
  });

  it.each(EXTRA_UNIFIED)('unified: $name -> $status', async ({ run, status }) => {
    const res = await run();
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
  });

  it('after every hostile request the server answers normally and no prototype is polluted', async () => {
    for (const c of GONG_CASES) await sendGongCase(c);
    for (const { query, path, headers } of BAD_UNIFIED_REQUESTS)
      await request(app)
        .get(path ?? unifiedUrl(query ?? []))
        .set(headers ?? AUTH);
    for (const { run } of EXTRA_UNIFIED) await run();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const res = await getUnified(app, unifiedUrl(october()));
    expect(res.status).toBe(200);
    expect(res.body.result.length).toBe(100);
  });

  it('no 5xx came out of any of them', async () => {
    // Its own mock, sent every request here: the test stands alone, whatever ran before it.
    const fresh = mockApp();
    const answered: number[] = [];
    for (const c of GONG_CASES) answered.push((await sendGongCase(c, fresh)).status);
    for (const { query, path, headers } of BAD_UNIFIED_REQUESTS) {
      const res = await request(fresh)
        .get(path ?? unifiedUrl(query ?? []))
        .set(headers ?? AUTH);
      answered.push(res.status);
    }
    for (const { run } of EXTRA_UNIFIED) answered.push((await run(fresh)).status);
    expect(answered.length).toBe(GONG_CASES.length + BAD_UNIFIED_REQUESTS.length + EXTRA_UNIFIED.length);
    expect(answered.filter((status) => status >= 500)).toEqual([]);
    // Every page of the journal, not only the first (a page lists 100 entries by default).
    const requests: Array<{ status: number }> = [];
    let cursor = '';
    do {
      const page = await request(fresh).get('/__admin/requests').query({ limit: '1000', next_cursor: cursor });
      requests.push(...page.body.requests);
      cursor = page.body.next_cursor ?? '';
    } while (cursor !== '');
    // The journal saw them too: every one but those refused before any API was reached (a
    // declared oversized body, an unreadable base URL) and the path outside every API.
    const unjournaled = ['an oversized body', 'an account segment that is bad percent-encoding'];
    expect(GONG_CASES.filter((c) => unjournaled.includes(c.name))).toHaveLength(unjournaled.length);
    expect(requests.length).toBe(answered.length - unjournaled.length - 1);
    const fiveHundreds = requests.filter((r) => r.status >= 500);
    expect(fiveHundreds).toEqual([]);
  });
});
