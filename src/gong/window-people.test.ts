import { describe, expect, it, vi } from 'vitest';
import { resolveOptions } from '../server/options.js';
import { listInteractionStats } from './list-interaction-stats.js';

const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

describe("a stats window's people", () => {
  it('are worked out once, on the first page: later pages of the walk reuse them', () => {
    const { context } = resolveOptions({ now: '2026-11-24T00:00:00Z' });
    const account = context.world.account(ACME)!;
    const totals = vi.spyOn(account, 'totals');
    const filter = { fromDate: '2019-01-01', toDate: '2026-11-20' };
    const perPage: number[] = [];
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      totals.mockClear();
      const result = listInteractionStats(context, account, cursor === undefined ? { filter } : { cursor, filter });
      if (!result.ok) throw new Error(`Gong answered ${result.status}`);
      perPage.push(totals.mock.calls.length);
      ids.push(...result.body.peopleInteractionStats.map((person) => person.userId));
      cursor = result.body.records.cursor;
    } while (cursor !== undefined);
    expect(perPage).toEqual([account.users().length, 0, 0]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are kept per filter: another window is worked out afresh', () => {
    const { context } = resolveOptions({ now: '2026-11-24T00:00:00Z' });
    const account = context.world.account(ACME)!;
    listInteractionStats(context, account, { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });
    const totals = vi.spyOn(account, 'totals');
    listInteractionStats(context, account, { filter: { fromDate: '2026-09-01', toDate: '2026-10-01' } });
    expect(totals.mock.calls.length).toBe(account.users().length);
  });
});
