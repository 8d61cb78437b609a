import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, AUTH, OCTOBER, getUnified, mockApp, october, unifiedUrl, walk } from '../helpers/mock.js';

const base: [string, string][] = Object.entries(october());

describe('pagination of the default account', () => {
  const app = mockApp();

  it('a full walk returns every record exactly once, in a stable order, over several pages', async () => {
    const pages = await walk(app, base);
    const ids = pages.flatMap((page) => page.body.result.map((record) => record.id));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    const again = await walk(mockApp(), base);
    expect(again.flatMap((page) => page.body.result.map((record) => record.id))).toEqual(ids);
    // The walk returns exactly the users Gong reports for the window.
    const gong = await request(app)
      .post(`/gong/${ACCOUNT}/v2/stats/interaction`)
      .auth('key', 'secret')
      .send({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });
    expect(ids.length).toBe(gong.body.records.totalRecords);
  });

  it('the cursor of page k asked again returns the same bytes, on any server with the same seed', async () => {
    const pages = await walk(app, base);
    for (const page of pages) {
      const again = await getUnified(mockApp(), page.url);
      expect(again.text).toBe(page.text);
    }
  });

  it('a smaller limit walks the same records in pages of at most that many', async () => {
    const small = await walk(app, [...base, ['limit', '37']]);
    const large = await walk(app, base);
    const ids = (pages: typeof small) => pages.flatMap((page) => page.body.result.map((record) => record.id));
    expect(ids(small)).toEqual(ids(large));
    // limit is a maximum: a page also ends where a Gong page ends, so one Gong call serves it.
    const sizes = small.map((page) => page.body.result.length);
    expect(Math.max(...sizes)).toBe(37);
    expect(sizes.every((size) => size > 0 && size <= 37)).toBe(true);
  });

  it('truto_ignore_limit=true ignores limit and pages with the source page size', async () => {
    const res = await getUnified(app, unifiedUrl([...base, ['limit', '5'], ['truto_ignore_limit', 'true']]));
    expect(res.body.result).toHaveLength(100);
  });

  it('a cursor is refused by a server with another secret, and bound to its query', async () => {
    const first = await getUnified(app, unifiedUrl([...base, ['limit', '10']]));
    const cursor: string = first.body.next_cursor;
    const other = await getUnified(
      mockApp({ secret: 'another secret' }),
      unifiedUrl([...base, ['limit', '10'], ['next_cursor', cursor]]),
    );
    expect(other.status).toBe(400);
    expect(other.body.message).toMatch(/next_cursor: .*signature/);
    const otherQuery = await getUnified(app, unifiedUrl([...base, ['limit', '11'], ['next_cursor', cursor]]));
    expect(otherQuery.status).toBe(400);
    expect(otherQuery.body.message).toMatch(/different query/);
    // Switching the format between pages is fine: the records are the same.
    const raw = await getUnified(
      app,
      unifiedUrl([...base, ['limit', '10'], ['next_cursor', cursor], ['truto_response_format', 'raw']]),
    );
    expect(raw.status).toBe(200);
  });

  it('a query without stats is an empty page with a null cursor (Gong answers it with 404)', async () => {
    // No user has the id 1, so Gong finds no stats for the window.
    const res = await getUnified(
      app,
      unifiedUrl({
        integrated_account_id: ACCOUNT,
        start_time: '2026-10-04T00:00:00-07:00',
        end_time: '2026-10-04T01:00:00-07:00',
        'users[][id]': '1',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ result: [], next_cursor: null });
  });
});

describe('SDK encodings', () => {
  const app = mockApp();

  it('the TypeScript SDK (qs indices, next_cursor= first) and the Python SDK (users[][id]) page through the same records', async () => {
    const all = await getUnified(app, unifiedUrl(october()));
    const ids: string[] = all.body.result.slice(0, 5).map((record: { user: { id: string } }) => record.user.id);
    const typescript: [string, string][] = [
      ['integrated_account_id', ACCOUNT],
      ...Object.entries(OCTOBER),
      ...ids.map((id, i): [string, string] => [`users[${i}][id]`, id]),
      ['limit', '2'],
    ];
    const python: [string, string][] = [
      ['integrated_account_id', ACCOUNT],
      ...Object.entries(OCTOBER),
      ...ids.map((id): [string, string] => ['users[][id]', id]),
      ['limit', '2'],
    ];
    const tsPages = await walk(app, typescript, { firstCursor: '' });
    const pyPages = await walk(app, python);
    const users = (pages: typeof tsPages) =>
      pages.flatMap((page) => page.body.result.map((r) => (r as unknown as { user: { id: string } }).user.id));
    expect(users(tsPages)).toEqual(ids);
    expect(users(pyPages)).toEqual(ids);
    expect(tsPages).toHaveLength(3);
    // The cursors are interchangeable: they are bound to the users, not to how they were spelled.
    expect(tsPages[1]?.text).toBe(pyPages[1]?.text);
  });

  it('users passed back as the user objects a page returned filter by their ids alone', async () => {
    const all = await getUnified(app, unifiedUrl(october()));
    const [a, b] = all.body.result as Array<{ user: { id: string; emails: Array<{ email: string }> } }>;
    const byId = await getUnified(app, unifiedUrl([...base, ['users[][id]', a!.user.id], ['users[][id]', b!.user.id]]));
    const objects = await getUnified(
      app,
      unifiedUrl([
        ...base,
        ...[a!, b!].flatMap(({ user }, i): [string, string][] => [
          [`users[${i}][id]`, user.id],
          [`users[${i}][name]`, 'Passed Back'],
          [`users[${i}][emails][0][email]`, user.emails[0]!.email],
          [`users[${i}][emails][0][is_primary]`, 'true'],
        ]),
      ]),
    );
    expect(objects.status).toBe(200);
    expect(objects.text).toBe(byId.text);
    expect(byId.body.result.map((r: { user: { id: string } }) => r.user.id)).toEqual([a!.user.id, b!.user.id]);
  });

  it('the request needs nothing but the base URL changed: a bearer token and the seed parameters', async () => {
    const res = await request(app).get(unifiedUrl(october())).set(AUTH).set('Content-Type', 'application/json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe("an ignored limit is still checked, as the spec's 1..100 says", () => {
  const app = mockApp();
  it.each([
    ['truto_ignore_limit=true', { truto_ignore_limit: 'true', limit: '0' }],
    ['truto_ignore_limit=true', { truto_ignore_limit: 'true', limit: '500' }],
    ['a stream', { truto_response_format: 'stream', limit: 'lots' }],
    ['a stream', { truto_response_format: 'stream', limit: '500' }],
  ])('%s with an invalid limit is a 400', async (_name, extra) => {
    const res = await getUnified(app, unifiedUrl(october(extra)));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/limit: must be a whole number from 1 to 100/);
  });

  it('a valid limit is then ignored', async () => {
    const res = await getUnified(app, unifiedUrl(october({ truto_ignore_limit: 'true', limit: '5' })));
    expect(res.body.result).toHaveLength(100);
  });
});
