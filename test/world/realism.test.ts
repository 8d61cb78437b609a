/**
 * The world looks like a real sales team: stats in the ranges Gong's users see (FACTS.md),
 * reps that differ in believable ways, people without calls left out of a window; and faker
 * is only ever used through the world's own seeded instances.
 */
import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peopleInteractionStats } from '../../src/gong/list-interaction-stats.js';
import type { StatsRequest } from '../../src/gong/parse-stats-request.js';
import type { GongPersonInteractionStats } from '../../src/schema-types.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { parseIsoDate } from '../../src/world/calendar.js';
import { createWorld, type WorldAccount } from '../../src/world/world.js';

/** The ranges of FACTS.md, by Gong stat name. */
const RANGES: Record<string, [number, number]> = {
  'Longest Monologue': [45, 300],
  'Longest Customer Story': [20, 240],
  Interactivity: [0, 10],
  Patience: [0.3, 2.5],
  'Question Rate': [4, 25],
  'Talk Ratio': [0, 1],
};

function day(date: string): number {
  return parseIsoDate(date) as number;
}

function request(fromDate: string, toDate: string): StatsRequest {
  const [fromDay, toDay] = [day(fromDate), day(toDate)];
  return { fromDay, toDay, fromDate: fromDay, toDate: toDay, userIds: undefined, cursor: undefined, filterKey: '' };
}

function statsOf(person: GongPersonInteractionStats): Record<string, number> {
  return Object.fromEntries(person.personInteractionStats.map((stat) => [stat.name, stat.value]));
}

const world = createWorld({ seed: 42 });
const acme = world.account(DEFAULT_ACCOUNT_ID) as WorldAccount;
const october = peopleInteractionStats(acme, request('2026-10-01', '2026-11-01'));

describe('realistic values', () => {
  it('every stat of every user lies in the range Gong users see, for any window and account', () => {
    const accounts = world.accounts.filter((account) => account.userCount > 0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: accounts.length - 1 }),
        fc.integer({ min: day('2020-01-01'), max: day('2026-11-01') }),
        fc.integer({ min: 1, max: 92 }),
        (a, from, length) => {
          const account = accounts[a]!;
          const people = peopleInteractionStats(account, {
            ...request('2026-01-01', '2026-01-02'),
            fromDay: from,
            toDay: from + length,
          });
          for (const person of people) {
            expect(person.personInteractionStats.map((stat) => stat.name)).toStrictEqual(Object.keys(RANGES));
            for (const { name, value } of person.personInteractionStats) {
              const [low, high] = RANGES[name]!;
              expect(value, `${name} of ${person.userId}`).toBeGreaterThanOrEqual(low);
              expect(value, `${name} of ${person.userId}`).toBeLessThanOrEqual(high);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('durations are whole seconds; scores, patience and rates have at most two decimals', () => {
    for (const person of october) {
      const stats = statsOf(person);
      expect(Number.isInteger(stats['Longest Monologue'])).toBe(true);
      expect(Number.isInteger(stats['Longest Customer Story'])).toBe(true);
      for (const name of ['Interactivity', 'Patience', 'Question Rate', 'Talk Ratio']) {
        expect(Math.round(stats[name]! * 100) / 100).toBe(stats[name]);
      }
    }
  });

  it('users differ: a strong and a weak rep exist, and the strong one does better on every stat', () => {
    const byId = new Map(acme.users().map((user) => [user.gong.id, user]));
    const ranked = [...october].sort((a, b) => byId.get(a.userId)!.profile.skill - byId.get(b.userId)!.profile.skill);
    const weak = ranked[0]!;
    const strong = ranked.at(-1)!;
    expect(byId.get(strong.userId)!.profile.skill).toBeGreaterThan(0.6);
    expect(byId.get(weak.userId)!.profile.skill).toBeLessThan(-0.6);
    const [s, w] = [statsOf(strong), statsOf(weak)];
    expect(s['Question Rate']).toBeGreaterThan(w['Question Rate']!);
    expect(s['Interactivity']).toBeGreaterThan(w['Interactivity']!);
    expect(s['Patience']).toBeGreaterThan(w['Patience']!);
    expect(s['Longest Customer Story']).toBeGreaterThan(w['Longest Customer Story']!);
    expect(s['Longest Monologue']).toBeLessThan(w['Longest Monologue']!);
    expect(s['Talk Ratio']).toBeLessThan(w['Talk Ratio']!);
  });

  it('values spread across the team, not around one number', () => {
    const spread = (name: string) => {
      const values = october.map((person) => statsOf(person)[name]!);
      return Math.max(...values) - Math.min(...values);
    };
    expect(spread('Interactivity')).toBeGreaterThan(2);
    expect(spread('Question Rate')).toBeGreaterThan(6);
    expect(spread('Patience')).toBeGreaterThan(0.5);
    expect(spread('Longest Monologue')).toBeGreaterThan(60);
    expect(spread('Talk Ratio')).toBeGreaterThan(0.1);
    expect(new Set(october.map((person) => statsOf(person)['Interactivity'])).size).toBeGreaterThan(october.length / 4);
  });

  it('users without calls in a window are left out: people who left, weeks off, weekends', () => {
    const users = acme.users();
    expect(october.length).toBeLessThan(users.length);
    expect(october.length).toBeGreaterThan(users.length / 2);
    const present = new Set(october.map((person) => person.userId));
    // Someone who left the company before October has no calls in it.
    const left = users.filter((user) => user.endDay <= day('2026-10-01'));
    expect(left.length).toBeGreaterThan(0);
    for (const user of left) expect(present.has(user.gong.id)).toBe(false);
    // A Saturday has far fewer people on calls than a Wednesday.
    const saturday = peopleInteractionStats(acme, request('2026-10-03', '2026-10-04'));
    const wednesday = peopleInteractionStats(acme, request('2026-10-07', '2026-10-08'));
    expect(saturday.length).toBeGreaterThan(0);
    expect(saturday.length * 5).toBeLessThan(wednesday.length);
    // Before anyone joined, nobody.
    expect(peopleInteractionStats(acme, request('2018-06-01', '2018-07-01'))).toStrictEqual([]);
  });

  it('users look like people: names, unique addresses on the company domain, titles, phones', () => {
    const users = acme.users().map((user) => user.gong);
    expect(new Set(users.map((user) => user.emailAddress)).size).toBe(users.length);
    expect(new Set(users.map((user) => user.id)).size).toBe(users.length);
    for (const user of users) {
      expect(user.emailAddress).toMatch(/^[a-z.]+\d*@acme-widgets\.com$/);
      expect(user.firstName).toMatch(/^\p{L}/u);
      expect(user.lastName).toMatch(/^\p{L}/u);
      expect(user.title).toBeTruthy();
      expect(user.id).toMatch(/^\d{15}$/);
    }
    expect(new Set(users.map((user) => user.firstName)).size).toBeGreaterThan(users.length / 3);
  });
});

describe('faker only through seeded instances', () => {
  const snapshot = (seed: number) =>
    createWorld({ seed })
      .accounts.slice(0, 3)
      .map((account) => account.users().map((user) => user.gong));

  it('reseeding or using the global faker does not change the world', () => {
    faker.seed(1);
    const first = snapshot(42);
    faker.seed(987_654);
    faker.person.fullName();
    faker.helpers.arrayElement([1, 2, 3]);
    const second = snapshot(42);
    expect(second).toStrictEqual(first);
  });

  it('making a world leaves the global faker where it was', () => {
    faker.seed(5);
    const expected = [faker.person.firstName(), faker.number.int()];
    faker.seed(5);
    snapshot(7);
    expect([faker.person.firstName(), faker.number.int()]).toStrictEqual(expected);
  });

  it('accounts do not depend on the order they are generated in', () => {
    const forwards = createWorld({ seed: 42 });
    const backwards = createWorld({ seed: 42 });
    const ids = forwards.accounts.map((account) => account.id);
    const a = ids.map((id) =>
      forwards
        .account(id)!
        .users()
        .map((user) => user.gong),
    );
    const b = [...ids]
      .reverse()
      .map((id) =>
        backwards
          .account(id)!
          .users()
          .map((user) => user.gong),
      )
      .reverse();
    expect(b).toStrictEqual(a);
  });
});
