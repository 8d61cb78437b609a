/**
 * createWorld's options: the seed and user-count checks with their words, the older
 * `accounts` option, the document served back (the options applied), and account lookup.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID, DEFAULT_ACCOUNTS, type AccountSpec } from '../../src/world/account-spec.js';
import { DEFAULT_WORLD } from '../../src/world/default-world.js';
import { createWorld, WorldOptionsError, type WorldOptions } from '../../src/world/world.js';

function problemsOf(options: WorldOptions): string[] {
  try {
    createWorld(options);
  } catch (error) {
    if (!(error instanceof WorldOptionsError)) throw error;
    expect(error.name).toBe('WorldOptionsError');
    expect(error.message).toBe(error.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
    return error.message.split('\n');
  }
  return [];
}

const BERLIN: AccountSpec = {
  id: '0d6e9a3c-5b1f-4c2a-8e7d-9f0a1b2c3d4e',
  name: 'Flaky Ltd',
  domain: 'flaky.example',
  timeZone: 'Europe/Berlin',
  userCount: 3,
  behavior: 'flaky',
};

describe('createWorld', () => {
  it.each<[string, WorldOptions, string[]]>([
    ['seed 0', { seed: 0 }, []],
    ['userCount 0', { userCount: 0 }, []],
    ['userCount 100000', { userCount: 100_000, accounts: [] }, []],
    ['a negative seed', { seed: -1 }, ['seed: must be a non-negative integer, got -1']],
    ['a fractional seed', { seed: 1.5 }, ['seed: must be a non-negative integer, got 1.5']],
    ['an unsafe seed', { seed: 2 ** 53 }, ['seed: must be a non-negative integer, got 9007199254740992']],
    ['a negative userCount', { userCount: -1 }, ['userCount: must be an integer from 0 to 100000, got -1']],
    ['a fractional userCount', { userCount: 0.5 }, ['userCount: must be an integer from 0 to 100000, got 0.5']],
    ['userCount 100001', { userCount: 100_001 }, ['userCount: must be an integer from 0 to 100000, got 100001']],
    [
      'both wrong',
      { seed: -2, userCount: -3 },
      ['seed: must be a non-negative integer, got -2', 'userCount: must be an integer from 0 to 100000, got -3'],
    ],
  ])('%s', (_name, options, problems) => {
    expect(problemsOf(options)).toEqual(problems);
  });

  it('serves the default document with its seed when given none', () => {
    const world = createWorld();
    expect(world.seed).toBe(42);
    expect(world.document).toEqual({ ...DEFAULT_WORLD, seed: 42 });
    expect(world.accounts.map((account) => account.id)).toEqual(DEFAULT_ACCOUNTS.map((account) => account.id));
  });

  it('a userCount replaces every generated count in the served document; an account with none stays empty', () => {
    const world = createWorld({ userCount: 4, seed: 9 });
    expect(world.seed).toBe(9);
    expect(world.document.seed).toBe(9);
    const counts = world.document.accounts!.map((account) => account.generatedUsers);
    const before = DEFAULT_WORLD.accounts!.map((account) => account.generatedUsers);
    expect(counts).toEqual(before.map((count) => ((count ?? 0) === 0 ? count : 4)));
    expect(counts).toContain(4);
    expect(world.accounts.map((account) => account.userCount)).toEqual(
      before.map((count) => ((count ?? 0) === 0 ? 0 : 4)),
    );
    expect(world.account(DEFAULT_ACCOUNT_ID)!.users()).toHaveLength(4);
  });

  it('a userCount over a document without accounts serves that document as it is, with no account', () => {
    const world = createWorld({ document: { seed: 5 }, userCount: 4 });
    expect(world.document).toEqual({ seed: 5 });
    expect(world.accounts).toEqual([]);
  });

  it('the accounts option takes the place of the document’s accounts, behaviour kept when named', () => {
    const plain: AccountSpec = { ...BERLIN, id: '1d6e9a3c-5b1f-4c2a-8e7d-9f0a1b2c3d4e', behavior: undefined };
    const world = createWorld({ accounts: [BERLIN, plain] });
    expect(world.document.accounts).toEqual([
      {
        id: BERLIN.id,
        name: 'Flaky Ltd',
        domain: 'flaky.example',
        timeZone: 'Europe/Berlin',
        generatedUsers: 3,
        behavior: 'flaky',
      },
      { id: plain.id, name: 'Flaky Ltd', domain: 'flaky.example', timeZone: 'Europe/Berlin', generatedUsers: 3 },
    ]);
    expect('behavior' in world.document.accounts![1]!).toBe(false);
    const [berlin] = world.accounts;
    expect(berlin).toMatchObject({
      id: BERLIN.id,
      name: 'Flaky Ltd',
      domain: 'flaky.example',
      timeZone: 'Europe/Berlin',
      behavior: 'flaky',
      userCount: 3,
    });
    expect(berlin!.zone.formatInstant(Date.UTC(2026, 0, 1))).toBe('2026-01-01T01:00:00+01:00');
    expect(berlin!.users()[0]!.gong.meetingConsentPageUrl).toMatch(/^https:\/\/join\.gong\.io\/flaky\/[a-z.]+\?tkn=/);
    expect(berlin!.users().map((user) => user.emailAddress.endsWith('@flaky.example'))).toEqual([true, true, true]);
    expect(berlin!.users()).toBe(berlin!.users());
    expect(Object.isFrozen(berlin!.users())).toBe(true);
  });

  it('finds an account by its id in any case, and nothing for an unknown id', () => {
    const world = createWorld();
    const acme = world.account(DEFAULT_ACCOUNT_ID);
    expect(acme?.name).toBe('Acme Widgets');
    expect(world.account(DEFAULT_ACCOUNT_ID.toUpperCase())).toBe(acme);
    expect(world.account('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('totals are undefined for a window without calls, and hasCalls agrees', () => {
    const acme = createWorld().account(DEFAULT_ACCOUNT_ID)!;
    const user = acme.users()[0]!;
    expect(acme.totals(user, user.firstDay - 10, user.firstDay)).toBeUndefined();
    expect(acme.hasCalls(user, user.firstDay - 10, user.firstDay)).toBe(false);
    const from = user.firstDay + 400;
    const totals = acme.totals(user, from, from + 60);
    expect(totals?.calls).toBeGreaterThan(0);
    expect(acme.hasCalls(user, from, from + 60)).toBe(true);
  });
});
