/**
 * From window totals to Gong's stats, and the world's fingerprint: what each one reads.
 */
import { describe, expect, it } from 'vitest';
import { GONG_STAT_NAMES, interactionStatsOf } from '../../src/world/interaction-stats.js';
import { resolveWorldDocument } from '../../src/world/resolve-world-document.js';
import type { WorldDocument } from '../../src/generated/world-document.js';

describe('interactionStatsOf', () => {
  it('copies the maxima and turns the call-weighted sums (hundredths) into means to two decimals', () => {
    expect(GONG_STAT_NAMES).toEqual([
      'Longest Monologue',
      'Longest Customer Story',
      'Interactivity',
      'Patience',
      'Question Rate',
      'Talk Ratio',
    ]);
    expect(
      interactionStatsOf({
        calls: 3,
        longestMonologue: 181,
        longestCustomerStory: 95.5,
        interactivityWeighted: 1000, // 333.33 hundredths: 3.33
        patienceWeighted: 452, // 150.67: 1.51
        questionRateWeighted: 3300, // 1100: 11
        talkRatioWeighted: 170, // 56.67: 0.57
      }),
    ).toEqual([
      { name: 'Longest Monologue', value: 181 },
      { name: 'Longest Customer Story', value: 95.5 },
      { name: 'Interactivity', value: 3.33 },
      { name: 'Patience', value: 1.51 },
      { name: 'Question Rate', value: 11 },
      { name: 'Talk Ratio', value: 0.57 },
    ]);
  });
});

describe('the world fingerprint', () => {
  const ID = '0d6e9a3c-5b1f-4c2a-8e7d-9f0a1b2c3d4e';
  const base: WorldDocument = {
    seed: 1,
    accounts: [
      {
        id: ID,
        name: 'N',
        domain: 'n.example',
        timeZone: 'UTC',
        generatedUsers: 2,
        users: [
          {
            id: '11',
            firstName: 'A',
            lastName: 'B',
            email: 'a@n.example',
            title: 'T',
            profile: 'strong',
            days: { '2026-10-05': { calls: 2 }, '2026-10-01': { calls: 1 } },
          },
          { id: '12', managerId: '11' },
        ],
      },
    ],
  };

  function fingerprint(document: WorldDocument): string {
    const resolved = resolveWorldDocument(document);
    if (!('world' in resolved)) throw new Error(JSON.stringify(resolved.problems));
    return resolved.world.fingerprint;
  }

  const account = base.accounts![0]!;
  const user = account.users![0]!;
  const withAccount = (change: object): WorldDocument => ({ ...base, accounts: [{ ...account, ...change }] });
  const withUser = (change: object): WorldDocument =>
    withAccount({ users: [{ ...user, ...change }, account.users![1]!] });

  it('is 16 hex digits, the same for the same world whatever the key order', () => {
    const fp = fingerprint(base);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    const reordered = withUser({ days: { '2026-10-01': { calls: 1 }, '2026-10-05': { calls: 2 } } });
    expect(fingerprint(reordered)).toBe(fp);
    expect(fingerprint({ accounts: base.accounts, seed: 1 })).toBe(fp);
  });

  it.each<[string, WorldDocument]>([
    ['the seed', { ...base, seed: 2 }],
    ['the account’s name', withAccount({ name: 'M' })],
    ['its domain', withAccount({ domain: 'm.example' })],
    ['its zone', withAccount({ timeZone: 'Europe/Berlin' })],
    ['its behaviour', withAccount({ behavior: 'flaky' })],
    ['its generated users', withAccount({ generatedUsers: 3 })],
    ['a user’s id', withAccount({ users: [user, { id: '13', managerId: '11' }] })],
    ['a first name', withUser({ firstName: 'C' })],
    ['a last name', withUser({ lastName: 'C' })],
    ['an address', withUser({ email: 'c@n.example' })],
    ['a title', withUser({ title: 'U' })],
    ['whether active', withUser({ active: false })],
    ['a profile', withUser({ profile: 'weak' })],
    ['a pinned day’s value', withUser({ days: { '2026-10-05': { calls: 3 }, '2026-10-01': { calls: 1 } } })],
    ['a pinned day’s date', withUser({ days: { '2026-10-06': { calls: 2 }, '2026-10-01': { calls: 1 } } })],
    ['a manager', withAccount({ users: [user, { id: '12' }] })],
  ])('changes with %s, in both of its halves', (_name, document) => {
    const [changed, was] = [fingerprint(document), fingerprint(base)];
    expect(changed.slice(0, 8)).not.toBe(was.slice(0, 8));
    expect(changed.slice(8)).not.toBe(was.slice(8));
  });
});
