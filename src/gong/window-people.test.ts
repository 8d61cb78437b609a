import { describe, expect, it, vi, type MockInstance } from 'vitest';
import type { MockContext } from '../mock-context.js';
import { createEngine } from '../engine/create-engine.js';
import type { WorldAccount } from '../world/world.js';
import { listInteractionStats } from './list-interaction-stats.js';
import { parseStatsRequest } from './parse-stats-request.js';
import { createWindowCache, NO_WINDOW_CACHE, type WindowCache } from './window-cache.js';
import {
  personAt,
  WINDOW_ENTRY_OVERHEAD,
  weighWindowPeople,
  windowPeople,
  windowPeopleWithTotals,
  type WindowPeople,
} from './window-people.js';

const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

/** Walks every Gong page of the window; per page, how many users' totals were worked out. */
function walk(
  context: MockContext,
  windows: WindowCache,
  account: WorldAccount,
  totals: MockInstance,
  filter: object,
): number[] {
  const perPage: number[] = [];
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    totals.mockClear();
    const result = listInteractionStats(
      context,
      account,
      cursor === undefined ? { filter } : { cursor, filter },
      windows,
    );
    if (!result.ok) throw new Error(`Gong answered ${result.status}`);
    perPage.push(totals.mock.calls.length);
    ids.push(...result.body.peopleInteractionStats.map((person) => person.userId));
    cursor = result.body.records.cursor;
  } while (cursor !== undefined);
  expect(new Set(ids).size).toBe(ids.length);
  return perPage;
}

describe("a stats window's people", () => {
  it("get their totals worked out for a page's people, and everyone's once a walk keeps the window", () => {
    const { context } = createEngine({ now: '2026-11-24T00:00:00Z' });
    const windows = createWindowCache();
    const account = context.world.account(ACME)!;
    const totals = vi.spyOn(account, 'totals');
    const filter = { fromDate: '2019-01-01', toDate: '2026-11-20' };
    // 260 users, Gong pages of 100: the first page works out its own people only; the second
    // offer of the window keeps it and works out everyone (260); later pages cost nothing.
    expect(walk(context, windows, account, totals, filter)).toEqual([100, 260, 0]);
    expect(walk(context, windows, account, totals, filter)).toEqual([0, 0, 0]);
  });

  it('are kept per filter: another window is worked out afresh', () => {
    const { context } = createEngine({ now: '2026-11-24T00:00:00Z' });
    const windows = createWindowCache();
    const account = context.world.account(ACME)!;
    const october = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };
    const totals = vi.spyOn(account, 'totals');
    listInteractionStats(context, account, october, windows);
    expect(totals.mock.calls.length).toBe(100);
    listInteractionStats(context, account, october, windows);
    expect(totals.mock.calls.length).toBe(100 + account.users().length);
    totals.mockClear();
    listInteractionStats(context, account, october, windows);
    expect(totals.mock.calls.length).toBe(0);
    listInteractionStats(context, account, { filter: { fromDate: '2026-09-01', toDate: '2026-10-01' } }, windows);
    expect(totals.mock.calls.length).toBe(100);
  });
});

describe('window caches', () => {
  const october = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };

  it('NO_WINDOW_CACHE keeps nothing: every request works out its own page’s people only', () => {
    const { context } = createEngine({ now: '2026-11-24T00:00:00Z' });
    const account = context.world.account(ACME)!;
    const totals = vi.spyOn(account, 'totals');
    for (let i = 0; i < 3; i++) {
      listInteractionStats(context, account, october, NO_WINDOW_CACHE);
      expect(totals.mock.calls.length).toBe(100 * (i + 1));
    }
    expect(NO_WINDOW_CACHE.get('anything')).toBeUndefined();
    expect([NO_WINDOW_CACHE.size, NO_WINDOW_CACHE.weight]).toEqual([0, 0]);
    const offered = NO_WINDOW_CACHE.offer('k', (kept) => ({ count: kept ? 1 : 0 }) as unknown as WindowPeople);
    expect(offered.count).toBe(0);
  });

  it('a default cache keeps a window from its second offer on, weighed with its key', () => {
    const { context } = createEngine({ now: '2026-11-24T00:00:00Z' });
    const account = context.world.account(ACME)!;
    const windows = createWindowCache();
    listInteractionStats(context, account, october, windows);
    expect([windows.size, windows.weight]).toEqual([0, 0]);
    listInteractionStats(context, account, october, windows);
    listInteractionStats(context, account, { filter: { fromDate: '2026-09-01', toDate: '2026-10-01' } }, windows);
    listInteractionStats(context, account, { filter: { fromDate: '2026-09-01', toDate: '2026-10-01' } }, windows);
    expect(windows.size).toBe(2);
    const parsed = parseStatsRequest(account, october, Date.parse('2026-11-24T00:00:00Z'));
    if (!('request' in parsed)) throw new Error('the request was refused');
    const key = `${account.id}|${parsed.request.filterKey}`;
    const kept = windows.get(key);
    expect(kept).toEqual(windowPeopleWithTotals(account, parsed.request));
    expect(kept?.count).toBeGreaterThan(0);
  });

  it('keeps at most maxEntries windows, maxBytes bytes, and recognises a second offer among recentWindows', () => {
    const people = (count: number): WindowPeople => ({
      account: {} as WorldAccount,
      fromDay: 0,
      toDay: 1,
      count,
      packed: new Float64Array(count * 8),
    });
    const offerTwice = (windows: WindowCache, key: string, count = 1) => {
      windows.offer(key, () => people(count));
      windows.offer(key, () => people(count));
    };
    const one = createWindowCache({ maxEntries: 1 });
    offerTwice(one, 'a');
    offerTwice(one, 'b');
    expect([one.size, one.get('a'), one.get('b')?.count]).toEqual([1, undefined, 1]);
    expect(one.weight).toBe(WINDOW_ENTRY_OVERHEAD + 1 + 64);
    expect(weighWindowPeople(people(3), 'key')).toBe(WINDOW_ENTRY_OVERHEAD + 3 + 3 * 64);

    const small = createWindowCache({ maxBytes: WINDOW_ENTRY_OVERHEAD + 1 + 64 });
    offerTwice(small, 'a');
    offerTwice(small, 'b', 2);
    expect([small.size, small.get('a')?.count, small.get('b')]).toEqual([1, 1, undefined]);

    const forgetful = createWindowCache({ recentWindows: 1 });
    forgetful.offer('a', () => people(1));
    forgetful.offer('b', () => people(1));
    forgetful.offer('a', () => people(1));
    expect(forgetful.size).toBe(0);
    const defaults = createWindowCache();
    for (const key of ['a', 'b', 'c']) defaults.offer(key, () => people(1));
    for (const key of ['a', 'b', 'c']) defaults.offer(key, () => people(1));
    expect(defaults.size).toBe(3);
  });
});

describe("a window's people with a userIds filter", () => {
  it('lists only the asked users with calls, the same whether totals come first or later', () => {
    const { context } = createEngine({ now: '2026-11-24T00:00:00Z' });
    const account = context.world.account(ACME)!;
    const users = account.users();
    const asked = [users[3]!.id, users[7]!.id, users[250]!.id];
    const parsed = parseStatsRequest(
      account,
      { filter: { fromDate: '2026-10-01', toDate: '2026-11-01', userIds: asked } },
      Date.parse('2026-11-24T00:00:00Z'),
    );
    if (!('request' in parsed)) throw new Error('the request was refused');
    const lazy = windowPeople(account, parsed.request);
    const eager = windowPeopleWithTotals(account, parsed.request);
    const withCalls = [3, 7, 250].filter((i) => account.hasCalls(users[i]!, parsed.request.fromDay, parsed.request.toDay));
    expect(withCalls.length).toBeGreaterThan(0);
    expect(lazy.count).toBe(withCalls.length);
    expect(eager.count).toBe(withCalls.length);
    expect(eager.packed.length).toBe(withCalls.length * 8);
    for (let i = 0; i < lazy.count; i++) {
      const fromLazy = personAt(lazy, i);
      expect(fromLazy.user.index).toBe(withCalls[i]);
      expect(fromLazy).toEqual(personAt(eager, i));
      expect(fromLazy.totals).toEqual(account.totals(fromLazy.user, parsed.request.fromDay, parsed.request.toDay));
    }
  });

  it('a listed user without calls in the window is a bug, said so', () => {
    const { context } = createEngine({ now: '2026-11-24T00:00:00Z' });
    const account = context.world.account(ACME)!;
    const user = account.users()[0]!;
    const packed = new Float64Array(8);
    const people: WindowPeople = { account, fromDay: 0, toDay: 1, count: 1, packed };
    expect(() => personAt(people, 0)).toThrow(`user ${user.id} is listed in a window without calls in it`);
  });
});
