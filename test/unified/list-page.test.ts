/**
 * One unified page as the engine makes it, query in, page out: `limit` slicing Gong's pages
 * (and their ends), the cursor bound to everything that decides a page's records, an empty
 * window against a Gong 404 further on, and whether a page may be reused.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { ScenarioName } from '../../src/scenarios.js';
import { listInteractions } from '../../src/unified/list-interactions.js';
import { fetchUnifiedPage, isErrorResult, isLooping, queryFingerprint } from '../../src/unified/list-page.js';
import { parseUnifiedQuery, type UnifiedQuery } from '../../src/unified/unified-query.js';

const NOW = '2026-11-24T00:00:00Z';
const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const NORDLICHT = '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17';
const OCTOBER = 'start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z';
const FOREIGN =
  'next_cursor: the cursor belongs to a different query; send the same integrated_account_id, start_time, end_time, users, limit and remote_query as the request that returned it';

const engine = createEngine({ now: NOW });

interface Body {
  result: Array<{ id: string }>;
  next_cursor: string | null;
  statusCode?: number;
  message?: string;
}

async function get(rawQuery: string, scenario?: ScenarioName): Promise<{ status: number; body: Body }> {
  const answer = await listInteractions(engine.context, engine.gong, { rawQuery, origin: 'http://o', scenario });
  if (answer.kind !== 'json') throw new Error('a stream');
  return { status: answer.status, body: answer.body as Body };
}

/** Page sizes and ids of a walk from the first page to the last. */
async function walk(query: string): Promise<{ sizes: number[]; ids: string[] }> {
  const sizes: number[] = [];
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const { body } = await get(`${query}${cursor === null ? '' : `&next_cursor=${encodeURIComponent(cursor)}`}`);
    sizes.push(body.result.length);
    ids.push(...body.result.map((record) => record.id));
    cursor = body.next_cursor;
  } while (cursor !== null && sizes.length < 50);
  return { sizes, ids };
}

function query(rawQuery: string): UnifiedQuery {
  const parsed = parseUnifiedQuery(rawQuery);
  if ('error' in parsed) throw new Error(parsed.error.body.message);
  return parsed.query;
}

describe('limit slices Gong pages', () => {
  it.each<[number, number[]]>([
    [30, [30, 30, 30, 10, 30, 30, 30, 10, 30, 11]],
    [50, [50, 50, 50, 50, 41]],
    [100, [100, 100, 41]],
    [41, [41, 41, 18, 41, 41, 18, 41]],
  ])('limit %i', async (limit, sizes) => {
    const got = await walk(`integrated_account_id=${ACME}&${OCTOBER}&limit=${limit}`);
    expect(got.sizes).toEqual(sizes);
    expect(new Set(got.ids).size).toBe(241);
  });

  it('a window of one Gong page smaller than limit is one page', async () => {
    const { body } = await get(`integrated_account_id=${NORDLICHT}&${OCTOBER}&limit=100`);
    expect(body.next_cursor).toBeNull();
    expect(body.result.length).toBeGreaterThan(0);
    expect(body.result.length).toBeLessThan(100);
  });
});

describe('the cursor is bound to the query', () => {
  const base = `integrated_account_id=${ACME}&${OCTOBER}&limit=30`;

  it.each<[string, string]>([
    ['another limit', `integrated_account_id=${ACME}&${OCTOBER}&limit=31`],
    ['users', `${base}&users[0][id]=1`],
    ['remote_query', `${base}&remote_query[a]=1`],
    [
      'another start',
      `integrated_account_id=${ACME}&start_time=2026-10-02T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=30`,
    ],
    [
      'another end',
      `integrated_account_id=${ACME}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-02T00:00:00Z&limit=30`,
    ],
    ['another account', `integrated_account_id=${NORDLICHT}&${OCTOBER}&limit=30`],
  ])('%s: a 400', async (_name, other) => {
    const first = await get(base);
    const cursor = encodeURIComponent(first.body.next_cursor as string);
    expect(await get(`${other}&next_cursor=${cursor}`)).toEqual({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: FOREIGN },
    });
  });

  it('but not to the format or the shaping', async () => {
    const first = await get(base);
    const cursor = encodeURIComponent(first.body.next_cursor as string);
    const second = await get(`${base}&truto_response_format=raw&truto_exclude_fields=userId&next_cursor=${cursor}`);
    expect(second.status).toBe(200);
    expect(second.body.result).toHaveLength(30);
  });

  it('each part of the query changes the fingerprint', () => {
    const print = (raw: string) => queryFingerprint(engine.context, query(raw));
    const prints = [
      print(base),
      print(`integrated_account_id=${NORDLICHT}&${OCTOBER}&limit=30`),
      print(`integrated_account_id=${ACME}&start_time=2026-10-02&end_time=2026-11-01&limit=30`),
      print(`integrated_account_id=${ACME}&start_time=2026-10-01&end_time=2026-11-02&limit=30`),
      print(`${base}&users[0][id]=1`),
      print(`integrated_account_id=${ACME}&${OCTOBER}&limit=31`),
      print(`${base}&remote_query[a]=1`),
    ];
    expect(new Set(prints).size).toBe(prints.length);
    expect(print(`${base}&truto_response_format=raw&truto_key_by=userId`)).toBe(prints[0]);
  });
});

describe('remote_query reaches Gong', () => {
  it('a list sent with indexes, as the TypeScript SDK sends one, filters as a list: only those users’ records', async () => {
    const [first, second] = engine.world.account(ACME)?.users() ?? [];
    const ids = [first?.id, second?.id] as string[];
    const listed = `remote_query[filter][userIds][0]=${ids[0]}&remote_query[filter][userIds][1]=${ids[1]}`;
    const page = await get(`integrated_account_id=${ACME}&${OCTOBER}&limit=100&${listed}`);
    const all = await get(`integrated_account_id=${ACME}&${OCTOBER}&limit=100`);
    const users = new Set(page.body.result.map((record) => (record as unknown as { user: { id: string } }).user.id));
    expect(page.status).toBe(200);
    expect([...users].sort()).toEqual([...ids].sort());
    expect(all.body.result.length).toBeGreaterThan(page.body.result.length);
  });
});

describe('Gong errors', () => {
  it('an empty window (Gong 404 on the first Gong page) is an empty page, even past the first unified page', async () => {
    const first = await get(`integrated_account_id=${ACME}&${OCTOBER}&limit=30`);
    const cursor = encodeURIComponent(first.body.next_cursor as string);
    expect(await get(`integrated_account_id=${ACME}&${OCTOBER}&limit=30&next_cursor=${cursor}`, 'empty')).toEqual({
      status: 200,
      body: { result: [], next_cursor: null },
    });
  });

  it('a Gong 404 on a later Gong page is a remote error', async () => {
    const first = await get(`integrated_account_id=${ACME}&${OCTOBER}&limit=100`);
    const cursor = encodeURIComponent(first.body.next_cursor as string);
    const later = await get(`integrated_account_id=${ACME}&${OCTOBER}&limit=100&next_cursor=${cursor}`, 'empty');
    expect(later.status).toBe(404);
    expect(later.body).toMatchObject({ statusCode: 404, error: 'Not Found', truto_is_remote_error: true });
    expect(later.body.message).toMatch(/^The remote API rejected the request: /);
  });
});

describe('Gong failures on the first Gong page', () => {
  it('a Gong 500 is a remote error, not an empty page', async () => {
    const got = await get(`integrated_account_id=${ACME}&${OCTOBER}&limit=5`, 'remote-error');
    expect(got.status).toBe(502);
    expect(got.body).toMatchObject({ statusCode: 502, truto_is_remote_error: true });
  });
});

describe('fetchUnifiedPage', () => {
  const account = engine.world.account(ACME);
  if (account === undefined) throw new Error('no default account');

  it('a page without a fault may be reused; one after a fault decision may not', async () => {
    const q = query(`integrated_account_id=${ACME}&${OCTOBER}&limit=5`);
    const plain = await fetchUnifiedPage(engine.context, engine.gong, account, q);
    if (isErrorResult(plain)) throw new Error(plain.body.message);
    expect(plain.repeatable).toBe(true);
    expect(plain.people.map((person) => person.userId)).toEqual(plain.records.map((record) => record.user?.id));
    expect(plain.records).toHaveLength(5);
    const empty = await fetchUnifiedPage(engine.context, engine.gong, account, q, { scenario: 'empty' });
    if (isErrorResult(empty)) throw new Error(empty.body.message);
    expect(empty).toMatchObject({ people: [], records: [], nextCursor: null, repeatable: false });
    expect(empty.gongCall.result.status).toBe(404);
  });

  it('a page of a fault decision that succeeded may not be reused; an empty account with no fault may', async () => {
    const q = query(`integrated_account_id=${ACME}&${OCTOBER}&limit=5`);
    const looping = await fetchUnifiedPage(engine.context, engine.gong, account, q, { scenario: 'looping' });
    if (isErrorResult(looping)) throw new Error(looping.body.message);
    expect(looping.records).toHaveLength(5);
    expect(looping.repeatable).toBe(false);
    const emptyId = 'e0e00000-0000-4000-8000-000000000000';
    const emptyAccount = engine.world.account(emptyId);
    if (emptyAccount === undefined) throw new Error('no empty account');
    const empty = await fetchUnifiedPage(
      engine.context,
      engine.gong,
      emptyAccount,
      query(`integrated_account_id=${emptyId}&${OCTOBER}`),
    );
    if (isErrorResult(empty)) throw new Error(empty.body.message);
    expect(empty).toMatchObject({ records: [], nextCursor: null, repeatable: true });
  });

  it('isErrorResult tells an error from a page', async () => {
    const q = query(`integrated_account_id=${ACME}&${OCTOBER}&limit=5&next_cursor=nope`);
    const error = await fetchUnifiedPage(engine.context, engine.gong, account, q);
    expect(isErrorResult(error)).toBe(true);
    expect(
      isErrorResult(
        await fetchUnifiedPage(engine.context, engine.gong, account, query(`integrated_account_id=${ACME}&${OCTOBER}`)),
      ),
    ).toBe(false);
  });
});

describe('isLooping', () => {
  it.each<[string | undefined, string | undefined, boolean]>([
    ['a', 'a', true],
    ['a', 'b', false],
    [undefined, undefined, false],
    [undefined, 'a', false],
    ['a', undefined, false],
  ])('next %s, given %s: %s', (next, given, want) => {
    expect(isLooping(next, given)).toBe(want);
  });
});
