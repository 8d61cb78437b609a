/**
 * Calls tables hold a group of users' calls day by day, filled once a block of a group has been
 * asked about for two windows; until then they answer nothing and the caller sums as before.
 * Once filled, a user's calls over any days of the block are exactly the sum of their days.
 */
import { describe, expect, it } from 'vitest';
import { createCallsTables, GROUP_USERS } from '../../src/world/calls-tables.js';
import { callsOnDay } from '../../src/world/daily-stats.js';
import { createDayTables } from '../../src/world/day-tables.js';
import { createWorld } from '../../src/world/world.js';

const BLOCK = 16;

/** A user's calls on a day: a fixed pattern that differs by user and day. */
const callsOn = (user: { index: number }, day: number) => (user.index * 7 + day * 3) % 5;

function usersOf(count: number) {
  let asked = 0;
  const all = Array.from({ length: count }, (_, index) => ({ index }));
  return { users: () => (asked++, all), asked: () => asked };
}

const summed = (index: number, block: number, from: number, to: number) => {
  let sum = 0;
  for (let day = block * BLOCK + from; day < block * BLOCK + to; day++) sum += callsOn({ index }, day);
  return sum;
};

/** Asks every user of the group once, as a window does. */
const askAll = (tables: ReturnType<typeof createCallsTables>, count: number, block: number) =>
  Array.from({ length: count }, (_, index) => tables.callsBetween(index, block, 0, BLOCK));

describe('createCallsTables', () => {
  it('answers nothing for the first two windows of a block, then every user exactly', () => {
    const tables = createCallsTables(usersOf(5).users, callsOn, BLOCK);
    expect(askAll(tables, 5, 3)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(askAll(tables, 5, 3)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // The third window's first user fills the table.
    expect(askAll(tables, 5, 3)).toEqual([0, 1, 2, 3, 4].map((index) => summed(index, 3, 0, BLOCK)));
    // Another block counts its own windows.
    expect(tables.callsBetween(0, 4, 0, BLOCK)).toBeUndefined();
  });

  it('gives the sum of any days of the block, its first and last included', () => {
    const tables = createCallsTables(usersOf(3).users, callsOn, BLOCK);
    for (let i = 0; i < 2; i++) askAll(tables, 3, 7);
    for (let index = 0; index < 3; index++)
      for (let from = 0; from <= BLOCK; from++)
        for (let to = from; to <= BLOCK; to++)
          expect(tables.callsBetween(index, 7, from, to), `${index} ${from}-${to}`).toBe(summed(index, 7, from, to));
  });

  it('keeps users past the first group in tables of their own group, the last one short', () => {
    const count = GROUP_USERS + 3;
    const tables = createCallsTables(usersOf(count).users, callsOn, BLOCK);
    // The short group's three users are asked twice: that is its two windows.
    for (let i = 0; i < 2; i++)
      for (const index of [GROUP_USERS, GROUP_USERS + 1, GROUP_USERS + 2])
        expect(tables.callsBetween(index, 2, 0, BLOCK)).toBeUndefined();
    expect(tables.callsBetween(GROUP_USERS + 2, 2, 1, 9)).toBe(summed(GROUP_USERS + 2, 2, 1, 9));
    expect(tables.callsBetween(GROUP_USERS, 2, 0, BLOCK)).toBe(summed(GROUP_USERS, 2, 0, BLOCK));
    // The first group has had only those six touches: not yet two windows of its 256 users.
    expect(tables.callsBetween(0, 2, 0, BLOCK)).toBeUndefined();
  });

  it('starts over after 32 tables, asking for windows again before filling anew', () => {
    const tables = createCallsTables(usersOf(1).users, callsOn, BLOCK);
    const fill = (block: number) => {
      tables.callsBetween(0, block, 0, BLOCK);
      tables.callsBetween(0, block, 0, BLOCK);
      return tables.callsBetween(0, block, 0, BLOCK);
    };
    for (let block = 0; block < 32; block++) expect(fill(block)).toBe(summed(0, block, 0, BLOCK));
    // All 32 kept: asked again, each answers at once.
    expect(tables.callsBetween(0, 0, 0, BLOCK)).toBe(summed(0, 0, 0, BLOCK));
    expect(tables.callsBetween(0, 31, 0, BLOCK)).toBe(summed(0, 31, 0, BLOCK));
    // The 33rd starts over: the earlier ones are forgotten, touches too.
    expect(fill(32)).toBe(summed(0, 32, 0, BLOCK));
    expect(tables.callsBetween(0, 0, 0, BLOCK)).toBeUndefined();
    expect(tables.callsBetween(0, 32, 0, BLOCK)).toBe(summed(0, 32, 0, BLOCK));
  });
});

describe('addCallsBetween: every user of the account at once', () => {
  it('adds nothing and says false until every group of the block is tabled, then adds each user exactly', () => {
    const count = GROUP_USERS + 3;
    const tables = createCallsTables(usersOf(count).users, callsOn, BLOCK);
    const into = new Int32Array(count).fill(1);
    expect(tables.addCallsBetween(5, 2, 9, into)).toBe(false);
    // The short group alone tabled: still false, and still nothing added.
    for (let i = 0; i < 3; i++)
      for (let index = GROUP_USERS; index < count; index++) tables.callsBetween(index, 5, 0, 1);
    expect(tables.addCallsBetween(5, 2, 9, into)).toBe(false);
    expect([...into]).toEqual(Array(count).fill(1));
    askAll(tables, GROUP_USERS, 5);
    askAll(tables, GROUP_USERS, 5);
    askAll(tables, GROUP_USERS, 5);
    expect(tables.addCallsBetween(5, 2, 9, into)).toBe(true);
    // Added to what was there, across both groups; another block is still untabled.
    expect([...into]).toEqual(Array.from({ length: count }, (_, index) => 1 + summed(index, 5, 2, 9)));
    expect(tables.addCallsBetween(6, 0, BLOCK, into)).toBe(false);
  });

  it('counts as a window asked of every user: the third fills every group, with no user asked alone', () => {
    const count = GROUP_USERS + 3;
    const tables = createCallsTables(usersOf(count).users, callsOn, BLOCK);
    const into = new Int32Array(count);
    expect([1, 2, 3].map(() => tables.addCallsBetween(4, 0, BLOCK, into))).toEqual([false, false, true]);
    expect([...into]).toEqual(Array.from({ length: count }, (_, index) => summed(index, 4, 0, BLOCK)));
    // Tabled for single users too.
    expect(tables.callsBetween(GROUP_USERS + 1, 4, 3, 8)).toBe(summed(GROUP_USERS + 1, 4, 3, 8));
  });
});

describe('an account asked about many windows', () => {
  it('names the users with calls in a window as asking each user would, before and after tabling', () => {
    const world = createWorld({ seed: 42 });
    for (const account of world.accounts.slice(0, 3)) {
      const users = account.users();
      const plain = createDayTables();
      // Windows within a block and across two, after some users left and before anyone started.
      const windows: Array<[number, number]> = [
        [20_400, 20_431],
        [20_470, 20_520],
        [20_300, 20_306],
        [Math.max(...users.map((user) => user.firstDay)) - 40, Math.max(...users.map((user) => user.firstDay)) + 2],
        [12_000, 12_030],
      ];
      for (let ask = 0; ask < 4; ask++)
        for (const [from, to] of windows) {
          const expected = users.filter((user) => plain.callsOver(user, from, to) > 0).map((user) => user.index);
          expect(account.usersWithCalls(from, to), `${account.id} ${from}-${to} ask ${ask}`).toEqual(expected);
          for (const user of users) account.hasCalls(user, from, to);
        }
    }
  });

  it('counts no generated day of a user who left after they left, once tabled', () => {
    const users = createWorld({ seed: 42 }).accounts[0]!.users();
    const leaver = users.find((user) => Number.isFinite(user.endDay))!;
    const [from, to] = [leaver.endDay, leaver.endDay + 30];
    // Their profile would draw calls after they left: the tables must not hold those days.
    let drawn = 0;
    for (let day = from; day < to; day++) drawn += callsOnDay(leaver.profile, leaver.key, day);
    expect(drawn).toBeGreaterThan(0);
    const tables = createDayTables(() => users);
    // Windows that reach back into the leaver's days: everyone is asked, and the blocks tabled.
    for (let ask = 0; ask < 3; ask++) for (const user of users) tables.callsOver(user, from - 60, to);
    expect(tables.usersWithCalls(from - 60, to)).toContain(leaver.index);
    // Asked a third time, the window's blocks are read from the tables.
    for (let ask = 0; ask < 2; ask++) tables.usersWithCalls(from, to);
    const after = tables.usersWithCalls(from, to);
    expect(after).not.toContain(leaver.index);
    const plain = createDayTables();
    expect(after).toEqual(users.filter((user) => plain.callsOver(user, from, to) > 0).map((user) => user.index));
  });

  it("gives every user's calls as the day-by-day sum, before and after the tables are filled", () => {
    const world = createWorld({ seed: 42 });
    for (const account of world.accounts.slice(0, 3)) {
      const users = account.users();
      const plain = createDayTables();
      const fromDay = 20_000;
      // Windows over the same blocks again and again, so the account's tables fill up on the way.
      for (let w = 0; w < 6; w++) {
        const from = fromDay + w * 37;
        const to = from + 3 + ((w * 13) % 300);
        for (const user of users) {
          expect(account.hasCalls(user, from, to), `${account.id} ${user.index} ${from}-${to}`).toBe(
            plain.callsOver(user, from, to) > 0,
          );
        }
      }
    }
  });

  it('reads calls from the account-wide tables once a block has been asked about for two windows', () => {
    let asked = 0;
    const world = createWorld({ seed: 42 });
    const account = world.accounts[0]!;
    const users = account.users();
    const counting = createDayTables(() => (asked++, users));
    const window = () => users.map((user) => counting.callsOver(user, 20_010, 20_040));
    const first = window();
    window();
    // Until the block is tabled, each user asked about is counted against the group's size.
    expect(asked).toBeGreaterThan(users.length);
    const third = window();
    const afterFill = asked;
    // Tabled: a fourth window reads the table alone, never looking at the users.
    const fourth = window();
    expect(asked).toBe(afterFill);
    expect(third).toEqual(first);
    expect(fourth).toEqual(first);
    expect(third.some((calls) => calls > 0)).toBe(true);
  });
});
