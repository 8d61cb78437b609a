/**
 * A user's totals over a span of days, read from tables of their daily values. Each day's
 * stats are a pure function of (user, day), so they are worked out once, 256 days at a time,
 * into a flat typed array. A table keeps running sums of the summed stats (calls and the four
 * call-weighted sums), so a window's sums cost two reads per table however long the window,
 * and the two maxima (longest monologue, longest story) one tight loop over the window's
 * days. The totals are the same to the last digit as adding the days one by one: every entry
 * is a whole number (a pinned day's longest may not be, but maxima are copied, never summed).
 * A generated day has at most 8 calls and 2,500 hundredths a metric, so a block's largest
 * sum, 256 x 8 x 2,500, fits an Int32Array, half the memory and faster to read (a distinct
 * page reads hundreds of tables); a user with pinned days gets a Float64Array, whose largest
 * sum, 256 days x 1,000 calls x 100,000,000 hundredths, is far below 2^53, where Float64 stops
 * counting exactly.
 */
import { accumulateDay, accumulateValues, callsOnDay, emptyTotals, type StatTotals } from './daily-stats.js';
import type { UserProfile } from './user-profile.js';
import { createCallsTables, type CallsTables } from './calls-tables.js';
import type { PinnedSpan } from './users.js';

/** Days in one table. */
const BLOCK_DAYS = 256;
/** Running sums kept per day boundary: calls and the four call-weighted sums. */
const SUMS = 5;
/** Where the two daily maxima start: entry `MAXIMA + 2 * i (+ 1)` holds day i's monologue (story). */
const MAXIMA = (BLOCK_DAYS + 1) * SUMS;
/** Tables kept per account before starting over: 7 KB each (14 KB with pinned days), so 7 to 14 MB at most. */
const MAX_TABLES = 1024;
/** Windows this short are summed day by day: a table would cost more than it saves. */
const SHORT_WINDOW_DAYS = 4;
/**
 * A block is summed day by day the first times it is asked about, and tabled after: a table
 * costs 256 days to fill, a month summed costs 31, and a test file's first answer (one window:
 * who had calls, then their totals) should not pay 260 users' tables it may never use again.
 */
const TOUCHES_BEFORE_TABLE = 2;

/** The user of a totals question: their key, habits and the days they had calls at all. */
export interface TotalsSubject {
  index: number;
  key: number;
  profile: UserProfile;
  firstDay: number;
  endDay: number;
  /** Days a world file pins: looked up first, whatever the generator would say. */
  pinned?: PinnedSpan;
}

/** Adds the user's day: a pinned day as stated, else the generator's within [firstDay, endDay). */
function accumulateUserDay(totals: StatTotals, user: TotalsSubject, day: number): void {
  const { pinned } = user;
  if (pinned !== undefined) {
    const values = pinned.days.get(day);
    if (values !== undefined) return accumulateValues(totals, values);
    if (day < user.firstDay || day >= user.endDay) return;
  }
  accumulateDay(totals, user.profile, user.key, day);
}

function callsOnUserDay(user: TotalsSubject, day: number): number {
  const { pinned } = user;
  if (pinned !== undefined) {
    const values = pinned.days.get(day);
    if (values !== undefined) return values.calls;
    if (day < user.firstDay || day >= user.endDay) return 0;
  }
  return callsOnDay(user.profile, user.key, day);
}

/**
 * The user's calls on the day, 0 outside the days they work (a pinned day counts wherever it
 * is): the calls tables hold these, so that a window's sums need no user's span to clip them.
 */
function callsInSpan(user: TotalsSubject, day: number): number {
  if (user.pinned !== undefined) return callsOnUserDay(user, day);
  return day < user.firstDay || day >= user.endDay ? 0 : callsOnDay(user.profile, user.key, day);
}

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

/** A block's table: whole numbers, in an Int32Array where they surely fit (see above). */
type Table = Int32Array | Float64Array;
const TABLE_LENGTH = MAXIMA + 2 * BLOCK_DAYS;

/**
 * Fills the user's table of the block, from entry `start` of `table`: entries `SUMS * i + k`
 * hold the sums of days 0..i-1 of the block (k: calls, interactivity, patience, question rate,
 * talk ratio, each weighted by calls); then the daily maxima.
 */
function fillTable(user: TotalsSubject, block: number, table: Table, start: number): void {
  const day0 = block * BLOCK_DAYS;
  const day = emptyTotals();
  for (let i = 0; i < BLOCK_DAYS; i++) {
    const before = day.calls;
    accumulateUserDay(day, user, day0 + i);
    const at = start + SUMS * (i + 1);
    table[at] = day.calls;
    table[at + 1] = day.interactivityWeighted;
    table[at + 2] = day.patienceWeighted;
    table[at + 3] = day.questionRateWeighted;
    table[at + 4] = day.talkRatioWeighted;
    if (day.calls !== before) {
      table[start + MAXIMA + 2 * i] = day.longestMonologue;
      table[start + MAXIMA + 2 * i + 1] = day.longestCustomerStory;
    }
    // The maxima are per day, not running: start the next day afresh.
    day.longestMonologue = 0;
    day.longestCustomerStory = 0;
  }
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
}

/** Users whose tables share a slab: 64 tables back to back, 460 KB. */
const SLAB_USERS = 64;
/** A user's state in their slab once their table is filled; before, how often it was asked about. */
const FILLED = TOUCHES_BEFORE_TABLE + 1;

/**
 * Where the user's table starts in what `tableOf` gives: a generated user's table at its place
 * in its slab; a user with pinned days has a table of their own.
 */
function tableStart(user: TotalsSubject): number {
  return user.pinned === undefined ? (user.index % SLAB_USERS) * TABLE_LENGTH : 0;
}

/**
 * Sums users' days from remembered tables; one per account. With the account's `users` (in
 * their order, each at its `index`), whether users had calls is read from tables of the whole
 * account (calls-tables.ts), which the question of every user of a window reads in order.
 *
 * A block's tables of 64 generated users sit back to back in one slab. A page reads its users'
 * tables one after another, and a table of each user's own cost three reads in a row before
 * its first number (the user's list of tables, the table, its memory), each a miss in the
 * CPU's caches under distinct pages; a slab is found once for 64 users. A user with pinned
 * days keeps a Float64 table of their own, so every slab holds Int32 numbers.
 */
export function createDayTables(users?: () => readonly TotalsSubject[]): DayTables {
  const groupCalls = users === undefined ? undefined : createCallsTables(users, callsInSpan, BLOCK_DAYS);
  /** Per block number, per group of 64 users: the slab, made when its first table is filled. */
  let slabs: Array<Array<Int32Array | undefined> | undefined> = [];
  /** Per block number, per group: each user's state (touches, then FILLED). */
  let states: Array<Array<Uint8Array | undefined> | undefined> = [];
  /** Per user with pinned days (by index), per block number: their table. */
  let pinnedTables: Array<Array<Float64Array | undefined> | undefined> = [];
  /** Per user with pinned days, per block: how often it was asked about before it had a table. */
  let pinnedTouches: Array<Array<number | undefined> | undefined> = [];
  /** Tables made room for since the last start over (a slab counts its users). */
  let count = 0;

  /** Forgets every table when `adding` more would pass MAX_TABLES. */
  function makeRoom(adding: number): void {
    if (count + adding <= MAX_TABLES) return;
    slabs = [];
    states = [];
    pinnedTables = [];
    pinnedTouches = [];
    count = 0;
  }

  function slabTableOf(user: TotalsSubject, block: number): Int32Array | undefined {
    const group = Math.floor(user.index / SLAB_USERS);
    const place = user.index % SLAB_USERS;
    const groupStates = ((states[block] ??= [])[group] ??= new Uint8Array(SLAB_USERS));
    const state = groupStates[place] as number;
    if (state === FILLED) return slabs[block]?.[group];
    if (state < TOUCHES_BEFORE_TABLE) {
      groupStates[place] = state + 1;
      return undefined;
    }
    let slab = slabs[block]?.[group];
    if (slab === undefined) {
      const size = users === undefined ? SLAB_USERS : Math.min(SLAB_USERS, users().length - group * SLAB_USERS);
      makeRoom(size);
      slab = new Int32Array(size * TABLE_LENGTH);
      (slabs[block] ??= [])[group] = slab;
      count += size;
    }
    fillTable(user, block, slab, place * TABLE_LENGTH);
    // After makeRoom, the states seen above may be forgotten ones: mark the kept ones.
    ((states[block] ??= [])[group] ??= new Uint8Array(SLAB_USERS))[place] = FILLED;
    return slab;
  }

  function pinnedTableOf(user: TotalsSubject, block: number): Float64Array | undefined {
    const known = pinnedTables[user.index]?.[block];
    if (known !== undefined) return known;
    const userTouches = (pinnedTouches[user.index] ??= []);
    const touched = userTouches[block] ?? 0;
    if (touched < TOUCHES_BEFORE_TABLE) {
      userTouches[block] = touched + 1;
      return undefined;
    }
    makeRoom(1);
    const table = new Float64Array(TABLE_LENGTH);
    fillTable(user, block, table, 0);
    (pinnedTables[user.index] ??= [])[block] = table;
    count++;
    return table;
  }

  /** The block's table (the user's starts at tableStart), or undefined while it is summed day by day. */
  function tableOf(user: TotalsSubject, block: number): Table | undefined {
    return user.pinned === undefined ? slabTableOf(user, block) : pinnedTableOf(user, block);
  }

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
    const all = users?.() ?? [];
    const calls = new Int32Array(all.length);
    let tabled = groupCalls !== undefined;
    // Every block is asked (each counts the window), even after one answered false.
    for (let day = fromDay; groupCalls !== undefined && day < toDay;) {
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

  return { totalsOver, callsOver, usersWithCalls };
}
