/**
 * A world document that cannot be served gets every problem as data: its place in the
 * document and one sentence. Never a throw from the checker, whatever it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveWorldDocument } from '../../src/world/resolve-world-document.js';
import { formatWorldProblem } from '../../src/world/world-problems.js';
import { createWorld, WorldOptionsError } from '../../src/world/world.js';

const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';

function problemsOf(document: unknown): string[] {
  const resolved = resolveWorldDocument(document);
  return 'problems' in resolved ? resolved.problems.map(formatWorldProblem) : [];
}

function withUser(user: Record<string, unknown>, account: Record<string, unknown> = {}): unknown {
  return { accounts: [{ id: ID, ...account, users: [user] }] };
}

describe('each bad input is one clear message at its place', () => {
  it.each<[string, unknown, string]>([
    [
      'a typo of a key',
      { accounts: [{ id: ID, timezone: 'UTC' }] },
      'accounts[0].timezone: unknown key (did you mean timeZone?)',
    ],
    ['an unknown top-level key', { seeds: 7 }, 'seeds: unknown key (did you mean seed?)'],
    [
      'a key far from any',
      { accounts: [{ id: ID, colour: 'red' }] },
      'accounts[0].colour: unknown key (the keys here are id, name, domain, timeZone, behavior, generatedUsers, mapping, users)',
    ],
    [
      'a bad UUID',
      { accounts: [{ id: 'not-a-uuid' }] },
      'accounts[0].id: must be a UUID such as 5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90',
    ],
    ['a missing account id', { accounts: [{ name: 'X' }] }, 'accounts[0].id: is required'],
    [
      'an unknown time zone',
      { accounts: [{ id: ID, timeZone: 'Mars/Olympus' }] },
      'accounts[0].timeZone: Mars/Olympus is not an IANA time zone (such as Europe/Berlin)',
    ],
    [
      'an empty time zone',
      { accounts: [{ id: ID, timeZone: '' }] },
      'accounts[0].timeZone: must be an IANA time zone such as Europe/Berlin, not empty',
    ],
    [
      'an unknown behavior',
      { accounts: [{ id: ID, behavior: 'grumpy' }] },
      'accounts[0].behavior: must be one of healthy, credentials-revoked, rate-limited, account-blocked, looping, flaky, slow, connection-reset, empty-response, truncated-body, malformed-body, slow-body, no-response',
    ],
    [
      'duplicate account ids (in any case)',
      { accounts: [{ id: ID }, { id: ID.toUpperCase() }] },
      `accounts[1].id: ${ID.toUpperCase()} is already the id of accounts[0]`,
    ],
    [
      'a default account listed again',
      { include: 'default', accounts: [{ id: '62f44730-dd91-461e-bd6a-aedd9e0ad79d' }] },
      'accounts[0].id: 62f44730-dd91-461e-bd6a-aedd9e0ad79d is already the id of a default account (include: default)',
    ],
    [
      'duplicate user ids',
      { accounts: [{ id: ID, users: [{ id: '1' }, { id: '1' }] }] },
      'accounts[0].users[1].id: 1 is already the id of users[0]',
    ],
    [
      'duplicate emails',
      { accounts: [{ id: ID, users: [{ email: 'a@x.example' }, { email: 'A@x.example' }] }] },
      'accounts[0].users[1].email: already the email of users[0]',
    ],
    [
      'a user id as a bare number',
      withUser({ id: 7010000000000000001 }),
      'accounts[0].users[0].id: must be a Gong user id: a string of 1 to 19 digits in quotes (a bare number loses digits)',
    ],
    [
      'a manager who is not a user of the account',
      withUser({ id: '1', managerId: '2' }),
      'accounts[0].users[0].managerId: 2 is not a user of this account',
    ],
    [
      'a user managing themselves',
      withUser({ id: '1', managerId: '1' }),
      'accounts[0].users[0].managerId: a user cannot be their own manager',
    ],
    [
      'an impossible date',
      withUser({ days: { '2026-02-30': { calls: 1 } } }),
      'accounts[0].users[0].days.2026-02-30: 2026-02-30 is not a date in the calendar',
    ],
    [
      'a date that is not one',
      withUser({ days: { '5 Oct': { calls: 1 } } }),
      'accounts[0].users[0].days.5 Oct: is not a date (2026-10-05) or a range of dates (2026-10-20/2026-10-24)',
    ],
    [
      'a range the wrong way round',
      withUser({ days: { '2026-10-24/2026-10-20': { calls: 0 } } }),
      'accounts[0].users[0].days.2026-10-24/2026-10-20: the range ends before it begins (write 2026-10-20/2026-10-24)',
    ],
    [
      'a range of more than ten years',
      withUser({ days: { '2000-01-01/2026-01-01': { calls: 0 } } }),
      'accounts[0].users[0].days.2000-01-01/2026-01-01: a range may cover at most 3660 days',
    ],
    [
      'a day pinned twice',
      withUser({ days: { '2026-10-20/2026-10-24': { calls: 0 }, '2026-10-22': { calls: 1 } } }),
      'accounts[0].users[0].days.2026-10-22: 2026-10-22 is already pinned by 2026-10-20/2026-10-24',
    ],
    [
      'negative calls',
      withUser({ days: { '2026-10-05': { calls: -1 } } }),
      'accounts[0].users[0].days.2026-10-05.calls: must be a whole number from 0 to 1000',
    ],
    [
      'fractional calls',
      withUser({ days: { '2026-10-05': { calls: 1.5 } } }),
      'accounts[0].users[0].days.2026-10-05.calls: must be a whole number from 0 to 1000',
    ],
    [
      'a day without calls',
      withUser({ days: { '2026-10-05': { patience: 0.4 } } }),
      'accounts[0].users[0].days.2026-10-05.calls: is required',
    ],
    [
      'stats on a day with no calls',
      withUser({ days: { '2026-10-05': { calls: 0, patience: 0.4 } } }),
      'accounts[0].users[0].days.2026-10-05.patience: a day with calls: 0 carries no other stat',
    ],
    [
      'a stat that is not a number',
      withUser({ days: { '2026-10-05': { calls: 1, patience: 'high' } } }),
      'accounts[0].users[0].days.2026-10-05.patience: must be a number from -1000000 to 1000000',
    ],
    [
      'a stat that is not finite',
      withUser({ days: { '2026-10-05': { calls: 1, patience: Number.NaN } } }),
      'accounts[0].users[0].days.2026-10-05.patience: must be a number from -1000000 to 1000000',
    ],
    [
      'a negative longest monologue',
      withUser({ days: { '2026-10-05': { calls: 1, longestMonologue: -3 } } }),
      'accounts[0].users[0].days.2026-10-05.longestMonologue: must be a number of seconds from 0 to 1000000',
    ],
    [
      'an unknown profile',
      withUser({ profile: 'lazy' }),
      'accounts[0].users[0].profile: must be one of strong, average, weak, inactive',
    ],
    [
      'a now that is no instant',
      { now: '2026-02-30T00:00:00Z' },
      'now: 2026-02-30T00:00:00Z is not an instant in the calendar',
    ],
    ['a now in another form', { now: 'yesterday' }, 'now: must be an RFC 3339 date-time such as 2026-11-24T00:00:00Z'],
    ['a negative seed', { seed: -1 }, 'seed: must be >= 0'],
    ['not a mapping at all', 'seed: 7', '(the document): must be a mapping of keys to values'],
    ['accounts not a list', { accounts: { id: ID } }, 'accounts: must be a list'],
  ])('%s', (_name, document, message) => {
    expect(problemsOf(document)).toContain(message);
  });

  it('checks the meaning of the well-shaped accounts even when another has a problem of shape', () => {
    const problems = problemsOf({
      accounts: [
        { id: ID, timezone: 'UTC' },
        { id: '6c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90', timeZone: 'Mars/X', users: [{ managerId: '9' }] },
      ],
    });
    expect(problems).toEqual([
      'accounts[0].timezone: unknown key (did you mean timeZone?)',
      'accounts[1].timeZone: Mars/X is not an IANA time zone (such as Europe/Berlin)',
      'accounts[1].users[0].managerId: 9 is not a user of this account',
    ]);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf({
      accounts: [{ id: ID, timeZone: 'Nowhere/Land', users: [{ id: '1', managerId: '9' }, { id: '1' }] }],
    });
    expect(problems).toHaveLength(3);
  });

  it('createWorld throws WorldOptionsError carrying the problems, its message one line each', () => {
    let caught: unknown;
    try {
      createWorld({ document: { accounts: [{ id: 'x' }], seeds: 1 } as never });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(WorldOptionsError);
    expect((caught as WorldOptionsError).problems).toHaveLength(2);
    expect((caught as Error).message.split('\n')).toHaveLength(2);
  });
});

describe('the checker, fed anything', () => {
  it('always gives a verdict and never throws (random values)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withDate: true }),
        (value) => {
          const resolved = resolveWorldDocument(value);
          expect('world' in resolved || resolved.problems.length > 0).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  const day = fc.record(
    { calls: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double()), patience: fc.oneof(fc.double(), fc.string()) },
    { requiredKeys: [] },
  );
  const user = fc.record(
    {
      id: fc.oneof(fc.constantFrom('1', '2', '3'), fc.integer()),
      managerId: fc.constantFrom('1', '2', '9', 'x'),
      profile: fc.constantFrom('strong', 'inactive', 'nope'),
      days: fc.dictionary(
        fc.oneof(
          fc.constantFrom('2026-10-05', '2026-10-01/2026-10-09', '2026-02-30', '2026-10-09/2026-10-01'),
          fc.string(),
        ),
        day,
      ),
      active: fc.oneof(fc.boolean(), fc.string()),
    },
    { requiredKeys: [] },
  );
  const document = fc.record(
    {
      seed: fc.oneof(fc.nat(), fc.double(), fc.string()),
      now: fc.oneof(fc.constant('2026-11-24T00:00:00Z'), fc.string()),
      include: fc.constantFrom('default', 'all'),
      accounts: fc.array(
        fc.record(
          {
            id: fc.oneof(fc.uuid(), fc.string()),
            timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kathmandu', 'Nowhere/Land', ''),
            generatedUsers: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.double()),
            users: fc.array(user, { maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: [] },
  );

  it('always gives a verdict and never throws (documents near the real shape)', () => {
    fc.assert(
      fc.property(document, (value) => {
        const resolved = resolveWorldDocument(value);
        if ('problems' in resolved) {
          expect(resolved.problems.length).toBeGreaterThan(0);
          for (const problem of resolved.problems) expect(formatWorldProblem(problem)).toMatch(/^\S.*: \S/);
        } else {
          // A document judged good builds a world and answers for every account.
          const world = createWorld({ document: value as never });
          for (const account of world.accounts) account.users();
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('problems as data: the path a door places them by, and whether the key itself is wrong', () => {
  const problemsAsData = (document: unknown) => {
    const resolved = resolveWorldDocument(document);
    return 'problems' in resolved ? resolved.problems : [];
  };

  it.each<[string, unknown, unknown[]]>([
    [
      'an unknown top-level key',
      { seeds: 7 },
      [{ path: ['seeds'], message: 'unknown key (did you mean seed?)', atKey: true }],
    ],
    [
      'a key in other capitals, however many letters differ',
      { accounts: [{ id: ID, TIMEZONE: 'UTC' }] },
      [{ path: ['accounts', 0, 'TIMEZONE'], message: 'unknown key (did you mean timeZone?)', atKey: true }],
    ],
    [
      'a key two letters short',
      { accounts: [{ id: ID, generatedUse: 1 }] },
      [{ path: ['accounts', 0, 'generatedUse'], message: 'unknown key (did you mean generatedUsers?)', atKey: true }],
    ],
    [
      'a day key that is no date: one problem, at the key',
      withUser({ days: { '5 Oct': { calls: 1 } } }),
      [
        {
          path: ['accounts', 0, 'users', 0, 'days', '5 Oct'],
          message: 'is not a date (2026-10-05) or a range of dates (2026-10-20/2026-10-24)',
          atKey: true,
        },
      ],
    ],
    [
      'a bad value under a range (its key holds a slash)',
      withUser({ days: { '2026-10-20/2026-10-24': { calls: 1.5 } } }),
      [
        {
          path: ['accounts', 0, 'users', 0, 'days', '2026-10-20/2026-10-24', 'calls'],
          message: 'must be a whole number from 0 to 1000',
        },
      ],
    ],
  ])('%s', (_name, document, problems) => {
    expect(problemsAsData(document)).toEqual(problems);
  });

  it('a key three edits from every known one gets the list, not a guess', () => {
    // sxxdq: two letters changed and one added from seed.
    expect(problemsOf({ sxxdq: 1 })).toEqual([expect.stringMatching(/^sxxdq: unknown key \(the keys here are /)]);
  });
});
