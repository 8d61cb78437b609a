/**
 * A pinned day is a day like any other: over random worlds with pinned days and ranges,
 * a window's totals are its halves' totals combined by the aggregation rules (calls and the
 * call-weighted sums add, the longest is the larger), for every user and any split.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PinnedDay, WorldDocument } from '../../src/generated/world-document.js';
import { formatIsoDate, parseIsoDate } from '../../src/world/calendar.js';
import { addTotals, emptyTotals } from '../../src/world/daily-stats.js';
import { createWorld } from '../../src/world/world.js';

const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
const FIRST = parseIsoDate('2026-08-01') as number;
const SPAN = 120;

const statValue = fc.double({ min: -50, max: 50, noNaN: true });
const pinnedDay: fc.Arbitrary<PinnedDay> = fc.oneof(
  fc.constant({ calls: 0 }),
  fc.record(
    {
      calls: fc.integer({ min: 1, max: 40 }),
      longestMonologue: fc.double({ min: 0, max: 5000, noNaN: true }),
      longestCustomerStory: fc.integer({ min: 0, max: 900 }),
      interactivity: statValue,
      patience: statValue,
      questionRate: statValue,
      talkRatio: statValue,
    },
    { requiredKeys: ['calls'] },
  ),
);

/** Days as keys: single days or short ranges, none overlapping (a day pinned twice is refused). */
const days = fc
  .uniqueArray(fc.integer({ min: 0, max: SPAN - 1 }), { maxLength: 25 })
  .chain((starts) =>
    fc.tuple(
      fc.constant(starts.sort((a, b) => a - b)),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: starts.length, maxLength: starts.length }),
      fc.array(pinnedDay, { minLength: starts.length, maxLength: starts.length }),
    ),
  )
  .map(([starts, lengths, values]) => {
    const out: Record<string, PinnedDay> = {};
    starts.forEach((start, i) => {
      const next = starts[i + 1] ?? SPAN;
      const end = Math.min(start + (lengths[i] as number), next - 1);
      const key =
        end > start ? `${formatIsoDate(FIRST + start)}/${formatIsoDate(FIRST + end)}` : formatIsoDate(FIRST + start);
      out[key] = values[i] as PinnedDay;
    });
    return out;
  });

const world: fc.Arbitrary<WorldDocument> = fc.record({
  seed: fc.nat({ max: 1000 }),
  accounts: fc
    .tuple(
      fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns'),
      fc.array(fc.record({ profile: fc.constantFrom('strong', 'average', 'weak', 'inactive', undefined), days }), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.nat({ max: 3 }),
    )
    .map(([timeZone, users, generatedUsers]) => [
      {
        id: ID,
        timeZone,
        generatedUsers,
        users: users.map(({ profile, days: pinned }) => ({
          ...(profile === undefined ? {} : { profile }),
          days: pinned,
        })),
      },
    ]),
});

describe('windows over pinned worlds', () => {
  it('halves agree with the whole, for every user and any split', () => {
    fc.assert(
      fc.property(
        world,
        fc.integer({ min: 0, max: SPAN }),
        fc.integer({ min: 0, max: SPAN }),
        fc.integer({ min: 0, max: SPAN }),
        (document, a, b, c) => {
          const [from, split, to] = [a, b, c].sort((x, y) => x - y).map((n) => FIRST - 5 + n) as [
            number,
            number,
            number,
          ];
          const account = createWorld({ document }).account(ID)!;
          for (const user of account.users()) {
            const whole = account.totals(user, from, to) ?? emptyTotals();
            const halves = addTotals(
              account.totals(user, from, split) ?? emptyTotals(),
              account.totals(user, split, to) ?? emptyTotals(),
            );
            expect(halves).toEqual(whole);
            expect(account.hasCalls(user, from, to)).toBe(whole.calls > 0);
          }
          // Who had calls, asked as a window does: summed user by user the first times, then
          // read from the account's calls tables, pinned days outside a user's span included.
          const people = account
            .users()
            .filter((user) => (account.totals(user, from, to)?.calls ?? 0) > 0)
            .map((user) => user.index);
          for (let ask = 0; ask < 4; ask++) {
            for (const user of account.users()) account.hasCalls(user, from, to);
            expect(account.usersWithCalls(from, to)).toEqual(people);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a pinned day is counted as stated, whatever the window around it', () => {
    fc.assert(
      fc.property(world, (document) => {
        const account = createWorld({ document }).account(ID)!;
        const stated = document.accounts![0]!.users!;
        account
          .users()
          .slice(0, stated.length)
          .forEach((user, index) => {
            for (const [key, day] of Object.entries(stated[index]!.days ?? {})) {
              const [first, last = first] = key.split('/').map((text) => parseIsoDate(text) as number) as [
                number,
                number?,
              ];
              const totals = account.totals(user, first, last + 1);
              expect(totals?.calls ?? 0).toBe(day.calls * (last - first + 1));
              if (day.calls > 0 && day.longestMonologue !== undefined)
                expect(totals?.longestMonologue).toBe(day.longestMonologue);
              if (day.calls > 0 && day.patience !== undefined)
                expect(totals?.patienceWeighted).toBe(
                  Math.round(day.patience * 100) * day.calls * (last - first + 1) + 0,
                );
            }
          });
      }),
      { numRuns: 150 },
    );
  });
});
