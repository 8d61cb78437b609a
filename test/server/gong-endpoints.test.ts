/**
 * The Gong endpoints over every door (the engine, Express, the Node door): stats and users
 * answer in Gong's shape, page with Gong's cursors and refuse bad requests with Gong's errors,
 * whichever door the requests come through.
 */
import { describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/server/options.js';
import { DOORS, describeDoors, type Door, type DoorRequest, type DoorResponse } from '../helpers/doors.js';
import { ACCOUNT, NOW } from '../helpers/mock.js';
import { expectContract } from '../helpers/contract.js';
import { type Json, type Parsed, withDoor } from '../helpers/door-checks.js';

const statsPath = `/gong/${ACCOUNT}/v2/stats/interaction`;
const usersPath = `/gong/${ACCOUNT}/v2/users`;
const october = { fromDate: '2026-10-01', toDate: '2026-11-01' };

/** A Basic `Authorization` header, as supertest's `.auth(user, password)`. */
function basic(user: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** A POST to the stats endpoint; a body is sent as JSON, as supertest's `.send(object)`. */
function statsRequest(body: unknown, headers: Record<string, string> = basic('access-key', 'secret')): DoorRequest {
  if (body === undefined) return { method: 'POST', path: statsPath, headers };
  return {
    method: 'POST',
    path: statsPath,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** A GET of the users endpoint with `query`. */
function usersRequest(query: Record<string, string> = {}): DoorRequest {
  const search = new URLSearchParams(query).toString();
  return { path: search === '' ? usersPath : `${usersPath}?${search}`, headers: basic('k', 's') };
}

/** Sends `request` through `door`, parsing the JSON body. */
async function send(door: Door, request: DoorRequest): Promise<Parsed> {
  const res = await door.send(request);
  return { ...res, body: res.text === '' ? {} : JSON.parse(res.text) };
}

/** Sends `request` through `door` and checks the answer against the contract. */
async function sendChecked(door: Door, request: DoorRequest): Promise<Parsed> {
  const res = await send(door, request);
  await expectContract({ ...res, req: { method: request.method ?? 'GET', path: request.path } });
  return res;
}

async function stats(door: Door, body: unknown, auth = true): Promise<Parsed> {
  return sendChecked(door, statsRequest(body, auth ? basic('access-key', 'secret') : {}));
}

const BAD_STATS: Array<[string, unknown, RegExp]> = [
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
];

const BROKEN_JSON: DoorRequest = {
  method: 'POST',
  path: statsPath,
  headers: { ...basic('k', 's'), 'Content-Type': 'application/json' },
  body: '{"filter":',
};
const PLAIN_TEXT: DoorRequest = {
  method: 'POST',
  path: statsPath,
  headers: { ...basic('k', 's'), 'Content-Type': 'text/plain' },
  body: 'filter',
};
const WRONG_METHOD: DoorRequest = { path: statsPath, headers: basic('k', 's') };
const UNKNOWN_ACCOUNT: DoorRequest = {
  ...statsRequest({ filter: october }, basic('k', 's')),
  path: '/gong/0b0e9a4c-3f7e-4f55-9a55-1d3c54a0c1aa/v2/stats/interaction',
};

describeDoors('POST /v2/stats/interaction', { now: NOW }, (door, name) => {
  it("answers in Gong's shape with pages of 100 and a cursor while more remain", async () => {
    const first = await stats(door(), { filter: october });
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
      const next = await stats(door(), { cursor: body.records.cursor, filter: october });
      expect(next.body.records.currentPageNumber).toBe(body.records.currentPageNumber + 1);
      body = next.body;
    }
    expect(seen).toHaveLength(first.body.records.totalRecords);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('accepts Basic and Bearer credentials and refuses none', async () => {
    const bearer = await send(door(), statsRequest({ filter: october }, { Authorization: 'Bearer oauth' }));
    expect(bearer.status).toBe(200);
    const none = await stats(door(), { filter: october }, false);
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ requestId: expect.any(String), errors: [expect.stringMatching(/Access denied/)] });
  });

  it('with configured tokens, only those credentials pass', async () => {
    const [ok, bad] = await withDoor(name, { now: NOW, tokens: ['s3cret'] }, async (locked) => [
      await send(locked, statsRequest({ filter: october }, basic('key', 's3cret'))),
      await send(locked, statsRequest({ filter: october }, basic('key', 'wrong'))),
    ]);
    expect([ok!.status, bad!.status]).toEqual([200, 401]);
  });

  it.each(BAD_STATS)('400 for %s', async (_name, body, message) => {
    const res = await stats(door(), body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errors: expect.arrayContaining([expect.stringMatching(message)]),
    });
  });

  it('a cursor is bound to its filter and to its account', async () => {
    const first = await stats(door(), { filter: october });
    const foreign = await stats(door(), {
      cursor: first.body.records.cursor,
      filter: { ...october, fromDate: '2026-10-02' },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0]).toMatch(/belongs to a different request/);
    const edited = first.body.records.cursor.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await stats(door(), { cursor: edited, filter: october })).body.errors[0]).toMatch(/altered/);
  });

  it('a window without stats is a 404, as Gong answers it', async () => {
    const res = await stats(door(), { filter: { ...october, userIds: ['1'] } });
    expect(res.status).toBe(404);
    expect(res.body.errors).toEqual(['No stats found for the specified period']);
  });

  it('malformed JSON, a wrong content type and a wrong method get Gong errors', async () => {
    const broken = await send(door(), BROKEN_JSON);
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]).toMatch(/not valid JSON/);
    const text = await send(door(), PLAIN_TEXT);
    expect(text.status).toBe(400);
    expect(text.body.errors[0]).toMatch(/Content-Type must be application\/json/);
    const get = await send(door(), WRONG_METHOD);
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.body).toEqual({ requestId: expect.any(String), errors: [expect.stringMatching(/GET is not allowed/)] });
  });

  it('an unknown account is a 404 with Gong’s error body', async () => {
    const res = await send(door(), UNKNOWN_ACCOUNT);
    expect(res.status).toBe(404);
    expect(Object.keys(res.body).sort()).toEqual(['errors', 'requestId']);
  });

  it('the same request always gets the same bytes, requestId included', async () => {
    const [a, b] = await Promise.all([stats(door(), { filter: october }), stats(door(), { filter: october })]);
    expect(a.text).toBe(b.text);
  });
});

describeDoors('GET /v2/users', { now: NOW }, (door) => {
  it('lists every user in pages of 100 with Gong’s cursor', async () => {
    const first = await sendChecked(door(), usersRequest());
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
      res = await sendChecked(door(), usersRequest({ cursor: res.body.records.cursor }));
    }
    expect(ids.size).toBe(260);
  });

  it('includeAvatars=true adds Gong’s synthetic users; a bad value or cursor is a 400', async () => {
    const all = await send(door(), usersRequest({ includeAvatars: 'true' }));
    expect(all.body.records.totalRecords).toBe(262);
    const bad = await send(door(), usersRequest({ includeAvatars: 'maybe' }));
    expect(bad.status).toBe(400);
    const cursor = await send(door(), usersRequest({ cursor: 'nope' }));
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0]).toMatch(/cursor/);
  });

  it('the users behind the stats are the users of the account', async () => {
    const statsPage = await stats(door(), { filter: october });
    const users = await send(door(), usersRequest());
    const emails = new Map(users.body.users.map((u: { id: string; emailAddress: string }) => [u.id, u.emailAddress]));
    const person = statsPage.body.peopleInteractionStats[0];
    expect(emails.get(person.userId)).toBe(person.userEmailAddress);
  });
});

describe('every door answers each Gong request what the engine answers, byte for byte', () => {
  type Requests = (door: Door) => Promise<DoorResponse[]>;
  /** Follows Gong's `records.cursor` from `first` to the last page, answering each. */
  const follow = async (door: Door, first: DoorRequest, next: (cursor: string) => DoorRequest) => {
    const pages = [await door.send(first)];
    for (let i = 0; i < 100; i++) {
      const cursor: string | undefined = (JSON.parse(pages.at(-1)!.text) as Json).records.cursor;
      if (cursor === undefined) return pages;
      pages.push(await door.send(next(cursor)));
    }
    throw new Error('the walk did not end');
  };
  const plain =
    (...requests: DoorRequest[]): Requests =>
    async (door) => {
      const out: DoorResponse[] = [];
      for (const request of requests) out.push(await door.send(request));
      return out;
    };

  const cases: Array<{ name: string; requests: Requests; options?: AppOptions }> = [
    {
      name: 'a walk of the stats',
      requests: (door) =>
        follow(door, statsRequest({ filter: october }), (cursor) => statsRequest({ cursor, filter: october })),
    },
    {
      name: 'Bearer and no credentials',
      requests: plain(
        statsRequest({ filter: october }, { Authorization: 'Bearer oauth' }),
        statsRequest({ filter: october }, {}),
      ),
    },
    {
      name: 'configured tokens',
      options: { now: NOW, tokens: ['s3cret'] },
      requests: plain(
        statsRequest({ filter: october }, basic('key', 's3cret')),
        statsRequest({ filter: october }, basic('key', 'wrong')),
      ),
    },
    ...BAD_STATS.map(([name, body]) => ({ name: `400 for ${name}`, requests: plain(statsRequest(body)) })),
    {
      name: 'a cursor for another filter, and an edited cursor',
      requests: async (door) => {
        const first = await door.send(statsRequest({ filter: october }));
        const cursor: string = (JSON.parse(first.text) as Json).records.cursor;
        const edited = cursor.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
        return [
          first,
          await door.send(statsRequest({ cursor, filter: { ...october, fromDate: '2026-10-02' } })),
          await door.send(statsRequest({ cursor: edited, filter: october })),
        ];
      },
    },
    { name: 'a window without stats', requests: plain(statsRequest({ filter: { ...october, userIds: ['1'] } })) },
    {
      name: 'malformed JSON, a wrong content type and a wrong method',
      requests: plain(BROKEN_JSON, PLAIN_TEXT, WRONG_METHOD),
    },
    { name: 'an unknown account', requests: plain(UNKNOWN_ACCOUNT) },
    {
      name: 'a walk of the users',
      requests: (door) => follow(door, usersRequest(), (cursor) => usersRequest({ cursor })),
    },
    {
      name: 'includeAvatars and a bad cursor',
      requests: plain(
        usersRequest({ includeAvatars: 'true' }),
        usersRequest({ includeAvatars: 'maybe' }),
        usersRequest({ cursor: 'nope' }),
      ),
    },
  ];

  it.each(cases)('$name', async ({ requests, options }) => {
    const answers: Record<string, DoorResponse[]> = {};
    for (const name of Object.keys(DOORS)) answers[name] = await withDoor(name, options ?? { now: NOW }, requests);
    for (const [name, answer] of Object.entries(answers)) expect(answer, name).toEqual(answers.engine);
  });
});
