/**
 * Integrated account ids are UUIDs, and UUIDs compare case-insensitively: an account configured
 * with upper-case letters answers on both APIs, whichever case a client writes, through every
 * door (the engine, Express, the Node door), each answer the engine's byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/world/world.js';
import { DEFAULT_ACCOUNTS } from '../../src/world/account-spec.js';
import { describeDoors } from '../helpers/doors.js';
import { GONG_AUTH, expectEveryDoorAsEngine, getChecked, sendChecked } from '../helpers/door-checks.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const UPPER = 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D';
const accounts = [{ ...(DEFAULT_ACCOUNTS[0] as (typeof DEFAULT_ACCOUNTS)[number]), id: UPPER }];
const SPELLINGS = [UPPER, UPPER.toLowerCase()];

describeDoors('an account configured with an upper-case id', { now: NOW, accounts }, (door) => {
  it.each(SPELLINGS)('answers the unified API asked for %s', async (id) => {
    const res = await getChecked(door(), unifiedUrl(october({ integrated_account_id: id })));
    expect(res.status).toBe(200);
    expect(res.body.result.length).toBeGreaterThan(0);
  });

  it.each(SPELLINGS)('answers the Gong API at the base URL naming %s', async (id) => {
    const res = await sendChecked(door(), { path: `/gong/${id}/v2/users`, headers: GONG_AUTH });
    expect(res.status).toBe(200);
    expect(res.body.users.length).toBeGreaterThan(0);
  });
});

describe('an upper-case id in the world', () => {
  it('is stored lower-case, so the admin API and the debug envelope name it one way', async () => {
    const world = createWorld({ accounts });
    expect(world.accounts.map((account) => account.id)).toEqual([UPPER.toLowerCase()]);
    expect(world.account(UPPER)?.id).toBe(UPPER.toLowerCase());
  });

  it('counts two spellings of one id as one account listed twice', () => {
    const twice = [...accounts, { ...(accounts[0] as (typeof accounts)[number]), id: UPPER.toLowerCase() }];
    expect(() => createWorld({ accounts: twice })).toThrow(/is already the id of accounts\[0\]/);
  });

  it('every door answers both spellings as the engine does, byte for byte', async () => {
    await expectEveryDoorAsEngine({ now: NOW, accounts }, [
      ...SPELLINGS.map((id) => ({
        path: unifiedUrl(october({ integrated_account_id: id, truto_response_format: 'debug', limit: '2' })),
        headers: AUTH,
      })),
      ...SPELLINGS.map((id) => ({ path: `/gong/${id}/v2/users`, headers: GONG_AUTH })),
      { path: '/__admin/accounts' },
    ]);
  });
});
