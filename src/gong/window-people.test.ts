import { describe, expect, it, vi, type MockInstance } from 'vitest';
import type { MockContext } from '../mock-context.js';
import { createEngine } from '../engine/create-engine.js';
import type { WorldAccount } from '../world/world.js';
import { listInteractionStats } from './list-interaction-stats.js';
import { createWindowCache, type WindowCache } from './window-cache.js';

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
