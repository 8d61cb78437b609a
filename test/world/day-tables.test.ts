import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateDay, emptyTotals } from '../../src/world/daily-stats.js';
import { createDayTables } from '../../src/world/day-tables.js';
import { createWorld } from '../../src/world/world.js';

const account = createWorld().accounts[0]!;
const users = account.users();

function dayByDay(user: (typeof users)[number], from: number, to: number) {
  const totals = emptyTotals();
  for (let day = Math.max(from, user.firstDay); day < Math.min(to, user.endDay); day++)
    accumulateDay(totals, user.profile, user.key, day);
  return totals;
}

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
