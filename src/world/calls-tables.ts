/**
 * Whether users had calls in a window, for a whole account at once: every new window asks it
 * of every user, in user order. Each user's own day table (day-tables.ts) sits apart from the
 * next user's, so that question read a different few KB for every user, and under a load of
 * distinct windows those reads missed the CPU's caches (a profile: about a sixth of a distinct
 * page's server time). Here the days run down and the users across: for a block of days and a
 * group of users, entry `i * GROUP_USERS + u` is user u's calls on the block's days before day
 * i, so a window's question reads two rows of neighbouring numbers, a kilobyte each.
 */

/** Users in one table's row. */
export const GROUP_USERS = 256;
/**
 * Tables kept per account before starting over: 257 rows of 256 users, 263 KB each, so about
 * 8 MB at most. A year of windows for 256 users takes two.
 */
const MAX_CALLS_TABLES = 32;
/**
 * A group's block is answered user by user (from their own tables) the first times it is
 * asked about, and tabled after: filling one costs every user's every day of the block, which a
 * test's single window should not pay.
 */
const TOUCHES_BEFORE_TABLE = 2;

/** Calls of many users over windows of days. */
export interface CallsTables {
  /**
   * The calls of the user numbered `index` over days [from, to) of block `block` (counted from
   * the block's first day), or undefined while that block of the user's group has no table yet.
   */
  callsBetween(index: number, block: number, from: number, to: number): number | undefined;
  /**
   * Adds every user's calls over days [from, to) of block `block` to `into` (at the user's
   * index) and says true; says false and adds nothing while a group's table of the block is
   * not filled yet. It counts as a window asked of every user (a third one fills the tables),
   * and reads the tables only: no user is looked at.
   */
  addCallsBetween(block: number, from: number, to: number, into: Int32Array): boolean;
}

/**
 * Calls tables over an account's users (`users()`, in their order), filled with `callsOn`.
 *
 * @example
 * const calls = createCallsTables(() => account.users(), callsOnUserDay, 256);
 * calls.callsBetween(3, 78, 10, 41); // undefined at first; user 3's calls on days 10 to 40 of block 78 later
 */
export function createCallsTables<U>(
  users: () => readonly U[],
  callsOn: (user: U, day: number) => number,
  blockDays: number,
): CallsTables {
  /** Per group of users, per block number: its table. Arrays, as in day-tables.ts. */
  let tables: Array<Array<Int32Array | undefined> | undefined> = [];
  let touches: Array<Array<number | undefined> | undefined> = [];
  let count = 0;

  function fill(group: number, block: number): Int32Array {
    const all = users();
    const first = group * GROUP_USERS;
    const size = Math.min(GROUP_USERS, all.length - first);
    const day0 = block * blockDays;
    // Int32 is ample: a pinned day has at most 1,000 calls, a block 256,000.
    const table = new Int32Array((blockDays + 1) * GROUP_USERS);
    for (let u = 0; u < size; u++) {
      const user = all[first + u] as U;
      let sum = 0;
      for (let i = 0; i < blockDays; i++) {
        sum += callsOn(user, day0 + i);
        table[(i + 1) * GROUP_USERS + u] = sum;
      }
    }
    return table;
  }

  /** The group's table of the block, once asked about for two windows; `asks`: users this asks about. */
  function tableOf(group: number, block: number, asks: number): Int32Array | undefined {
    const known = tables[group]?.[block];
    if (known !== undefined) return known;
    const groupTouches = (touches[group] ??= []);
    const touched = groupTouches[block] ?? 0;
    // Touched once per user asked about: a window asks every user of the group once.
    const size = Math.min(GROUP_USERS, users().length - group * GROUP_USERS);
    if (touched < TOUCHES_BEFORE_TABLE * size) {
      groupTouches[block] = touched + asks;
      return undefined;
    }
    const table = fill(group, block);
    if (count >= MAX_CALLS_TABLES) {
      tables = [];
      touches = [];
      count = 0;
    }
    (tables[group] ??= [])[block] = table;
    count++;
    return table;
  }

  return {
    addCallsBetween(block, from, to, into) {
      const count = users().length;
      // Every group's table first (one may start the tables over): all of them, or nothing added.
      const found: Int32Array[] = [];
      for (let first = 0; first < count; first += GROUP_USERS) {
        const table = tableOf(first / GROUP_USERS, block, Math.min(GROUP_USERS, count - first));
        if (table !== undefined) found.push(table);
      }
      if (found.length * GROUP_USERS < count) return false;
      found.forEach((table, group) => {
        const first = group * GROUP_USERS;
        const a = from * GROUP_USERS - first;
        const b = to * GROUP_USERS - first;
        for (let index = first, last = Math.min(count, first + GROUP_USERS); index < last; index++)
          into[index] = (into[index] as number) + (table[b + index] as number) - (table[a + index] as number);
      });
      return true;
    },
    callsBetween(index, block, from, to) {
      const table = tableOf(Math.floor(index / GROUP_USERS), block, 1);
      if (table === undefined) return undefined;
      const u = index % GROUP_USERS;
      return (table[to * GROUP_USERS + u] as number) - (table[from * GROUP_USERS + u] as number);
    },
  };
}
