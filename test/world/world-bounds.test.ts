/**
 * The two bounds a world document may not pass, each exactly at its edge: 100,000 users in
 * one account (stated and generated together, the userCount option included) and 2,000,000
 * pinned days in the world (ranges counted day by day).
 */
import { describe, expect, it } from 'vitest';
import { resolveWorldDocument } from '../../src/world/resolve-world-document.js';

const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';

const problemsOf = (document: unknown, overrides = {}) => {
  const resolved = resolveWorldDocument(document, overrides);
  return 'problems' in resolved ? resolved.problems : [];
};

const AT_MOST = {
  path: ['accounts', 0, 'generatedUsers'],
  message: 'an account may have at most 100000 users',
};

describe('users in one account', () => {
  it('100,000 are allowed, one stated and the rest generated', () => {
    expect(problemsOf({ accounts: [{ id: ID, generatedUsers: 99_999, users: [{}] }] })).toEqual([]);
  });

  it('100,001 are not', () => {
    expect(problemsOf({ accounts: [{ id: ID, generatedUsers: 100_000, users: [{}] }] })).toEqual([AT_MOST]);
  });

  it('nor when the userCount option makes them so, which the message names', () => {
    expect(problemsOf({ accounts: [{ id: ID, generatedUsers: 1, users: [{}] }] }, { userCount: 100_000 })).toEqual([
      {
        path: ['accounts', 0, 'generatedUsers'],
        message: 'with the userCount option (100000) and 1 stated users, this account has more than 100000 users',
      },
    ]);
  });

  it('nor 100,001 stated ones, the option aside (it sets only how many are generated)', () => {
    const users = Array.from({ length: 100_001 }, () => ({}));
    expect(problemsOf({ accounts: [{ id: ID, users }] }, { userCount: 5 })).toEqual([AT_MOST]);
  });
});

/** Days from 1000-01-01 pinned with no calls, in ranges of at most 3660 days (the longest). */
function pinnedDays(count: number): Record<string, { calls: number }> {
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const days: Record<string, { calls: number }> = {};
  for (let first = Date.UTC(1000, 0, 1), left = count; left > 0;) {
    const length = Math.min(left, 3660);
    days[`${iso(first)}/${iso(first + (length - 1) * day)}`] = { calls: 0 };
    first += length * day;
    left -= length;
  }
  return days;
}

describe('pinned days in the world', () => {
  it('2,000,000 are allowed', () => {
    // A user managing themselves: a problem of its own, so the world (slow to fingerprint at
    // this size) is not built, and it is the only problem.
    const users = [{ id: '1', managerId: '1', days: pinnedDays(2_000_000) }];
    expect(problemsOf({ accounts: [{ id: ID, users }] })).toEqual([
      { path: ['accounts', 0, 'users', 0, 'managerId'], message: 'a user cannot be their own manager' },
    ]);
  });

  it('2,000,001 are not, counted over every user', () => {
    const users = [{ days: pinnedDays(2_000_000) }, { days: { '2026-10-05': { calls: 1 } } }];
    expect(problemsOf({ accounts: [{ id: ID, users }] })).toEqual([
      {
        path: ['accounts'],
        message: 'a world may pin at most 2000000 days, ranges counted day by day (this one pins 2000001)',
      },
    ]);
  });
});
