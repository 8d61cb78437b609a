import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, mockApp } from '../helpers/mock.js';
import { expectContract } from '../helpers/contract.js';

const app = mockApp();
const statsPath = `/gong/${ACCOUNT}/v2/stats/interaction`;
const usersPath = `/gong/${ACCOUNT}/v2/users`;
const october = { fromDate: '2026-10-01', toDate: '2026-11-01' };

async function stats(body: unknown, auth = true) {
  const req = request(app).post(statsPath);
  const res = await (auth ? req.auth('access-key', 'secret') : req).send(body as object);
  await expectContract(res);
  return res;
}

describe('POST /v2/stats/interaction', () => {
  it("answers in Gong's shape with pages of 100 and a cursor while more remain", async () => {
    const first = await stats({ filter: october });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      requestId: expect.stringMatching(/^[0-9a-z]{19}$/),
      records: {
        totalRecords: expect.any(Number),
        currentPageSize: 100,
        currentPageNumber: 0,
        cursor: expect.any(String),
      },
      timeZone: 'America/Los_Angeles',
      fromDateTime: '2026-10-01T00:00:00-07:00',
      toDateTime: '2026-11-01T00:00:00-07:00',
    });
    expect(first.body.records.cursor.split('.')).toHaveLength(3);
    const names = first.body.peopleInteractionStats[0].personInteractionStats.map((s: { name: string }) => s.name);
    expect(names).toEqual([
      'Longest Monologue',
      'Longest Customer Story',
      'Interactivity',
      'Patience',
      'Question Rate',
      'Talk Ratio',
    ]);

    const seen: string[] = [];
    let body = first.body;
    for (;;) {
      seen.push(...body.peopleInteractionStats.map((p: { userId: string }) => p.userId));
      if (body.records.cursor === undefined) break;
      const next = await stats({ cursor: body.records.cursor, filter: october });
      expect(next.body.records.currentPageNumber).toBe(body.records.currentPageNumber + 1);
      body = next.body;
    }
    expect(seen).toHaveLength(first.body.records.totalRecords);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('accepts Basic and Bearer credentials and refuses none', async () => {
    const bearer = await request(app).post(statsPath).set('Authorization', 'Bearer oauth').send({ filter: october });
    expect(bearer.status).toBe(200);
    const none = await stats({ filter: october }, false);
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ requestId: expect.any(String), errors: [expect.stringMatching(/Access denied/)] });
  });

  it('with configured tokens, only those credentials pass', async () => {
    const locked = mockApp({ tokens: ['s3cret'] });
    const ok = await request(locked).post(statsPath).auth('key', 's3cret').send({ filter: october });
    const bad = await request(locked).post(statsPath).auth('key', 'wrong').send({ filter: october });
    expect([ok.status, bad.status]).toEqual([200, 401]);
  });

  it.each([
    ['no body and no content type', undefined, /Content-Type must be application\/json/],
    ['a JSON array', [1, 2], /request body must be a JSON object/],
    ['no filter', {}, /filter: required/],
    ['fromDate missing', { filter: { toDate: '2026-11-01' } }, /filter.fromDate: required/],
    [
      'fromDate not a date',
      { filter: { ...october, fromDate: '01/10/2026' } },
      /filter.fromDate: must be a date in the format YYYY-MM-DD/,
    ],
    ['toDate impossible', { filter: { ...october, toDate: '2026-02-30' } }, /filter.toDate: must be a date/],
    [
      'toDate before fromDate',
      { filter: { fromDate: '2026-11-01', toDate: '2026-10-01' } },
      /toDate: must be after filter.fromDate/,
    ],
    [
      'toDate past the current day',
      { filter: { fromDate: '2026-11-01', toDate: '2026-12-01' } },
      /must not be after the current day \(2026-11-23 in America\/Los_Angeles\)/,
    ],
    ['userIds not an array', { filter: { ...october, userIds: '1' } }, /filter.userIds: must be an array/],
    ['userIds not digits', { filter: { ...october, userIds: ['abc'] } }, /every id must be a string of 1 to 20 digits/],
    ['userIds 21 digits', { filter: { ...october, userIds: ['1'.repeat(21)] } }, /1 to 20 digits/],
    [
      'createdFromDateTime not a date-time',
      { filter: { ...october, createdFromDateTime: 'today' } },
      /createdFromDateTime: must be an ISO-8601/,
    ],
    ['garbage cursor', { cursor: 'abc', filter: october }, /cursor: not a cursor/],
    ['empty cursor', { cursor: '', filter: october }, /cursor: must be the non-empty string/],
  ])('400 for %s', async (_name, body, message) => {
    const res = await stats(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errors: expect.arrayContaining([expect.stringMatching(message)]),
    });
  });

  it('a cursor is bound to its filter and to its account', async () => {
    const first = await stats({ filter: october });
    const foreign = await stats({ cursor: first.body.records.cursor, filter: { ...october, fromDate: '2026-10-02' } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatch(/belongs to a different request/);
    const edited = first.body.records.cursor.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await stats({ cursor: edited, filter: october })).body.errors[0]).toMatch(/altered/);
  });

  it('a window without stats is a 404, as Gong answers it', async () => {
    const res = await stats({ filter: { ...october, userIds: ['1'] } });
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual(['No stats found for the specified period']);
  });

  it('malformed JSON, a wrong content type and a wrong method get Gong errors', async () => {
    const broken = await request(app)
      .post(statsPath)
      .auth('k', 's')
      .set('Content-Type', 'application/json')
      .send('{"filter":');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]).toMatch(/not valid JSON/);
    const text = await request(app).post(statsPath).auth('k', 's').set('Content-Type', 'text/plain').send('filter');
    expect(text.status).toBe(400);
    expect(text.body.errors[0]).toMatch(/Content-Type must be application\/json/);
    const get = await request(app).get(statsPath).auth('k', 's');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.body).toEqual({ requestId: expect.any(String), errors: [expect.stringMatching(/GET is not allowed/)] });
  });

  it('an unknown account is a 404 with Gong’s error body', async () => {
    const res = await request(app)
      .post('/gong/0b0e9a4c-3f7e-4f55-9a55-1d3c54a0c1aa/v2/stats/interaction')
      .auth('k', 's')
      .send({ filter: october });
    expect(res.status).toBe(404);
    expect(Object.keys(res.body).sort()).toEqual(['errors', 'requestId']);
  });

  it('the same request always gets the same bytes, requestId included', async () => {
    const [a, b] = await Promise.all([stats({ filter: october }), stats({ filter: october })]);
    expect(a.text).toBe(b.text);
  });
});

describe('GET /v2/users', () => {
  it('lists every user in pages of 100 with Gong’s cursor', async () => {
    const first = await request(app).get(usersPath).auth('k', 's');
    await expectContract(first);
    expect(first.status).toBe(200);
    expect(first.body.records).toMatchObject({ totalRecords: 260, currentPageSize: 100, currentPageNumber: 0 });
    const user = first.body.users[0];
    expect(user).toMatchObject({
      id: expect.stringMatching(/^\d{1,20}$/),
      emailAddress: expect.stringMatching(/@acme-widgets\.com$/),
      active: expect.any(Boolean),
    });
    const ids = new Set<string>();
    let res = first;
    for (;;) {
      for (const u of res.body.users) ids.add(u.id);
      if (res.body.records.cursor === undefined) break;
      res = await request(app).get(usersPath).query({ cursor: res.body.records.cursor }).auth('k', 's');
      await expectContract(res);
    }
    expect(ids.size).toBe(260);
  });

  it('includeAvatars=true adds Gong’s synthetic users; a bad value or cursor is a 400', async () => {
    const all = await request(app).get(usersPath).query({ includeAvatars: 'true' }).auth('k', 's');
    expect(all.body.records.totalRecords).toBe(262);
    const bad = await request(app).get(usersPath).query({ includeAvatars: 'maybe' }).auth('k', 's');
    expect(bad.status).toBe(400);
    const cursor = await request(app).get(usersPath).query({ cursor: 'nope' }).auth('k', 's');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0]).toMatch(/cursor/);
  });

  it('the users behind the stats are the users of the account', async () => {
    const statsPage = await stats({ filter: october });
    const users = await request(app).get(usersPath).auth('k', 's');
    const emails = new Map(users.body.users.map((u: { id: string; emailAddress: string }) => [u.id, u.emailAddress]));
    const person = statsPage.body.peopleInteractionStats[0];
    expect(emails.get(person.userId)).toBe(person.userEmailAddress);
  });
});
