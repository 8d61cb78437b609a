/**
 * Pagination of the unified endpoint over every door (the engine, Express, the Node door): a
 * walk lists every record once, cursors are stateless and bound to their query, and the SDKs'
 * encodings page through the same records, whichever door the requests come through.
 */
import { describe, expect, it } from 'vitest';
import { DOORS, describeDoors, type Door, type DoorResponse } from '../helpers/doors.js';
import { getChecked, type Json, walkDoor, withDoor } from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, OCTOBER, october, unifiedUrl } from '../helpers/mock.js';

const base: [string, string][] = Object.entries(october());

const walk = walkDoor;

/** The SDKs' spellings of the first five users of October (see 'SDK encodings'). */
function sdkQueries(ids: string[]): { typescript: [string, string][]; python: [string, string][] } {
  return {
    typescript: [
      ['integrated_account_id', ACCOUNT],
      ...Object.entries(OCTOBER),
      ...ids.map((id, i): [string, string] => [`users[${i}][id]`, id]),
      ['limit', '2'],
    ],
    python: [
      ['integrated_account_id', ACCOUNT],
      ...Object.entries(OCTOBER),
      ...ids.map((id): [string, string] => ['users[][id]', id]),
      ['limit', '2'],
    ],
  };
}

describeDoors('pagination of the default account', { now: NOW }, (door, name) => {
  it('a full walk returns every record exactly once, in a stable order, over several pages', async () => {
    const pages = await walk(door(), base);
    const ids = pages.flatMap((page) => page.body.result.map((record) => record.id));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    const again = await withDoor(name, { now: NOW }, (fresh) => walk(fresh, base));
    expect(again.flatMap((page) => page.body.result.map((record) => record.id))).toEqual(ids);
    // The walk returns exactly the users Gong reports for the window.
    const gong = await door().send({
      method: 'POST',
      path: `/gong/${ACCOUNT}/v2/stats/interaction`,
      headers: {
        Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } }),
    });
    expect(ids.length).toBe((JSON.parse(gong.text) as Json).records.totalRecords);
  });

  it('the cursor of page k asked again returns the same bytes, on any server with the same seed', async () => {
    const pages = await walk(door(), base);
    for (const page of pages) {
      const again = await withDoor(name, { now: NOW }, (fresh) => getChecked(fresh, page.url));
      expect(again.text).toBe(page.text);
    }
  });

  it('a smaller limit walks the same records in pages of at most that many', async () => {
    const small = await walk(door(), [...base, ['limit', '37']]);
    const large = await walk(door(), base);
    const ids = (pages: typeof small) => pages.flatMap((page) => page.body.result.map((record) => record.id));
    expect(ids(small)).toEqual(ids(large));
    // limit is a maximum: a page also ends where a Gong page ends, so one Gong call serves it.
    const sizes = small.map((page) => page.body.result.length);
    expect(Math.max(...sizes)).toBe(37);
    expect(sizes.every((size) => size > 0 && size <= 37)).toBe(true);
  });

  it('truto_ignore_limit=true ignores limit and pages with the source page size', async () => {
    const res = await getChecked(door(), unifiedUrl([...base, ['limit', '5'], ['truto_ignore_limit', 'true']]));
    expect(res.body.result).toHaveLength(100);
  });

  it('a cursor is refused by a server with another secret, and bound to its query', async () => {
    const first = await getChecked(door(), unifiedUrl([...base, ['limit', '10']]));
    const cursor: string = first.body.next_cursor;
    const other = await withDoor(name, { now: NOW, secret: 'another secret' }, (fresh) =>
      getChecked(fresh, unifiedUrl([...base, ['limit', '10'], ['next_cursor', cursor]])),
    );
    expect(other.status).toBe(400);
    expect(other.body.message).toMatch(/next_cursor: .*signature/);
    const otherQuery = await getChecked(door(), unifiedUrl([...base, ['limit', '11'], ['next_cursor', cursor]]));
    expect(otherQuery.status).toBe(400);
    expect(otherQuery.body.message).toMatch(/different query/);
    // Switching the format between pages is fine: the records are the same.
    const raw = await getChecked(
      door(),
      unifiedUrl([...base, ['limit', '10'], ['next_cursor', cursor], ['truto_response_format', 'raw']]),
    );
    expect(raw.status).toBe(200);
  });

  it('a query without stats is an empty page with a null cursor (Gong answers it with 404)', async () => {
    // No user has the id 1, so Gong finds no stats for the window.
    const res = await getChecked(door(), unifiedUrl(EMPTY_WINDOW));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: [], next_cursor: null });
  });
});

const EMPTY_WINDOW = {
  integrated_account_id: ACCOUNT,
  start_time: '2026-10-04T00:00:00-07:00',
  end_time: '2026-10-04T01:00:00-07:00',
  'users[][id]': '1',
};

describeDoors('SDK encodings', { now: NOW }, (door) => {
  it('the TypeScript SDK (qs indices, next_cursor= first) and the Python SDK (users[][id]) page through the same records', async () => {
    const all = await getChecked(door(), unifiedUrl(october()));
    const ids: string[] = all.body.result.slice(0, 5).map((record: { user: { id: string } }) => record.user.id);
    const { typescript, python } = sdkQueries(ids);
    const tsPages = await walk(door(), typescript, { firstCursor: '' });
    const pyPages = await walk(door(), python);
    const users = (pages: typeof tsPages) =>
      pages.flatMap((page) => page.body.result.map((r) => (r as unknown as { user: { id: string } }).user.id));
    expect(users(tsPages)).toEqual(ids);
    expect(users(pyPages)).toEqual(ids);
    expect(tsPages).toHaveLength(3);
    // The cursors are interchangeable: they are bound to the users, not to how they were spelled.
    expect(tsPages[1]?.text).toBe(pyPages[1]?.text);
  });

  it('users passed back as the user objects a page returned filter by their ids alone', async () => {
    const all = await getChecked(door(), unifiedUrl(october()));
    const [a, b] = all.body.result as Array<{ user: { id: string; emails: Array<{ email: string }> } }>;
    const byId = await getChecked(
      door(),
      unifiedUrl([...base, ['users[][id]', a!.user.id], ['users[][id]', b!.user.id]]),
    );
    const objects = await getChecked(door(), unifiedUrl(passedBack([a!, b!])));
    expect(objects.status).toBe(200);
    expect(objects.text).toBe(byId.text);
    expect(byId.body.result.map((r: { user: { id: string } }) => r.user.id)).toEqual([a!.user.id, b!.user.id]);
  });

  it('the request needs nothing but the base URL changed: a bearer token and the seed parameters', async () => {
    const res = await door().send({
      path: unifiedUrl(october()),
      headers: { ...AUTH, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

/** Users passed back as the user objects a page returned, in the TypeScript SDK's spelling. */
function passedBack(users: Array<{ user: { id: string; emails: Array<{ email: string }> } }>): [string, string][] {
  return [
    ...base,
    ...users.flatMap(({ user }, i): [string, string][] => [
      [`users[${i}][id]`, user.id],
      [`users[${i}][name]`, 'Passed Back'],
      [`users[${i}][emails][0][email]`, user.emails[0]!.email],
      [`users[${i}][emails][0][is_primary]`, 'true'],
    ]),
  ];
}

const INVALID_LIMITS: Array<[string, Record<string, string>]> = [
  ['truto_ignore_limit=true', { truto_ignore_limit: 'true', limit: '0' }],
  ['truto_ignore_limit=true', { truto_ignore_limit: 'true', limit: '500' }],
  ['a stream', { truto_response_format: 'stream', limit: 'lots' }],
  ['a stream', { truto_response_format: 'stream', limit: '500' }],
];

describeDoors("an ignored limit is still checked, as the spec's 1..100 says", { now: NOW }, (door) => {
  it.each(INVALID_LIMITS)('%s with an invalid limit is a 400', async (_name, extra) => {
    const res = await getChecked(door(), unifiedUrl(october(extra)));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/limit: must be a whole number from 1 to 100/);
  });

  it('a valid limit is then ignored', async () => {
    const res = await getChecked(door(), unifiedUrl(october({ truto_ignore_limit: 'true', limit: '5' })));
    expect(res.body.result).toHaveLength(100);
  });
});

describe('every door answers each pagination request what the engine answers, byte for byte', () => {
  /** Each door's answers to `requests`, made in order against one fresh mock. */
  async function answers(requests: (door: Door) => Promise<DoorResponse[]>): Promise<Record<string, DoorResponse[]>> {
    const out: Record<string, DoorResponse[]> = {};
    for (const name of Object.keys(DOORS)) out[name] = await withDoor(name, { now: NOW }, requests);
    return out;
  }
  const send = (door: Door, path: string) => door.send({ path, headers: AUTH });
  /** Every page of a walk, as answered. */
  const walked = async (door: Door, pairs: [string, string][], firstCursor?: string) => {
    const pages = await walk(door, pairs, firstCursor === undefined ? {} : { firstCursor });
    return Promise.all(pages.map((page) => send(door, page.url)));
  };
  const firstUsers = async (door: Door) =>
    (JSON.parse((await send(door, unifiedUrl(october()))).text) as Json).result as Array<{
      user: { id: string; emails: Array<{ email: string }> };
    }>;

  const cases: Array<{ name: string; requests: (door: Door) => Promise<DoorResponse[]> }> = [
    { name: 'a full walk', requests: (door) => walked(door, base) },
    { name: 'a walk with limit=37', requests: (door) => walked(door, [...base, ['limit', '37']]) },
    {
      name: 'truto_ignore_limit=true',
      requests: async (door) => [
        await send(door, unifiedUrl([...base, ['limit', '5'], ['truto_ignore_limit', 'true']])),
      ],
    },
    {
      name: 'a cursor from another secret, for another query, and with another format',
      requests: async (door) => {
        const first = await send(door, unifiedUrl([...base, ['limit', '10']]));
        const cursor: string = (JSON.parse(first.text) as Json).next_cursor;
        const other = await withDoor('engine', { now: NOW, secret: 'another secret' }, (signer) =>
          send(signer, unifiedUrl([...base, ['limit', '10']])),
        );
        const foreign: string = (JSON.parse(other.text) as Json).next_cursor;
        return [
          first,
          await send(door, unifiedUrl([...base, ['limit', '10'], ['next_cursor', foreign]])),
          await send(door, unifiedUrl([...base, ['limit', '11'], ['next_cursor', cursor]])),
          await send(
            door,
            unifiedUrl([...base, ['limit', '10'], ['next_cursor', cursor], ['truto_response_format', 'raw']]),
          ),
        ];
      },
    },
    { name: 'a query without stats', requests: async (door) => [await send(door, unifiedUrl(EMPTY_WINDOW))] },
    {
      name: 'the SDK encodings',
      requests: async (door) => {
        const ids = (await firstUsers(door)).slice(0, 5).map((record) => record.user.id);
        const { typescript, python } = sdkQueries(ids);
        return [...(await walked(door, typescript, '')), ...(await walked(door, python))];
      },
    },
    {
      name: 'users passed back as user objects',
      requests: async (door) => [await send(door, unifiedUrl(passedBack((await firstUsers(door)).slice(0, 2))))],
    },
    ...INVALID_LIMITS.map(([name, extra]) => ({
      name: `${name} with limit=${extra.limit}`,
      requests: async (door: Door) => [await send(door, unifiedUrl(october(extra)))],
    })),
  ];

  it.each(cases)('$name', async ({ requests }) => {
    const all = await answers(requests);
    for (const [name, answer] of Object.entries(all)) expect(answer, name).toEqual(all.engine);
  });
});
