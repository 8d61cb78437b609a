/**
 * The default world is what the README's table says it is: the accounts in that order, the
 * healthy ones' names, zones and user counts, each other one's behaviour; and DEFAULT_ACCOUNTS
 * is the same world as account specs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID, DEFAULT_ACCOUNTS } from '../../src/world/account-spec.js';
import { DEFAULT_WORLD } from '../../src/world/default-world.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the README's table of the default world: id and description. */
function readmeRows(): Array<[string, string]> {
  const section = README.slice(README.indexOf('## The default world'), README.indexOf('## Your own data'));
  return [...section.matchAll(/^\| `([0-9a-f-]{36})` \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!]);
}

/** The behaviour each README description starts with, as the document names it. */
const BEHAVIOUR_WORDS: Record<string, string> = {
  'credentials revoked': 'credentials-revoked',
  'rate limited': 'rate-limited',
  blocked: 'account-blocked',
  looping: 'looping',
  flaky: 'flaky',
  slow: 'slow',
};

describe('the default world', () => {
  it('has the README’s seed, and its accounts in the README’s order', () => {
    expect(README).toContain('## The default world\n\nSeed 42.');
    expect(DEFAULT_WORLD.seed).toBe(42);
    const rows = readmeRows();
    expect(rows).toHaveLength(10);
    expect(DEFAULT_WORLD.accounts!.map((account) => account.id)).toEqual(rows.map(([id]) => id));
    expect(DEFAULT_ACCOUNT_ID).toBe(rows[0]![0]);
  });

  it('each account is as its row says: name, zone and users of the healthy, the behaviour of the others', () => {
    const rows = readmeRows();
    for (const [i, account] of DEFAULT_WORLD.accounts!.entries()) {
      const text = rows[i]![1];
      const healthy = /^(.+?), ([A-Za-z_/]+)(?: \([^)]*\))?, (\d+) users: healthy/.exec(text);
      if (healthy !== null) {
        expect([account.name, account.timeZone, account.generatedUsers, account.behavior]).toEqual([
          healthy[1],
          healthy[2],
          Number(healthy[3]),
          undefined,
        ]);
        continue;
      }
      if (text.startsWith('empty: no users')) {
        expect([account.generatedUsers, account.behavior]).toEqual([0, undefined]);
        continue;
      }
      const word = Object.keys(BEHAVIOUR_WORDS).find((w) => text.startsWith(`${w}:`));
      expect(word, text).toBeDefined();
      expect(account.behavior).toBe(BEHAVIOUR_WORDS[word!]);
      expect(account.generatedUsers).toBeGreaterThan(0);
    }
  });

  it('every account has a name, a domain of its own and a real zone', () => {
    const domains = new Set<string>();
    for (const account of DEFAULT_WORLD.accounts!) {
      expect(account.name).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(account.domain).toMatch(/^[a-z-]+\.[a-z]+$/);
      domains.add(account.domain!);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: account.timeZone })).not.toThrow();
    }
    expect(domains.size).toBe(10);
  });

  it('DEFAULT_ACCOUNTS is the same accounts as specs, a behaviour only where the document names one', () => {
    expect(DEFAULT_ACCOUNTS).toEqual(
      DEFAULT_WORLD.accounts!.map((account) => ({
        id: account.id,
        name: account.name,
        domain: account.domain,
        timeZone: account.timeZone,
        userCount: account.generatedUsers,
        ...(account.behavior === undefined ? {} : { behavior: account.behavior }),
      })),
    );
    expect(DEFAULT_ACCOUNTS.filter((account) => 'behavior' in account)).toHaveLength(6);
    expect(DEFAULT_ACCOUNTS.find((a) => a.id === 'e0e00000-0000-4000-8000-000000000000')?.userCount).toBe(0);
  });
});
