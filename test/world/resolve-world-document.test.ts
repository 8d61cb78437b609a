/**
 * A world document resolved: the defaults it leaves to the kit (a company's name drawn from
 * its key, a domain made of its name), and a frozen document resolved once per seed and user
 * count.
 */
import { describe, expect, it } from 'vitest';
import { resolveWorldDocument } from '../../src/world/resolve-world-document.js';
import type { ResolvedWorld } from '../../src/world/resolved-world.js';

const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';

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

describe('what a document states', () => {
  it('its now is read as an instant; a world without one has none', () => {
    expect(worldOf({ now: '2026-11-24T00:00:00+01:00' }).now).toBe(Date.UTC(2026, 10, 23, 23));
    expect(worldOf({}).now).toBeUndefined();
  });
});

describe('a frozen document', () => {
  const frozen = Object.freeze({ seed: 3, accounts: Object.freeze([Object.freeze({ id: ID, generatedUsers: 2 })]) });

  it('is resolved once for each seed and user count, and kept', () => {
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
    expect(worldOf(frozen)).toBe(first);
  });

  it('one that can change is resolved again every time', () => {
    const document = { seed: 3, accounts: [{ id: ID, generatedUsers: 2 }] };
    const first = worldOf(document);
    expect(worldOf(document)).not.toBe(first);
    expect(worldOf(document)).toEqual(first);
  });
});
