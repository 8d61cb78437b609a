/**
 * Calls tables hold a group of users' calls day by day, filled once a block of a group has been
 * asked about for two windows; until then they answer nothing and the caller sums as before.
 * Once filled, a user's calls over any days of the block are exactly the sum of their days.
 */
import { describe, expect, it } from 'vitest';
import { createCallsTables, GROUP_USERS } from '../../src/world/calls-tables.js';
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

describe('an account asked about many windows', () => {
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
