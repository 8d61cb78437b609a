/**
 * The world's window totals obey the aggregation rules, for any window and any split of it:
 * calls add up, the longest monologue and story are the longer of the halves, and the
 * call-weighted sums behind every mean add up exactly (they are integers).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/world/calendar.js';
import { addTotals, emptyTotals, type StatTotals } from '../../src/world/daily-stats.js';
import { interactionStatsOf } from '../../src/world/interaction-stats.js';
import { createWorld } from '../../src/world/world.js';

const FIRST = parseIsoDate('2019-01-01') as number;
const LAST = parseIsoDate('2026-11-23') as number;

const world = createWorld({ seed: 42 });
const accounts = world.accounts.filter((account) => account.userCount > 0);

/** An account, one of its users, and a window [from, to) split at `mid`. */
const splitWindow = fc
  .record({
    account: fc.integer({ min: 0, max: accounts.length - 1 }),
    user: fc.nat(),
    from: fc.integer({ min: FIRST, max: LAST - 2 }),
    length: fc.integer({ min: 2, max: 400 }),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ account: a, user: u, from, length, cut }) => {
    const account = accounts[a]!;
    const users = account.users();
    const to = Math.min(from + length, LAST + 1);
    const mid = from + 1 + Math.floor(cut * (to - from - 1));
    return { account, user: users[u % users.length]!, from, mid: Math.min(mid, to - 1), to };
  });

const totalsOr = (totals: StatTotals | undefined) => totals ?? emptyTotals();

describe('window totals agree with their halves', () => {
  it('calls add up; longest = the longer half; weighted sums add up; so the Gong stats agree', () => {
    fc.assert(
      fc.property(splitWindow, ({ account, user, from, mid, to }) => {
        const whole = totalsOr(account.totals(user, from, to));
        const left = totalsOr(account.totals(user, from, mid));
        const right = totalsOr(account.totals(user, mid, to));
        expect(whole.calls).toBe(left.calls + right.calls);
        expect(whole.longestMonologue).toBe(Math.max(left.longestMonologue, right.longestMonologue));
        expect(whole.longestCustomerStory).toBe(Math.max(left.longestCustomerStory, right.longestCustomerStory));
        expect(whole.interactivityWeighted).toBe(left.interactivityWeighted + right.interactivityWeighted);
        expect(whole.patienceWeighted).toBe(left.patienceWeighted + right.patienceWeighted);
        expect(whole.questionRateWeighted).toBe(left.questionRateWeighted + right.questionRateWeighted);
        expect(whole.talkRatioWeighted).toBe(left.talkRatioWeighted + right.talkRatioWeighted);
        expect(addTotals(left, right)).toStrictEqual(whole);
        if (whole.calls > 0)
          expect(interactionStatsOf(addTotals(left, right))).toStrictEqual(interactionStatsOf(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('a window without calls has no totals, and so does each of its halves', () => {
    fc.assert(
      fc.property(splitWindow, ({ account, user, from, mid, to }) => {
        const whole = account.totals(user, from, to);
        fc.pre(whole === undefined);
        expect(account.totals(user, from, mid)).toBeUndefined();
        expect(account.totals(user, mid, to)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('the weighted mean of the whole lies between the means of the halves', () => {
    fc.assert(
      fc.property(splitWindow, ({ account, user, from, mid, to }) => {
        const left = account.totals(user, from, mid);
        const right = account.totals(user, mid, to);
        fc.pre(left !== undefined && right !== undefined);
        const whole = account.totals(user, from, to)!;
        const mean = (t: StatTotals) => t.interactivityWeighted / t.calls;
        expect(mean(whole)).toBeGreaterThanOrEqual(Math.min(mean(left!), mean(right!)));
        expect(mean(whole)).toBeLessThanOrEqual(Math.max(mean(left!), mean(right!)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the world is a pure function of its seed', () => {
  it('two createWorld calls with the same seed give the same users and the same totals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: FIRST, max: LAST - 40 }),
        fc.integer({ min: 1, max: 40 }),
        (seed, from, length) => {
          const a = createWorld({ seed, userCount: 12 });
          const b = createWorld({ seed, userCount: 12 });
          for (const [i, account] of a.accounts.entries()) {
            const other = b.accounts[i]!;
            expect(other.users().map((u) => u.gong)).toStrictEqual(account.users().map((u) => u.gong));
            for (const [k, user] of account.users().entries()) {
              expect(other.totals(other.users()[k]!, from, from + length)).toStrictEqual(
                account.totals(user, from, from + length),
              );
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('another seed gives other people', () => {
    const names = (seed: number) =>
      createWorld({ seed })
        .accounts[0]!.users()
        .map((u) => u.gong.emailAddress);
    expect(names(1)).not.toStrictEqual(names(2));
  });

  it('user k is the same whatever the number of users', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (small, extra) => {
        const few = createWorld({ seed: 42, userCount: small }).accounts[0]!.users();
        const many = createWorld({ seed: 42, userCount: small + extra }).accounts[0]!.users();
        expect(many.slice(0, small).map((u) => u.gong)).toStrictEqual(few.map((u) => u.gong));
      }),
      { numRuns: 20 },
    );
  });
});
