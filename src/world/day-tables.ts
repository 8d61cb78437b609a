/**
 * A user's totals over a span of days, read from tables of their daily values. Each day's
 * stats are a pure function of (user, day), so they are worked out once, 256 days at a time,
 * into a flat Int32Array; a window's totals are then a tight loop of integer sums and maxima
 * over it, the same totals to the last digit as adding the days one by one. Each table also
 * keeps running sums of calls, so whether a user had calls in a window (which decides who is
 * on Gong's pages) costs two reads per table, however long the window.
 */
import { accumulateDay, callsOnDay, emptyTotals, type StatTotals } from './daily-stats.js';
import type { UserProfile } from './user-profile.js';

/** Days in one table. */
const BLOCK_DAYS = 256;
/** Numbers kept per day: calls, the two maxima, the four call-weighted sums. */
const FIELDS = 7;
/** Where the running sums of calls start: entry `CALLS_BEFORE + i` holds the calls of days 0..i-1. */
const CALLS_BEFORE = BLOCK_DAYS * FIELDS;
/** Tables kept per account before starting over: 8 KB each, so about 8 MB at most. */
const MAX_TABLES = 1024;
/** Windows this short are summed day by day: a table would cost more than it saves. */
const SHORT_WINDOW_DAYS = 4;

/** The user of a totals question: their key, habits and the days they had calls at all. */
export interface TotalsSubject {
  index: number;
  key: number;
  profile: UserProfile;
  firstDay: number;
  endDay: number;
}

function fillTable(user: TotalsSubject, block: number): Int32Array {
  const table = new Int32Array(CALLS_BEFORE + BLOCK_DAYS + 1);
  const day0 = block * BLOCK_DAYS;
  for (let i = 0; i < BLOCK_DAYS; i++) {
    const day = emptyTotals();
    accumulateDay(day, user.profile, user.key, day0 + i);
    const at = i * FIELDS;
    table[at] = day.calls;
    table[at + 1] = day.longestMonologue;
    table[at + 2] = day.longestCustomerStory;
    table[at + 3] = day.interactivityWeighted;
    table[at + 4] = day.patienceWeighted;
    table[at + 5] = day.questionRateWeighted;
    table[at + 6] = day.talkRatioWeighted;
    table[CALLS_BEFORE + i + 1] = (table[CALLS_BEFORE + i] as number) + day.calls;
  }
  return table;
}

/** A user's totals and calls over windows of days, from remembered tables; one per account. */
export interface DayTables {
  /** The user's totals over local days [fromDay, toDay), within the days they had calls. */
  totalsOver(user: TotalsSubject, fromDay: number, toDay: number): StatTotals;
  /** The user's number of calls over local days [fromDay, toDay). */
  callsOver(user: TotalsSubject, fromDay: number, toDay: number): number;
}

/** Sums users' days from remembered tables; one per account. */
export function createDayTables(): DayTables {
  const tables = new Map<number, Int32Array>();

  function tableOf(user: TotalsSubject, block: number): Int32Array {
    const key = user.index * 1_000_000 + block;
    let table = tables.get(key);
    if (table === undefined) {
      table = fillTable(user, block);
      if (tables.size >= MAX_TABLES) tables.clear();
      tables.set(key, table);
    }
    return table;
  }

  function totalsOver(user: TotalsSubject, fromDay: number, toDay: number): StatTotals {
    const totals = emptyTotals();
    const first = Math.max(fromDay, user.firstDay);
    const end = Math.min(toDay, user.endDay);
    if (end - first < SHORT_WINDOW_DAYS) {
      for (let day = first; day < end; day++) accumulateDay(totals, user.profile, user.key, day);
      return totals;
    }
    for (let day = first; day < end;) {
      const block = Math.floor(day / BLOCK_DAYS);
      const table = tableOf(user, block);
      const stop = Math.min(end, (block + 1) * BLOCK_DAYS);
      for (
        let at = (day - block * BLOCK_DAYS) * FIELDS, last = (stop - block * BLOCK_DAYS) * FIELDS;
        at < last;
        at += FIELDS
      ) {
        const calls = table[at] as number;
        if (calls === 0) continue;
        totals.calls += calls;
        if ((table[at + 1] as number) > totals.longestMonologue) totals.longestMonologue = table[at + 1] as number;
        if ((table[at + 2] as number) > totals.longestCustomerStory)
          totals.longestCustomerStory = table[at + 2] as number;
        totals.interactivityWeighted += table[at + 3] as number;
        totals.patienceWeighted += table[at + 4] as number;
        totals.questionRateWeighted += table[at + 5] as number;
        totals.talkRatioWeighted += table[at + 6] as number;
      }
      day = stop;
    }
    return totals;
  }

  function callsOver(user: TotalsSubject, fromDay: number, toDay: number): number {
    const first = Math.max(fromDay, user.firstDay);
    const end = Math.min(toDay, user.endDay);
    let calls = 0;
    if (end - first < SHORT_WINDOW_DAYS) {
      for (let day = first; day < end; day++) calls += callsOnDay(user.profile, user.key, day);
      return calls;
    }
    for (let day = first; day < end;) {
      const block = Math.floor(day / BLOCK_DAYS);
      const table = tableOf(user, block);
      const stop = Math.min(end, (block + 1) * BLOCK_DAYS);
      calls +=
        (table[CALLS_BEFORE + stop - block * BLOCK_DAYS] as number) -
        (table[CALLS_BEFORE + day - block * BLOCK_DAYS] as number);
      day = stop;
    }
    return calls;
  }

  return { totalsOver, callsOver };
}
