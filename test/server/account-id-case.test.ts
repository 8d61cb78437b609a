/**
 * Integrated account ids are UUIDs, and UUIDs compare case-insensitively: an account configured
 * with upper-case letters answers on both APIs, whichever case a client writes.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/world/world.js';
import { DEFAULT_ACCOUNTS } from '../../src/world/account-spec.js';
import { AUTH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const UPPER = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
const accounts = [{ ...(DEFAULT_ACCOUNTS[0] as (typeof DEFAULT_ACCOUNTS)[number]), id: UPPER }];

describe('an account configured with an upper-case id', () => {
  const app = mockApp({ accounts });

  it.each([UPPER, UPPER.toLowerCase()])('answers the unified API asked for %s', async (id) => {
    const res = await request(app)
      .get(unifiedUrl(october({ integrated_account_id: id })))
      .set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body.result.length).toBeGreaterThan(0);
  });

  it.each([UPPER, UPPER.toLowerCase()])('answers the Gong API at the base URL naming %s', async (id) => {
    const res = await request(app).get(`/gong/${id}/v2/users`).auth('key', 'secret');
    expect(res.status).toBe(200);
    expect(res.body.users.length).toBeGreaterThan(0);
  });

  it('is stored lower-case, so the admin API and the debug envelope name it one way', async () => {
    const world = createWorld({ accounts });
    expect(world.accounts.map((account) => account.id)).toEqual([UPPER.toLowerCase()]);
    expect(world.account(UPPER)?.id).toBe(UPPER.toLowerCase());
  });

  it('counts two spellings of one id as one account listed twice', () => {
    const twice = [...accounts, { ...(accounts[0] as (typeof accounts)[number]), id: UPPER.toLowerCase() }];
    expect(() => createWorld({ accounts: twice })).toThrow(/is already the id of accounts\[0\]/);
  });
});
