import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accumulateDay,
  accumulateValues,
  addTotals,
  callsOnDay,
  drawnDay,
  emptyTotals,
} from '../../src/world/daily-stats.js';
import { parseIsoDate } from '../../src/world/calendar.js';
import { createDayTables } from '../../src/world/day-tables.js';
import { MAX_TABLES, SLAB_USERS } from '../../src/world/user-tables.js';
import { userProfile } from '../../src/world/user-profile.js';
import { createWorld } from '../../src/world/world.js';

const account = createWorld().accounts[0]!;
const users = account.users();
/** A month of the default world's users' days, in 2025. */
const [from0, to0] = [20_400, 20_431];

function dayByDay(user: (typeof users)[number], from: number, to: number) {
  const totals = emptyTotals();
  for (let day = Math.max(from, user.firstDay); day < Math.min(to, user.endDay); day++)
    accumulateDay(totals, user.profile, user.key, day);
  return totals;
}

describe('a generated day fits the Int32 table its block is summed in', () => {
  // A block sums 256 days; an Int32Array holds it exactly while a day brings at most 8 calls
  // and 2,500 hundredths a call-weighted metric: 256 x 8 x 2,500 = 5,120,000 per call-weighted
  // sum, far below 2^31. A generator change past these bounds must move the tables to Float64.
  it('at most 8 calls and 2,500 hundredths a metric, for any user kind, manager or not, on any day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.boolean(),
        fc.constantFrom(undefined, 'strong', 'average', 'weak', 'inactive' as const),
        fc.integer({ min: 0, max: 40_000 }),
        (key, manager, kind, day) => {
          const profile = userProfile(key, manager, kind);
          const calls = callsOnDay(profile, key, day);
          expect(calls).toBeLessThanOrEqual(8);
          const values = drawnDay(profile, key, day, Math.max(calls, 1));
          for (const metric of [values.interactivity, values.patience, values.questionRate, values.talkRatio])
            expect(metric).toBeLessThanOrEqual(2500);
        },
      ),
      { numRuns: 20_000, seed: 11 },
    );
  });
});

describe('summing from day tables gives exactly the day-by-day totals', () => {
  it('a block is tabled only when asked about a third time, with the same totals before and after', () => {
    const { totalsOver, callsOver } = createDayTables();
    const user = users[3]!;
    const answers = [0, 1, 2, 3].map(() => [totalsOver(user, 20_400, 20_431), callsOver(user, 20_400, 20_431)]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]![0]).toEqual(dayByDay(user, 20_400, 20_431));
  });

  it('for random users and windows, cached or not, across user start and end days', () => {
    const { totalsOver } = createDayTables();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: users.length - 1 }),
        fc.integer({ min: 17_000, max: 20_800 }),
        fc.integer({ min: 0, max: 200 }),
        (i, from, length) => {
          const user = users[i]!;
          // Four times: a block is summed day by day its first two times, then from its table.
          for (let ask = 0; ask < 4; ask++)
            expect(totalsOver(user, from, from + length)).toEqual(dayByDay(user, from, from + length));
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('including users who left the company (their days end)', () => {
    const { totalsOver } = createDayTables();
    const leavers = users.filter((user) => Number.isFinite(user.endDay));
    expect(leavers.length).toBeGreaterThan(0);
    for (const user of leavers) {
      expect(totalsOver(user, user.endDay - 60, user.endDay + 60)).toEqual(
        dayByDay(user, user.endDay - 60, user.endDay + 60),
      );
      expect(totalsOver(user, user.firstDay - 30, user.firstDay + 45)).toEqual(
        dayByDay(user, user.firstDay - 30, user.firstDay + 45),
      );
    }
  });
});

describe('tables that share a slab (64 users a block)', () => {
  it('every user of a slab, its last and the next slab’s first, tabled in any order, reads their own days', () => {
    const { totalsOver } = createDayTables(() => users);
    // Users 63 and 64 sit either side of a slab's edge; 259 is the last, in a slab of 4.
    const order = [64, 63, 0, 259, 1, 127, 128, 256, 62];
    const [from, to] = [from0, to0];
    for (let ask = 0; ask < 4; ask++)
      for (const i of order) expect(totalsOver(users[i]!, from, to)).toEqual(dayByDay(users[i]!, from, to));
  });

  it('after starting over (more than 1,024 tables), tables filled again read the right days', () => {
    const { totalsOver } = createDayTables(() => users);
    // 260 users over 6 blocks: 1,560 tables, so the tables are forgotten at least once.
    for (let block = 0; block < 6; block++) {
      const [from, to] = [20_000 + 256 * block, 20_030 + 256 * block];
      for (let ask = 0; ask < 3; ask++)
        for (const user of users) expect(totalsOver(user, from, to)).toEqual(dayByDay(user, from, to));
    }
    for (const i of [0, 70, 259])
      expect(totalsOver(users[i]!, 20_000, 20_030)).toEqual(dayByDay(users[i]!, 20_000, 20_030));
  });
});

describe('tables kept: when a table is made, and the bound on their memory', () => {
  const [from, to] = [from0, to0];
  const pinnedUser = () =>
    createWorld({
      document: {
        seed: 7,
        accounts: [
          { id: '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90', users: [{ id: '1', days: { '2026-01-05': { calls: 3 } } }] },
        ],
      },
    }).accounts[0]!.users()[0]!;

  it('a slab for 64 users is made when its first user is asked about a third time, and only once', () => {
    const { totalsOver, tablesKept } = createDayTables();
    const kept = [0, 1, 2, 3].map(() => (totalsOver(users[3]!, from, to), tablesKept()));
    expect(kept).toEqual([0, 0, SLAB_USERS, SLAB_USERS]);
    // Another user of the same slab fills their place in it; the next 64 users get a slab of their own.
    for (let ask = 0; ask < 3; ask++) totalsOver(users[60]!, from, to);
    expect(tablesKept()).toBe(SLAB_USERS);
    for (let ask = 0; ask < 3; ask++) totalsOver(users[64]!, from, to);
    expect(tablesKept()).toBe(2 * SLAB_USERS);
    // A window over two blocks makes a slab in each.
    for (let ask = 0; ask < 3; ask++) totalsOver(users[3]!, 20_470, 20_520);
    expect(tablesKept()).toBe(3 * SLAB_USERS);
  });

  it("with the account's users, the last slab has room for the users left over only", () => {
    const { totalsOver, tablesKept } = createDayTables(() => users);
    expect(users.length).toBe(260);
    for (let ask = 0; ask < 3; ask++) totalsOver(users[259]!, from, to);
    expect(tablesKept()).toBe(260 - 4 * SLAB_USERS);
    for (let ask = 0; ask < 3; ask++) totalsOver(users[0]!, from, to);
    expect(tablesKept()).toBe(260 - 3 * SLAB_USERS);
  });

  it('a user with pinned days gets a table of their own, on the third time, once', () => {
    const user = pinnedUser();
    const { totalsOver, tablesKept } = createDayTables();
    expect([0, 1, 2, 3].map(() => (totalsOver(user, from, to), tablesKept()))).toEqual([0, 0, 1, 1]);
  });

  it('never more than 1,024: the slab past the bound starts the tables over', () => {
    const { totalsOver, tablesKept } = createDayTables();
    const fill = (block: number) => {
      for (let ask = 0; ask < 3; ask++) totalsOver(users[0]!, 256 * block, 256 * block + 30);
      return tablesKept();
    };
    // Blocks 75 to 91: 2022 to 2033, all within users[0]'s days (they started in 2019).
    const kept = Array.from({ length: MAX_TABLES / SLAB_USERS + 1 }, (_, i) => fill(75 + i));
    expect(kept.slice(-2)).toEqual([MAX_TABLES, SLAB_USERS]);
    expect(kept).toEqual(kept.map((_, i) => (i < MAX_TABLES / SLAB_USERS ? (i + 1) * SLAB_USERS : SLAB_USERS)));
    // The forgotten blocks are asked about afresh: two more times before a table.
    for (let ask = 0; ask < 2; ask++) totalsOver(users[0]!, 256 * 75, 256 * 75 + 30);
    expect(tablesKept()).toBe(SLAB_USERS);
    expect(fill(75)).toBe(2 * SLAB_USERS);
  });

  it('a pinned table past the bound starts the tables over too', () => {
    const user = pinnedUser();
    const { totalsOver, tablesKept } = createDayTables();
    for (let block = 0; block < MAX_TABLES / SLAB_USERS; block++)
      for (let ask = 0; ask < 3; ask++) totalsOver(users[0]!, 256 * (75 + block), 256 * (75 + block) + 30);
    expect(tablesKept()).toBe(MAX_TABLES);
    for (let ask = 0; ask < 3; ask++) totalsOver(user, from, to);
    expect(tablesKept()).toBe(1);
    // After the start over, the pinned user's other blocks are asked about afresh, twice first.
    const later = [from + 256, to + 256];
    expect([0, 1, 2].map(() => (totalsOver(user, later[0]!, later[1]!), tablesKept()))).toEqual([1, 1, 2]);
  });

  it("calls asked of an account once its calls tables answer make no user's table", () => {
    const tables = createDayTables(() => users);
    // Three windows fill the calls tables (a user asked before they are may get a table of their own).
    for (let ask = 0; ask < 3; ask++) for (const user of users) tables.callsOver(user, from, to);
    const kept = tables.tablesKept();
    expect(kept).toBeLessThanOrEqual(SLAB_USERS);
    // Other windows of the block, each asked three times: the calls tables answer them all.
    for (const shift of [1, 2, 5, 9])
      for (let ask = 0; ask < 3; ask++) for (const user of users) tables.callsOver(user, from + shift, to + shift);
    expect(tables.tablesKept()).toBe(kept);
    // Without the account's users there are no calls tables: the users' own tables answer.
    const plain = createDayTables();
    for (let ask = 0; ask < 3; ask++) plain.callsOver(users[0]!, from, to);
    expect(plain.tablesKept()).toBe(SLAB_USERS);
  });
});

describe('usersWithCalls', () => {
  it('is empty for tables made without the users', () => {
    expect(createDayTables().usersWithCalls(from0, to0)).toEqual([]);
  });

  it('once the window is tabled, reads no user at all', () => {
    let reads = 0;
    // Each user behind a proxy that counts every property read.
    const watched = users.map(
      (user) =>
        new Proxy(user, {
          get: (target, key, receiver) => (reads++, Reflect.get(target, key, receiver)),
        }),
    );
    const tables = createDayTables(() => watched);
    const expected = users.filter((user) => dayByDay(user, from0, to0).calls > 0).map((user) => user.index);
    expect(tables.usersWithCalls(from0, to0)).toEqual(expected);
    expect(reads).toBeGreaterThan(users.length);
    tables.usersWithCalls(from0, to0);
    tables.usersWithCalls(from0, to0);
    reads = 0;
    expect(tables.usersWithCalls(from0, to0)).toEqual(expected);
    expect(reads).toBe(0);
  });
});

describe('calls from running sums give exactly the day-by-day calls', () => {
  it('for random users and windows, short and long, across blocks and user start and end days', () => {
    const { callsOver } = createDayTables();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: users.length - 1 }),
        fc.integer({ min: 17_000, max: 20_800 }),
        fc.integer({ min: 0, max: 700 }),
        (i, from, length) => {
          const user = users[i]!;
          const want = dayByDay(user, from, from + length).calls;
          expect(callsOver(user, from, from + length)).toBe(want);
          expect(callsOver(user, from, from + length)).toBe(want);
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  it('for users who left the company, and windows before anyone started', () => {
    const { callsOver } = createDayTables();
    for (const user of users.filter((u) => Number.isFinite(u.endDay))) {
      expect(callsOver(user, user.endDay - 60, user.endDay + 60)).toBe(
        dayByDay(user, user.endDay - 60, user.endDay + 60).calls,
      );
      expect(callsOver(user, user.endDay, user.endDay + 300)).toBe(0);
    }
    expect(callsOver(users[0]!, 0, 100)).toBe(0);
  });
});

describe("the default world's October 2026, as every machine draws it", () => {
  const acme = createWorld().accounts[0]!;
  const users = acme.users();
  const from = parseIsoDate('2026-10-01')!;
  const to = parseIsoDate('2026-11-01')!;

  it('the first users’ totals, the same asked once, twice and a third time (tabled)', () => {
    const expected = [
      [12, 202, 87, 6678, 996, 8828, 746],
      [18, 225, 78, 8974, 1665, 12245, 1144],
      [45, 200, 121, 23772, 4948, 60275, 2505],
    ];
    for (let round = 0; round < 3; round++) {
      const got = [0, 1, 2].map((i) => {
        const t = acme.totals(users[i]!, from, to)!;
        return [
          t.calls,
          t.longestMonologue,
          t.longestCustomerStory,
          t.interactivityWeighted,
          t.patienceWeighted,
          t.questionRateWeighted,
          t.talkRatioWeighted,
        ];
      });
      expect(got).toEqual(expected);
    }
  });

  it('everyone’s totals add up to these, and the calls per day to what callsOnDay says', () => {
    let sum = emptyTotals();
    for (const user of users) {
      const totals = acme.totals(user, from, to);
      if (totals !== undefined) sum = addTotals(sum, totals);
    }
    expect(sum).toEqual({
      calls: 9800,
      longestMonologue: 300,
      longestCustomerStory: 238,
      interactivityWeighted: 5391101,
      patienceWeighted: 1060843,
      questionRateWeighted: 10578779,
      talkRatioWeighted: 569700,
    });
    const gordon = users[1]!;
    // Thursday 1 October to Wednesday 14 October: the weekends are quiet.
    expect(Array.from({ length: 14 }, (_, k) => callsOnDay(gordon.profile, gordon.key, from + k))).toEqual([
      1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ]);
  });

  it('a drawn day: more calls stretch the longest monologue and story, the rates stay', () => {
    const gordon = users[1]!;
    expect(drawnDay(gordon.profile, gordon.key, from, 4)).toEqual({
      calls: 4,
      longestMonologue: 174,
      longestCustomerStory: 69,
      interactivity: 496,
      patience: 103,
      questionRate: 543,
      talkRatio: 60,
    });
    expect(drawnDay(gordon.profile, gordon.key, from, 1)).toEqual({
      calls: 1,
      longestMonologue: 148,
      longestCustomerStory: 58,
      interactivity: 496,
      patience: 103,
      questionRate: 543,
      talkRatio: 60,
    });
  });

  it('a day of no calls adds nothing; values add weighted by calls, maxima kept', () => {
    const totals = emptyTotals();
    accumulateValues(totals, { ...drawnDay(users[1]!.profile, users[1]!.key, from, 1), calls: 0 });
    expect(totals).toEqual(emptyTotals());
    accumulateValues(totals, {
      calls: 2,
      longestMonologue: 100,
      longestCustomerStory: 50,
      interactivity: 500,
      patience: 100,
      questionRate: 1000,
      talkRatio: 60,
    });
    accumulateValues(totals, {
      calls: 1,
      longestMonologue: 90,
      longestCustomerStory: 70,
      interactivity: 300,
      patience: 50,
      questionRate: 500,
      talkRatio: 40,
    });
    expect(totals).toEqual({
      calls: 3,
      longestMonologue: 100,
      longestCustomerStory: 70,
      interactivityWeighted: 1300,
      patienceWeighted: 250,
      questionRateWeighted: 2500,
      talkRatioWeighted: 160,
    });
    expect(addTotals(totals, { ...totals, longestMonologue: 120, longestCustomerStory: 10 })).toEqual({
      calls: 6,
      longestMonologue: 120,
      longestCustomerStory: 70,
      interactivityWeighted: 2600,
      patienceWeighted: 500,
      questionRateWeighted: 5000,
      talkRatioWeighted: 320,
    });
  });
});

describe('a stated user’s pinned days outside the days they had calls', () => {
  // Seed 7 gives the user a firstDay of 2020-02-20 and an endDay of 2021-08-10 (they left),
  // with generated calls on both and on the day before each: a window that reaches one day
  // too far, or stops one short, counts different calls.
  const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
  const DAYS = { '1970-01-05': { calls: 1 }, '2018-06-01': { calls: 5 }, '2030-01-01': { calls: 7 } };
  const userOf = () =>
    createWorld({ document: { seed: 7, accounts: [{ id: ID, users: [{ id: '1', active: false, days: DAYS }] }] } })
      .account(ID)!
      .users()[0]!;
  const day = (text: string) => parseIsoDate(text)!;

  /** The user's totals added one day at a time: a pinned day as stated, else generated within [firstDay, endDay). */
  function reference(user: ReturnType<typeof userOf>, from: number, to: number) {
    const totals = emptyTotals();
    for (let d = from; d < to; d++) {
      const pinned = user.pinned!.days.get(d);
      if (pinned !== undefined) accumulateValues(totals, pinned);
      else if (d >= user.firstDay && d < user.endDay) accumulateDay(totals, user.profile, user.key, d);
    }
    return totals;
  }

  it('counts a pinned day before they joined and after they left, and no generated day there', () => {
    const user = userOf();
    expect([user.firstDay, user.endDay]).toEqual([day('2020-02-20'), day('2021-08-10')]);
    expect(
      [user.firstDay - 1, user.firstDay, user.endDay - 1, user.endDay].map((d) =>
        callsOnDay(user.profile, user.key, d),
      ),
    ).toEqual([1, 2, 1, 2]);
    const { totalsOver, callsOver } = createDayTables();
    const windows: Array<[number, number, number]> = [
      [day('2018-05-17'), day('2018-06-16'), 5],
      [day('2029-12-17'), day('2030-01-16'), 7],
      [user.firstDay - 3, user.firstDay + 1, 2],
      [user.endDay - 1, user.endDay + 3, 1],
    ];
    // Three times each: summed day by day twice, then from the block's table.
    for (let ask = 0; ask < 3; ask++)
      for (const [from, to, calls] of windows) {
        expect(callsOver(user, from, to)).toBe(calls);
        expect(totalsOver(user, from, to)).toEqual(reference(user, from, to));
        expect(totalsOver(user, from, to).calls).toBe(calls);
      }
    const [from, to] = [day('2018-01-01'), day('2031-01-01')];
    expect(totalsOver(user, from, to)).toEqual(reference(user, from, to));
    expect(callsOver(user, from, to)).toBe(reference(user, from, to).calls);
  });

  it('a pinned day in 1970 (the first block) reads as stated after other blocks were tabled', () => {
    const user = userOf();
    const { totalsOver, callsOver, tablesKept } = createDayTables();
    const [from, to] = [day('2018-05-17'), day('2018-06-16')];
    for (let ask = 0; ask < 3; ask++) totalsOver(user, from, to);
    for (let ask = 0; ask < 3; ask++) callsOver(user, from, to);
    expect(tablesKept()).toBe(1);
    // Block 0 is tabled like any other, on its third time (totals and calls each ask it).
    const kept: number[] = [];
    for (let ask = 0; ask < 3; ask++) {
      expect(totalsOver(user, 0, 30)).toEqual(reference(user, 0, 30));
      kept.push(tablesKept());
      expect(callsOver(user, 0, 30)).toBe(1);
    }
    expect(kept).toEqual([1, 2, 2]);
  });
});
