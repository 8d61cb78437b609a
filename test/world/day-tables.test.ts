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
  it('for random users and windows, cached or not, across user start and end days', () => {
    const { totalsOver } = createDayTables();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: users.length - 1 }),
        fc.integer({ min: 17_000, max: 20_800 }),
        fc.integer({ min: 0, max: 200 }),
        (i, from, length) => {
          const user = users[i]!;
          // Twice: the second answer comes from remembered tables.
          expect(totalsOver(user, from, from + length)).toEqual(dayByDay(user, from, from + length));
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
