/**
 * Dates through every door (the engine, Express, the Node door): Gong's checks of the window
 * come before "no stats", every RFC 3339 date-time (and the date forms Python sends) is read,
 * and days begin where the company's clock says they do, even when it skips midnight. Every
 * door's answers are the engine's, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNTS, type AccountSpec } from '../../src/world/account-spec.js';
import { describeDoors, type Door, type DoorRequest } from '../helpers/doors.js';
import { GONG_AUTH, expectEveryDoorAsEngine, sendChecked } from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const EMPTY = 'e0e00000-0000-4000-8000-000000000000';
const KOLKATA = '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35';

/** Every request the tests below send, for the byte-for-byte comparison at the end. */
const SENT: DoorRequest[] = [];
const HAVANA_SENT: DoorRequest[] = [];

function statsRequest(account: string, body: unknown, headers: Record<string, string> = {}): DoorRequest {
  return {
    method: 'POST',
    path: `/gong/${account}/v2/stats/interaction`,
    headers: { Authorization: `Basic ${btoa('access-key:secret')}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** The requests of a describe block, each sent through `door` and noted once in `sent`. */
function bodyOf(door: () => Door, sent: DoorRequest[]) {
  const send = (request: DoorRequest) => {
    if (!sent.some((s) => JSON.stringify(s) === JSON.stringify(request))) sent.push(request);
    return sendChecked(door(), request);
  };
  const get = (url: string) => send({ path: url, headers: AUTH });
  return {
    get,
    stats: (account: string, body: unknown, headers: Record<string, string> = {}) =>
      send(statsRequest(account, body, headers)),
    /** The Gong filter the unified layer sent, from the debug envelope. */
    async gongFilter(params: Record<string, string>) {
      const res = await get(unifiedUrl({ ...params, truto_response_format: 'debug' }));
      expect(res.status).toBe(200);
      return res.body.debug.requestOptions.body.filter as { fromDate: string; toDate: string };
    },
    users: (account: string) => send({ path: `/gong/${account}/v2/users`, headers: GONG_AUTH }),
  };
}

describeDoors('dates', { now: NOW }, (door) => {
  const { stats, get, gongFilter, users } = bodyOf(door, SENT);

  describe('the empty account validates the window before it finds no stats', () => {
    it.each([
      ['a toDate after the current day', { fromDate: '2026-11-01', toDate: '2026-12-01' }, /toDate: must not be after/],
      ['toDate equal to fromDate', { fromDate: '2026-10-01', toDate: '2026-10-01' }, /toDate: must be after/],
      ['an impossible date', { fromDate: '2026-02-01', toDate: '2026-02-30' }, /toDate: must be a date/],
    ])("Gong: %s is Gong's 400, as on every account", async (_name, filter, message) => {
      for (const account of [EMPTY, ACCOUNT]) {
        const res = await stats(account, { filter });
        expect(res.status).toBe(400);
        expect(res.body.errors.join(' ')).toMatch(message);
      }
    });

    it('Gong: a valid window of the empty account is the 404 "No stats"', async () => {
      const res = await stats(EMPTY, { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });
      expect(res.status).toBe(404);
      expect(res.body.errors).toEqual(['No stats found for the specified period']);
    });

    it('Gong: scenario=empty still forces the 404, whatever the window', async () => {
      const res = await stats(
        ACCOUNT,
        { filter: { fromDate: '2026-11-01', toDate: '2026-12-01' } },
        {
          Prefer: 'scenario=empty',
        },
      );
      expect(res.status).toBe(404);
    });

    it("unified: a window ending after today is Gong's 422 on the empty account too; a valid one an empty page", async () => {
      const late = await get(
        unifiedUrl({
          integrated_account_id: EMPTY,
          start_time: '2026-11-01T00:00:00Z',
          end_time: '2027-01-01T00:00:00Z',
        }),
      );
      expect(late.status).toBe(422);
      expect(late.body.message).toMatch(/toDate: must not be after the current day/);
      const fine = await get(unifiedUrl(october({ integrated_account_id: EMPTY })));
      expect(fine.status).toBe(200);
      expect(fine.body).toEqual({ result: [], next_cursor: null });
    });

    it('Gong: the users of the empty account are an empty page', async () => {
      const res = await users(EMPTY);
      expect(res.status).toBe(200);
      expect(res.body.users).toEqual([]);
    });
  });

  describe("Gong's filter rules, pinned", () => {
    const october2026 = { fromDate: '2026-10-01', toDate: '2026-11-01' };

    it('refuses createdToDateTime before createdFromDateTime', async () => {
      const res = await stats(ACCOUNT, {
        filter: {
          ...october2026,
          createdFromDateTime: '2026-10-20T00:00:00Z',
          createdToDateTime: '2026-10-10T00:00:00Z',
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toContain('filter.createdToDateTime: must be after filter.createdFromDateTime');
    });

    it('reads userIds null and [] as every user', async () => {
      const all = await stats(ACCOUNT, { filter: october2026 });
      for (const userIds of [null, []]) {
        const res = await stats(ACCOUNT, { filter: { ...october2026, userIds } });
        expect(res.status).toBe(200);
        expect(res.body.records.totalRecords).toBe(all.body.records.totalRecords);
        expect(res.body.peopleInteractionStats).toEqual(all.body.peopleInteractionStats);
      }
    });

    it('takes dates of years 0000-0099 as themselves: no stats then, not a bad date', async () => {
      for (const filter of [
        { fromDate: '0001-01-01', toDate: '0002-01-01' },
        { fromDate: '0000-01-01', toDate: '0099-12-31' },
      ]) {
        const res = await stats(ACCOUNT, { filter });
        expect(res.status).toBe(404);
      }
    });

    it('accepts a leap second in createdFromDateTime', async () => {
      const res = await stats(ACCOUNT, { filter: { ...october2026, createdFromDateTime: '2026-10-20T06:59:60Z' } });
      expect(res.status).toBe(200);
    });
  });

  describe('unified start_time and end_time', () => {
    it('reads a date and a date-time without an offset as UTC', async () => {
      const utc = await get(
        unifiedUrl({
          integrated_account_id: ACCOUNT,
          start_time: '2026-10-01T00:00:00Z',
          end_time: '2026-11-01T00:00:00Z',
        }),
      );
      expect(utc.status).toBe(200);
      for (const [start_time, end_time] of [
        ['2026-10-01', '2026-11-01'],
        ['2026-10-01T00:00:00', '2026-11-01T00:00:00.000000'],
      ] as const) {
        const res = await get(unifiedUrl({ integrated_account_id: ACCOUNT, start_time, end_time }));
        expect(res.status).toBe(200);
        expect(res.body.result).toEqual(utc.body.result);
      }
      // 2026-10-01T00:00:00Z is still September 30th in Los Angeles.
      expect(
        await gongFilter({ integrated_account_id: ACCOUNT, start_time: '2026-10-01', end_time: '2026-11-01' }),
      ).toEqual({
        fromDate: '2026-09-30',
        toDate: '2026-11-01',
      });
    });

    it('keeps a clear 400 for what is not a date', async () => {
      const res = await get(unifiedUrl(october({ start_time: '2026-10-1' })));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/start_time: must be an ISO 8601 date-time .*got "2026-10-1"/);
    });

    it('accepts a leap second: 23:59:60 is the last second of June 30th', async () => {
      const params = {
        integrated_account_id: ACCOUNT,
        start_time: '2026-06-01T00:00:00Z',
        end_time: '2026-06-30T23:59:60Z',
      };
      const res = await get(unifiedUrl(params));
      expect(res.status).toBe(200);
      expect(res.body.result.length).toBeGreaterThan(0);
      expect(await gongFilter(params)).toEqual({ fromDate: '2026-05-31', toDate: '2026-07-01' });
    });

    it('reads years 0001-0099 as themselves: 0100-01-01T00:00:00Z is 0099-12-31 in Los Angeles, an empty page', async () => {
      const params = {
        integrated_account_id: ACCOUNT,
        start_time: '0100-01-01T00:00:00Z',
        end_time: '0100-02-01T00:00:00Z',
      };
      const res = await get(unifiedUrl(params));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ result: [], next_cursor: null });
      expect(await gongFilter(params)).toEqual({ fromDate: '0099-12-31', toDate: '0100-02-01' });
      const early = {
        integrated_account_id: ACCOUNT,
        start_time: '0001-01-01T12:00:00Z',
        end_time: '0001-01-02T12:00:00Z',
      };
      expect(await gongFilter(early)).toEqual({ fromDate: '0001-01-01', toDate: '0001-01-03' });
    });

    it("reads year 0000, and says so when the company's date would fall before it", async () => {
      const east = {
        integrated_account_id: KOLKATA,
        start_time: '0000-01-01T00:00:00Z',
        end_time: '0000-02-01T00:00:00Z',
      };
      // Kolkata's local mean time (+05:53:28) puts the end at 05:53 on February 1st: toDate rounds up.
      expect(await gongFilter(east)).toEqual({ fromDate: '0000-01-01', toDate: '0000-02-02' });
      const west = await get(unifiedUrl({ ...east, integrated_account_id: ACCOUNT }));
      expect(west.status).toBe(400);
      expect(west.body.message).toMatch(
        /start_time: 0000-01-01T00:00:00Z falls on -000001-12-31 in America\/Los_Angeles; Gong's fromDate cannot be before 0000-01-01/,
      );
      // 23:00Z is 04:30 on 10000-01-01 in Kolkata, so toDate would be the day after.
      const last = await get(unifiedUrl({ ...east, end_time: '9999-12-31T23:00:00Z' }));
      expect(last.status).toBe(400);
      expect(last.body.message).toMatch(/end_time: 9999-12-31T23:00:00Z needs toDate \+010000-01-02 in Asia\/Kolkata/);
    });
  });
});

const HAVANA: AccountSpec = {
  ...(DEFAULT_ACCOUNTS[1] as AccountSpec),
  id: '4a7a0000-0000-4000-8000-000000000c0b',
  name: 'Havana Cigars',
  timeZone: 'America/Havana',
};

describeDoors('a company whose clocks skip midnight (America/Havana)', { now: NOW, accounts: [HAVANA] }, (door) => {
  const { get } = bodyOf(door, HAVANA_SENT);
  // 2026-03-08 has no midnight in Havana: 23:59:59 -05:00 is followed by 01:00:00 -04:00.
  const week = {
    integrated_account_id: HAVANA.id,
    start_time: '2026-03-08T05:00:00Z',
    end_time: '2026-03-15T04:00:00Z',
  };

  it('starts the window when the clock jumps, and the ids say the dates Gong was sent', async () => {
    const debug = await get(unifiedUrl({ ...week, truto_response_format: 'debug' }));
    expect(debug.status).toBe(200);
    expect(debug.body.debug.requestOptions.body.filter).toEqual({ fromDate: '2026-03-08', toDate: '2026-03-15' });
    expect(debug.body.debug.data).toMatchObject({
      fromDateTime: '2026-03-08T01:00:00-04:00',
      toDateTime: '2026-03-15T00:00:00-04:00',
    });
    const records = debug.body.result as Array<{ id: string; start_time: string; user: { id: string } }>;
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record.start_time).toBe('2026-03-08T01:00:00-04:00');
      expect(record.id).toBe(`${record.user.id}_2026-03-08_2026-03-15`);
    }
  });

  it('gives the week before, which ends where this one starts, other ids', async () => {
    const before = await get(unifiedUrl({ ...week, start_time: '2026-03-01T05:00:00Z', end_time: week.start_time }));
    const after = await get(unifiedUrl(week));
    const ids = (res: typeof before) => new Set(res.body.result.map((record: { id: string }) => record.id));
    const shared = [...ids(before)].filter((id) => ids(after).has(id));
    expect(ids(before).size).toBeGreaterThan(0);
    expect(shared).toEqual([]);
    expect(before.body.result[0].end_time).toBe('2026-03-08T01:00:00-04:00');
  });
});

describe('every door answers dates as the engine does, byte for byte', () => {
  it('every request above, in order', async () => {
    expect(SENT.length).toBeGreaterThan(20);
    await expectEveryDoorAsEngine({ now: NOW }, SENT);
    await expectEveryDoorAsEngine({ now: NOW, accounts: [HAVANA] }, HAVANA_SENT);
  });
});
