/**
 * Users' names, addresses and Gong records are drawn when first read; what is read, and in
 * which order, must never change them.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/world/world.js';

const USERS = 3_000;

function accountOf(seed: number) {
  return createWorld({ seed, userCount: USERS }).accounts[0]!;
}

describe('users drawn when read', () => {
  it('gives every user a distinct address: a repeated name gets a number, as it would in a company', () => {
    const addresses = accountOf(42)
      .users()
      .map((user) => user.emailAddress);
    expect(new Set(addresses).size).toBe(addresses.length);
    // Among 3,000 people drawn from English names some share one; the second gets a number.
    expect(addresses.filter((address) => /\d@/.test(address)).length).toBeGreaterThan(0);
  });

  it('gives the same address and record whatever is read first, and in whatever order', () => {
    const inOrder = accountOf(7).users();
    const expected = inOrder.map((user) => JSON.stringify(user.gong));
    const backwards = accountOf(7).users();
    for (let i = backwards.length - 1; i >= 0; i -= 97) expect(JSON.stringify(backwards[i]!.gong)).toBe(expected[i]);
    const lastFirst = accountOf(7).users();
    expect(lastFirst[USERS - 1]!.emailAddress).toBe(inOrder[USERS - 1]!.emailAddress);
    expect(lastFirst.map((user) => JSON.stringify(user.gong))).toEqual(expected);
  });

  it('keeps the record consistent with what the stats report', () => {
    for (const user of accountOf(42).users().slice(0, 50)) {
      expect(user.gong.id).toBe(user.id);
      expect(user.gong.emailAddress).toBe(user.emailAddress);
    }
  });
});
