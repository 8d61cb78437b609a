/**
 * Where a user's daily values are kept, 256 days (a block) at a time: each day's stats are a
 * pure function of (user, day), so a block is worked out once into a flat typed array of
 * running sums of the summed stats (calls and the four call-weighted sums) and the two daily
 * maxima (longest monologue, longest story). Every entry is a whole number (a pinned day's
 * longest may not be, but maxima are copied, never summed), so sums read from a table are
 * the same to the last digit as adding the days one by one.
 * A generated day has at most 8 calls and 2,500 hundredths a metric, so a block's largest
 * sum, 256 x 8 x 2,500, fits an Int32Array, half the memory and faster to read (a distinct
 * page reads hundreds of tables); a user with pinned days gets a Float64Array, whose largest
 * sum, 256 days x 1,000 calls x 100,000,000 hundredths, is far below 2^53, where Float64 stops
 * counting exactly.
 *
 * A block's tables of 64 generated users sit back to back in one slab. A page reads its users'
 * tables one after another, and a table of each user's own cost three reads in a row before
 * its first number (the user's list of tables, the table, its memory), each a miss in the
 * CPU's caches under distinct pages; a slab is found once for 64 users. A user with pinned
 * days keeps a Float64 table of their own, so every slab holds Int32 numbers.
 */
import { accumulateDay, accumulateValues, callsOnDay, emptyTotals, type StatTotals } from './daily-stats.js';
import type { UserProfile } from './user-profile.js';
import type { PinnedSpan } from './users.js';

/** Days in one table. */
export const BLOCK_DAYS = 256;
/** Running sums kept per day boundary: calls and the four call-weighted sums. */
export const SUMS = 5;
/** Where the two daily maxima start: entry `MAXIMA + 2 * i (+ 1)` holds day i's monologue (story). */
export const MAXIMA = (BLOCK_DAYS + 1) * SUMS;
/** Tables kept per account before starting over: 7 KB each (14 KB with pinned days), so 7 to 14 MB at most. */
export const MAX_TABLES = 1024;
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
export function accumulateUserDay(totals: StatTotals, user: TotalsSubject, day: number): void {
  const values = user.pinned?.days.get(day);
  if (values !== undefined) return accumulateValues(totals, values);
  if (day >= user.firstDay && day < user.endDay) accumulateDay(totals, user.profile, user.key, day);
}

/**
 * The user's calls on the day: a pinned day as stated, else the generator's within [firstDay,
 * endDay), else 0. The account's calls tables hold these, so their sums need no clipping.
 */
export function callsOnUserDay(user: TotalsSubject, day: number): number {
  const values = user.pinned?.days.get(day);
  if (values !== undefined) return values.calls;
  return day >= user.firstDay && day < user.endDay ? callsOnDay(user.profile, user.key, day) : 0;
}

/** A block's table: whole numbers, in an Int32Array where they surely fit (see above). */
export type Table = Int32Array | Float64Array;
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

/** Users whose tables share a slab: 64 tables back to back, 460 KB. */
export const SLAB_USERS = 64;
/** A user's state in their slab once their table is filled; before, how often it was asked about. */
const FILLED = TOUCHES_BEFORE_TABLE + 1;

/**
 * Where the user's table starts in what `tableOf` gives: a generated user's table at its place
 * in its slab; a user with pinned days has a table of their own.
 */
export function tableStart(user: TotalsSubject): number {
  return user.pinned === undefined ? (user.index % SLAB_USERS) * TABLE_LENGTH : 0;
}

/** Users' tables of blocks, kept for one account. */
export interface UserTables {
  /** The user's table of the block (theirs starts at `tableStart(user)`), or undefined while the block is summed day by day. */
  tableOf(user: TotalsSubject, block: number): Table | undefined;
  /**
   * How many users' tables are kept (a slab counts every user it has room for): at most 1,024,
   * which bounds an account's memory for them (7 KB a table, 14 KB with pinned days).
   */
  tablesKept(): number;
}

/**
 * An account's users' tables, made when a block is asked about a third time; with the
 * account's `users`, the last slab has room for the users left over only.
 *
 * @example
 * const tables = createUserTables(() => account.users());
 * tables.tableOf(user, 78); // undefined twice, then the slab holding the user's table
 */
export function createUserTables(users?: () => readonly TotalsSubject[]): UserTables {
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

  return {
    tableOf: (user, block) => (user.pinned === undefined ? slabTableOf(user, block) : pinnedTableOf(user, block)),
    tablesKept: () => count,
  };
}
