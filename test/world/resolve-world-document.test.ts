/**
 * A world document resolved: the defaults it leaves to the kit (a company's name drawn from
 * its key, a domain made of its name, a user's id and activity), the user count an override
 * sets, the ids a stated user may not take, and a frozen document resolved once per seed and
 * user count.
 */
import { describe, expect, it } from 'vitest';
import { resolveWorldDocument } from '../../src/world/resolve-world-document.js';
import type { ResolvedWorld } from '../../src/world/resolved-world.js';

const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
const OTHER = '6c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';

function worldOf(document: unknown, overrides = {}): ResolvedWorld {
  const resolved = resolveWorldDocument(document, overrides);
  if (!('world' in resolved)) throw new Error(JSON.stringify(resolved.problems));
  return resolved.world;
}

describe('what an account leaves out', () => {
  it('a company without a name gets one drawn from its key, and a domain made of it', () => {
    const [account] = worldOf({ accounts: [{ id: ID }] }).accounts;
    expect(account).toMatchObject({
      name: 'Gutkowski - Block',
      domain: 'gutkowski-block.example',
      timeZone: 'UTC',
      behavior: 'healthy',
      generatedUsers: 0,
      users: [],
    });
  });

  it.each([
    ['Café Noir & Sons, Ltd.', 'cafe-noir-sons-ltd.example'],
    // An accent goes with its letter's decomposition (Über is uber); ß has none, so it is a sign.
    ['--Über-- Große Straße Holdings International Group Ltd--', 'uber-gro-e-stra-e-holdings-international.example'],
    ['Zoë Ångström', 'zoe-angstrom.example'],
    // At most 40 characters, and never a dash at the end after the cut.
    [`${'A'.repeat(39)} B`, `${'a'.repeat(39)}.example`],
    ['李王', 'company.example'],
  ])('the company %j gets the domain %s', (name, domain) => {
    expect(worldOf({ accounts: [{ id: ID, name }] }).accounts[0]!.domain).toBe(domain);
  });
});

describe('what a user leaves out', () => {
  it('a user stating nothing gets an id drawn from the account, is active, has no manager and no pins', () => {
    const [user] = worldOf({ accounts: [{ id: ID, users: [{}] }] }).accounts[0]!.users;
    // Strictly: what the user does not state is absent, not present as undefined.
    expect(user).toStrictEqual({ id: '659668865078128', active: true, managerId: null, days: new Map() });
  });

  it('a user stating everything keeps it as stated', () => {
    const stated = {
      id: '7',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@x.example',
      title: 'Analyst',
      active: false,
      managerId: '8',
      profile: 'weak',
    };
    const [user] = worldOf({ accounts: [{ id: ID, users: [stated, { id: '8' }] }] }).accounts[0]!.users;
    expect(user).toStrictEqual({ ...stated, days: new Map() });
  });
});

describe('the users an account generates', () => {
  it('the userCount option sets how many, for an account that generates any', () => {
    const document = { accounts: [{ id: ID, generatedUsers: 2 }, { id: OTHER }] };
    const accounts = worldOf(document, { userCount: 5 }).accounts;
    expect(accounts.map((account) => account.generatedUsers)).toEqual([5, 0]);
  });

  it('a stated user may not take the id of a generated one; the id after the last generated one is free', () => {
    // Ids of users #1, #2 and #3 of this account at seed 42 (user #0 is the stated one).
    const taken = resolveWorldDocument({
      accounts: [{ id: ID, generatedUsers: 2, users: [{ id: '659668875662216' }] }],
    });
    expect(taken).toEqual({
      problems: [
        { path: ['accounts', 0, 'users', 0, 'id'], message: '659668875662216 is also the id of generated user #2' },
      ],
    });
    const free = worldOf({ accounts: [{ id: ID, generatedUsers: 2, users: [{ id: '659668880954260' }] }] });
    expect(free.accounts[0]!.users.map((user) => user.id)).toEqual(['659668880954260']);
  });
});

describe('emails', () => {
  it('are told apart as lower case: straße and strasse are two addresses', () => {
    const users = [{ email: 'straße@x.example' }, { email: 'STRASSE@x.example' }];
    expect(worldOf({ accounts: [{ id: ID, users }] }).accounts[0]!.users.map((user) => user.email)).toEqual([
      'straße@x.example',
      'STRASSE@x.example',
    ]);
  });
});

describe('what a document states', () => {
  it('its now is read as an instant; a world without one has none', () => {
    expect(worldOf({ now: '2026-11-24T00:00:00+01:00' }).now).toBe(Date.UTC(2026, 10, 23, 23));
    expect(worldOf({}).now).toBeUndefined();
  });
});

describe('a frozen document', () => {
  it('is resolved once for each seed and user count, and kept', () => {
    // Made here, not once for the file: the resolutions kept for it must be this test's own.
    const frozen = Object.freeze({ seed: 3, accounts: Object.freeze([Object.freeze({ id: ID, generatedUsers: 2 })]) });
    const first = worldOf(frozen);
    expect(worldOf(frozen)).toBe(first);
    expect(worldOf(frozen, { seed: 3 })).toBe(first);
    const other = worldOf(frozen, { seed: 4 });
    expect(other).not.toBe(first);
    expect(other.seed).toBe(4);
    expect(worldOf(frozen, { seed: 4 })).toBe(other);
    const more = worldOf(frozen, { userCount: 5 });
    expect(more.accounts[0]!.generatedUsers).toBe(5);
    expect(worldOf(frozen, { userCount: 5 })).toBe(more);
    // Each user count is a resolution of its own, not one shared by every count.
    expect(worldOf(frozen, { userCount: 7 }).accounts[0]!.generatedUsers).toBe(7);
    expect(worldOf(frozen)).toBe(first);
  });

  it('one that can change is resolved again every time', () => {
    const document = { seed: 3, accounts: [{ id: ID, generatedUsers: 2 }] };
    const first = worldOf(document);
    expect(worldOf(document)).not.toBe(first);
    expect(worldOf(document)).toEqual(first);
  });
});
