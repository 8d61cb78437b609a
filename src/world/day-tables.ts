/**
 * A user's totals over a span of days, read from tables of their daily values (user-tables.ts),
 * so a window's sums cost two reads per table however long the window, and the two maxima
 * (longest monologue, longest story) one tight loop over the window's days; whether users had
 * calls, from tables of the whole account (calls-tables.ts). Short windows, and blocks not
 * asked about often enough to be tabled, are summed day by day: the same totals to the last
 * digit.
 */
import { emptyTotals, type StatTotals } from './daily-stats.js';
import { createCallsTables, type CallsTables } from './calls-tables.js';
import {
  accumulateUserDay,
  BLOCK_DAYS,
  callsOnUserDay,
  createUserTables,
  MAXIMA,
  SUMS,
  tableStart,
  type TotalsSubject,
} from './user-tables.js';

/** Windows this short are summed day by day: a table would cost more than it saves. */
const SHORT_WINDOW_DAYS = 4;

/**
 * The first day the user may have calls on within the window: their generated span, widened
 * to their pinned days. Numbers, not a `{ first, end }` object: asked for every user of every
 * window, an object each time was garbage the collector paid for under distinct pages.
 */
function spanFirst(user: TotalsSubject, fromDay: number): number {
  const { pinned } = user;
  return Math.max(fromDay, pinned === undefined ? user.firstDay : Math.min(user.firstDay, pinned.first));
}

/** The day after the last the user may have calls on within the window (see spanFirst). */
function spanEnd(user: TotalsSubject, toDay: number): number {
  const { pinned } = user;
  return Math.min(toDay, pinned === undefined ? user.endDay : Math.max(user.endDay, pinned.end));
}

/** A user's totals and calls over windows of days, from remembered tables; one per account. */
export interface DayTables {
  /** The user's totals over local days [fromDay, toDay), within the days they had calls. */
  totalsOver(user: TotalsSubject, fromDay: number, toDay: number): StatTotals;
  /** The user's number of calls over local days [fromDay, toDay). */
  callsOver(user: TotalsSubject, fromDay: number, toDay: number): number;
  /**
   * The indexes, in order, of the users (of those the tables were made with) with calls over
   * local days [fromDay, toDay): read from the account's calls tables once a window of their
   * blocks has been asked for twice, without looking at any user; summed user by user before.
   */
  usersWithCalls(fromDay: number, toDay: number): number[];
  /**
   * How many users' tables are kept (a slab counts every user it has room for): at most 1,024,
   * which bounds an account's memory for them (7 KB a table, 14 KB with pinned days).
   */
  tablesKept(): number;
}

/**
 * Sums users' days from remembered tables; one per account. With the account's `users` (in
 * their order, each at its `index`), whether users had calls is read from tables of the whole
 * account (calls-tables.ts), which the question of every user of a window reads in order.
 *
 * @example
 * const tables = createDayTables(() => account.users());
 * tables.totalsOver(user, 20_400, 20_431).calls; // the user's calls in those 31 days
 */
export function createDayTables(users?: () => readonly TotalsSubject[]): DayTables {
  const groupCalls = users === undefined ? undefined : createCallsTables(users, callsOnUserDay, BLOCK_DAYS);
  const { tableOf, tablesKept } = createUserTables(users);

  function totalsOver(user: TotalsSubject, fromDay: number, toDay: number): StatTotals {
    const totals = emptyTotals();
    const first = spanFirst(user, fromDay);
    const end = spanEnd(user, toDay);
    if (end - first < SHORT_WINDOW_DAYS) {
      for (let day = first; day < end; day++) accumulateUserDay(totals, user, day);
      return totals;
    }
    for (let day = first; day < end;) {
      const block = Math.floor(day / BLOCK_DAYS);
      const table = tableOf(user, block);
      const from = day - block * BLOCK_DAYS;
      const to = Math.min(end, (block + 1) * BLOCK_DAYS) - block * BLOCK_DAYS;
      if (table === undefined) {
        for (const stop = to + block * BLOCK_DAYS; day < stop; day++) accumulateUserDay(totals, user, day);
        continue;
      }
      const start = tableStart(user);
      const a = start + SUMS * from;
      const b = start + SUMS * to;
      totals.calls += (table[b] as number) - (table[a] as number);
      totals.interactivityWeighted += (table[b + 1] as number) - (table[a + 1] as number);
      totals.patienceWeighted += (table[b + 2] as number) - (table[a + 2] as number);
      totals.questionRateWeighted += (table[b + 3] as number) - (table[a + 3] as number);
      totals.talkRatioWeighted += (table[b + 4] as number) - (table[a + 4] as number);
      for (let at = start + MAXIMA + 2 * from, last = start + MAXIMA + 2 * to; at < last; at += 2) {
        if ((table[at] as number) > totals.longestMonologue) totals.longestMonologue = table[at] as number;
        if ((table[at + 1] as number) > totals.longestCustomerStory)
          totals.longestCustomerStory = table[at + 1] as number;
      }
      day = to + block * BLOCK_DAYS;
    }
    return totals;
  }

  /** The user's calls over the days, read from the account's calls tables `group` if given. */
  function userCallsOver(user: TotalsSubject, fromDay: number, toDay: number, group: CallsTables | undefined): number {
    const first = spanFirst(user, fromDay);
    const end = spanEnd(user, toDay);
    let calls = 0;
    if (end - first < SHORT_WINDOW_DAYS) {
      for (let day = first; day < end; day++) calls += callsOnUserDay(user, day);
      return calls;
    }
    for (let day = first; day < end;) {
      const block = Math.floor(day / BLOCK_DAYS);
      const stop = Math.min(end, (block + 1) * BLOCK_DAYS);
      const between = group?.callsBetween(user.index, block, day - block * BLOCK_DAYS, stop - block * BLOCK_DAYS);
      if (between !== undefined) {
        calls += between;
        day = stop;
        continue;
      }
      const table = tableOf(user, block);
      if (table === undefined) {
        for (; day < stop; day++) calls += callsOnUserDay(user, day);
        continue;
      }
      const start = tableStart(user);
      calls +=
        (table[start + SUMS * (stop - block * BLOCK_DAYS)] as number) -
        (table[start + SUMS * (day - block * BLOCK_DAYS)] as number);
      day = stop;
    }
    return calls;
  }

  function callsOver(user: TotalsSubject, fromDay: number, toDay: number): number {
    return userCallsOver(user, fromDay, toDay, groupCalls);
  }

  function usersWithCalls(fromDay: number, toDay: number): number[] {
    // Made without the users, the tables know of nobody (and have no calls tables).
    if (users === undefined || groupCalls === undefined) return [];
    const all = users();
    const calls = new Int32Array(all.length);
    let tabled = true;
    // Every block is asked (each counts the window), even after one answered false.
    for (let day = fromDay; day < toDay;) {
      const block = Math.floor(day / BLOCK_DAYS);
      const stop = Math.min(toDay, (block + 1) * BLOCK_DAYS);
      tabled = groupCalls.addCallsBetween(block, day - block * BLOCK_DAYS, stop - block * BLOCK_DAYS, calls) && tabled;
      day = stop;
    }
    // Not tabled yet: user by user, without counting the window a second time.
    if (!tabled)
      return all.filter((user) => userCallsOver(user, fromDay, toDay, undefined) > 0).map((user) => user.index);
    const indexes: number[] = [];
    for (let index = 0; index < calls.length; index++) if ((calls[index] as number) > 0) indexes.push(index);
    return indexes;
  }

  return { totalsOver, callsOver, usersWithCalls, tablesKept };
}
