/**
 * Unified query -> Gong request body, query in, body out: the window as the company's local
 * dates (end exclusive, a mid-day end taking its day), users, the Gong cursor first, and
 * remote_query merged in key by key; and the windows Gong's dates cannot express.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { gongStatsBody, windowOutOfRange, withPaging } from '../../src/unified/gong-request.js';
import { parseUnifiedQuery, type UnifiedQuery } from '../../src/unified/unified-query.js';
import type { WorldAccount } from '../../src/world/world.js';

const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d'; // America/Los_Angeles
const SAFFRON = '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35'; // Asia/Kolkata
const world = createEngine({ now: '2026-11-24T00:00:00Z' }).world;

function account(id: string): WorldAccount {
  const found = world.account(id);
  if (found === undefined) throw new Error(`no account ${id}`);
  return found;
}

function query(extra: string): UnifiedQuery {
  const parsed = parseUnifiedQuery(`integrated_account_id=${ACME}&${extra}`);
  if ('error' in parsed) throw new Error(parsed.error.body.message);
  return parsed.query;
}

describe('gongStatsBody', () => {
  it.each<[string, string, string, string]>([
    [
      'local midnights',
      'start_time=2026-10-01T00:00:00-07:00&end_time=2026-11-01T00:00:00-07:00',
      '2026-10-01',
      '2026-11-01',
    ],
    [
      'a mid-day end takes its day',
      'start_time=2026-10-01T00:00:00-07:00&end_time=2026-11-01T12:00:00-07:00',
      '2026-10-01',
      '2026-11-02',
    ],
    [
      'UTC midnights are the evening before',
      'start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z',
      '2026-09-30',
      '2026-11-01',
    ],
    [
      'a second past local midnight',
      'start_time=2026-10-01T06:59:59Z&end_time=2026-11-01T07:00:01Z',
      '2026-09-30',
      '2026-11-02',
    ],
  ])('%s', (_name, window, fromDate, toDate) => {
    expect(gongStatsBody(account(ACME), query(window), undefined)).toStrictEqual({ filter: { fromDate, toDate } });
  });

  it('users, the cursor first, and remote_query merged key by key', () => {
    const body = gongStatsBody(
      account(ACME),
      query(
        'start_time=2026-10-01&end_time=2026-11-01&users[0][id]=1&users[1][id]=2' +
          '&remote_query[filter][x]=1&remote_query[toString]=a',
      ),
      'cur',
    );
    expect(JSON.stringify(body)).toBe(
      '{"cursor":"cur","filter":{"fromDate":"2026-09-30","toDate":"2026-11-01","userIds":["1","2"],"x":"1"},"toString":"a"}',
    );
  });

  it('remote_query replaces what is not an object on both sides', () => {
    const body = gongStatsBody(
      account(ACME),
      query(
        'start_time=2026-10-01&end_time=2026-11-01&users[0][id]=1&remote_query[filter][userIds][0]=9&remote_query[filter][fromDate]=2026-09-01',
      ),
      undefined,
    );
    // The TypeScript SDK's `[0]` is a list's index: Gong gets a list, the users' replaced.
    expect(body).toEqual({ filter: { fromDate: '2026-09-01', toDate: '2026-11-01', userIds: ['9'] } });
  });
});

describe('withPaging', () => {
  const plain = query('start_time=2026-10-01&end_time=2026-11-01');

  it.each<[string, Record<string, unknown>, UnifiedQuery, string | undefined, string]>([
    [
      'the cursor first, over a mapped one',
      { filter: { a: 1 }, cursor: 'old' },
      plain,
      'new',
      '{"cursor":"new","filter":{"a":1}}',
    ],
    [
      'no cursor: the mapped body as it is',
      { filter: { a: 1 }, cursor: 'old' },
      plain,
      undefined,
      '{"filter":{"a":1},"cursor":"old"}',
    ],
    [
      'remote_query last, over the cursor too',
      { filter: { a: 1 } },
      query('start_time=2026-10-01&end_time=2026-11-01&remote_query[filter]=x&remote_query[cursor]=c2'),
      'new',
      '{"cursor":"c2","filter":"x"}',
    ],
  ])('%s', (_name, mapped, q, cursor, want) => {
    expect(JSON.stringify(withPaging(mapped, q, cursor))).toBe(want);
  });

  it('leaves the mapped body and the query untouched', () => {
    const mapped = { filter: { a: 1 } };
    const q = query('start_time=2026-10-01&end_time=2026-11-01&remote_query[filter][b]=2');
    expect(withPaging(mapped, q, 'c')).toEqual({ cursor: 'c', filter: { a: 1, b: '2' } });
    expect(mapped).toEqual({ filter: { a: 1 } });
    expect(JSON.stringify(q.remoteQuery)).toBe('{"filter":{"b":"2"}}');
  });
});

describe('windowOutOfRange', () => {
  it.each<[string, string, string, string | undefined]>([
    ['an ordinary window', ACME, 'start_time=2026-10-01&end_time=2026-11-01', undefined],
    [
      'the first instant, west of UTC',
      ACME,
      'start_time=0000-01-01T00:00:00Z&end_time=2026-11-01',
      "start_time: 0000-01-01T00:00:00Z falls on -000001-12-31 in America/Los_Angeles; Gong's fromDate cannot be before 0000-01-01",
    ],
    ['the first instant, east of UTC', SAFFRON, 'start_time=0000-01-01T00:00:00Z&end_time=2026-11-01', undefined],
    [
      'a late end, east of UTC: the day after',
      SAFFRON,
      'start_time=2026-10-01&end_time=9999-12-31T23:00:00Z',
      "end_time: 9999-12-31T23:00:00Z needs toDate +010000-01-02 in Asia/Kolkata; Gong's toDate cannot be after 9999-12-31",
    ],
    [
      'a late end, west of UTC: mid-day takes the next day',
      ACME,
      'start_time=2026-10-01&end_time=9999-12-31T23:00:00Z',
      "end_time: 9999-12-31T23:00:00Z needs toDate +010000-01-01 in America/Los_Angeles; Gong's toDate cannot be after 9999-12-31",
    ],
    ['the last local midnight that fits', SAFFRON, 'start_time=2026-10-01&end_time=9999-12-30T18:30:00Z', undefined],
    [
      'the local midnight after it',
      SAFFRON,
      'start_time=2026-10-01&end_time=9999-12-31T18:30:00Z',
      "end_time: 9999-12-31T18:30:00Z needs toDate +010000-01-01 in Asia/Kolkata; Gong's toDate cannot be after 9999-12-31",
    ],
  ])('%s', (_name, id, window, want) => {
    expect(windowOutOfRange(account(id), query(window))).toBe(want);
  });
});
