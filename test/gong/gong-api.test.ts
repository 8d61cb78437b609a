/**
 * The Gong API object over a fault source: what each fault outcome does to a stats and a
 * users answer (a failure as given, "empty" as Gong's no-data answers, "looping" handing back
 * the cursor it was given), and which answers are marked unfit for reuse.
 */
import { describe, expect, it } from 'vitest';
import { createGongApi, GONG_PATHS } from '../../src/gong/gong-api.js';
import type { GongFaultOutcome, GongFaultSource } from '../../src/gong/gong-faults.js';
import { gongError } from '../../src/gong/gong-result.js';
import { listInteractionStats, statsRequestId } from '../../src/gong/list-interaction-stats.js';
import { listUsers } from '../../src/gong/list-users.js';
import type { MockContext } from '../../src/mock-context.js';
import type { ScenarioName } from '../../src/scenarios.js';
import { portableSigner } from '../../src/signing.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { createWorld, type WorldAccount } from '../../src/world/world.js';

const context: MockContext = {
  world: createWorld(),
  now: () => Date.parse('2026-11-24T00:00:00Z'),
  secret: 'gong-api-test',
  signer: portableSigner,
};
const account = context.world.account(DEFAULT_ACCOUNT_ID) as WorldAccount;
const october = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };

const CLEAN: GongFaultOutcome = { failure: undefined, empty: false, looping: false, repeatable: true };

/** A fault source that always answers `outcome`, remembering what it was asked. */
function always(outcome: Partial<GongFaultOutcome>): GongFaultSource & { asked: Array<ScenarioName | undefined> } {
  const asked: Array<ScenarioName | undefined> = [];
  return {
    asked,
    meet: (met, scenario) => {
      expect(met).toBe(account);
      asked.push(scenario);
      return Promise.resolve({ ...CLEAN, ...outcome });
    },
  };
}

/** The cursor of the second page of a walk, from a clean first answer. */
function secondPageCursor(result: { ok: boolean; body: unknown }): string {
  const cursor = (result.body as { records: { cursor?: string } }).records.cursor;
  if (!result.ok || cursor === undefined) throw new Error('the first page has no cursor');
  return cursor;
}

describe('createGongApi', () => {
  it("names Gong's paths", () => {
    expect(GONG_PATHS).toEqual({ interactionStats: '/v2/stats/interaction', users: '/v2/users' });
  });

  it('without parts, answers what the endpoints answer, reusable', async () => {
    const gong = createGongApi(context);
    const stats = await gong.interactionStats(account, october);
    expect(stats).toEqual(listInteractionStats(context, account, october));
    expect(stats.repeatable).toBeUndefined();
    const users = await gong.users(account, { includeAvatars: true });
    expect(users).toEqual(listUsers(context, account, { includeAvatars: true }));
    expect(users.repeatable).toBeUndefined();
  });

  it('without parts, a later page is Gong’s own: the cursor given is not handed back', async () => {
    const gong = createGongApi(context);
    const statsCursor = secondPageCursor(listInteractionStats(context, account, october));
    const stats = await gong.interactionStats(account, { ...october, cursor: statsCursor });
    expect(stats).toEqual(listInteractionStats(context, account, { ...october, cursor: statsCursor }));
    expect((stats.body as { records: { cursor?: string } }).records.cursor).not.toBe(statsCursor);
    const usersCursor = secondPageCursor(listUsers(context, account, {}));
    const users = await gong.users(account, { cursor: usersCursor });
    expect(users).toEqual(listUsers(context, account, { cursor: usersCursor }));
    expect((users.body as { records: { cursor?: string } }).records.cursor).not.toBe(usersCursor);
  });

  it('passes the call’s scenario to the fault source, and none when the call names none', async () => {
    const faults = always({});
    const gong = createGongApi(context, { faults });
    await gong.users(account, {}, { scenario: 'rate-limited' });
    await gong.interactionStats(account, october, { scenario: 'empty' });
    await gong.users(account, {});
    await gong.interactionStats(account, october);
    expect(faults.asked).toEqual(['rate-limited', 'empty', undefined, undefined]);
  });

  it('a failure is the answer, marked unfit for reuse, on both endpoints', async () => {
    const failure = gongError(503, 'abc', ['down']);
    const gong = createGongApi(context, { faults: always({ failure, repeatable: true }) });
    expect(await gong.interactionStats(account, october)).toEqual({ ...failure, repeatable: false });
    expect(await gong.users(account, {})).toEqual({ ...failure, repeatable: false });
  });

  it('empty: stats is a 404 with Gong’s words and the request’s id; users an empty list', async () => {
    const gong = createGongApi(context, { faults: always({ empty: true, repeatable: true }) });
    expect(await gong.interactionStats(account, october)).toEqual({
      ...gongError(404, statsRequestId(context, account, october), ['No stats found for the specified period']),
      repeatable: false,
    });
    const clean = listUsers(context, account, {});
    if (!clean.ok) throw new Error('users failed');
    expect(await gong.users(account, {})).toEqual({
      ok: true,
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: {
        requestId: clean.body.requestId,
        records: { totalRecords: 0, currentPageSize: 0, currentPageNumber: 0 },
        users: [],
      },
      repeatable: false,
    });
  });

  it('empty leaves a refused users request as it is (a bad cursor is still a 400)', async () => {
    const gong = createGongApi(context, { faults: always({ empty: true, repeatable: false }) });
    const answer = await gong.users(account, { cursor: 'nonsense' });
    expect(answer).toEqual({ ...listUsers(context, account, { cursor: 'nonsense' }), repeatable: false });
    expect(answer.status).toBe(400);
  });

  it('looping hands back the cursor given, on both endpoints; a first page keeps its own', async () => {
    const gong = createGongApi(context, { faults: always({ looping: true, repeatable: false }) });
    const firstStats = listInteractionStats(context, account, october);
    const statsCursor = secondPageCursor(firstStats);
    const stats = await gong.interactionStats(account, { ...october, cursor: statsCursor });
    const cleanStats = listInteractionStats(context, account, { ...october, cursor: statsCursor });
    if (!cleanStats.ok) throw new Error('stats failed');
    expect(stats).toEqual({
      ...cleanStats,
      body: { ...cleanStats.body, records: { ...cleanStats.body.records, cursor: statsCursor } },
      repeatable: false,
    });
    expect(await gong.interactionStats(account, october)).toEqual({ ...firstStats, repeatable: false });

    const firstUsers = listUsers(context, account, {});
    const usersCursor = secondPageCursor(firstUsers);
    const users = await gong.users(account, { cursor: usersCursor });
    const cleanUsers = listUsers(context, account, { cursor: usersCursor });
    if (!cleanUsers.ok) throw new Error('users failed');
    expect(users).toEqual({
      ...cleanUsers,
      body: { ...cleanUsers.body, records: { ...cleanUsers.body.records, cursor: usersCursor } },
      repeatable: false,
    });
    expect(await gong.users(account, {})).toEqual({ ...firstUsers, repeatable: false });
  });

  it('looping leaves an error alone, and a stats body’s cursor that is no string counts as none', async () => {
    const gong = createGongApi(context, { faults: always({ looping: true, repeatable: false }) });
    const bad = { filter: { fromDate: '2026-10-01' }, cursor: 'x' };
    expect(await gong.interactionStats(account, bad)).toEqual({
      ...listInteractionStats(context, account, bad),
      repeatable: false,
    });
    expect(await gong.users(account, { cursor: 'x' })).toEqual({
      ...listUsers(context, account, { cursor: 'x' }),
      repeatable: false,
    });
    const numbered = { ...october, cursor: 7 };
    const answer = await gong.interactionStats(account, numbered);
    expect(answer.status).toBe(400);
    const nullBody = await gong.interactionStats(account, null);
    expect(nullBody).toEqual({ ...listInteractionStats(context, account, null), repeatable: false });
  });

  it('a clean outcome that is not repeatable marks the data unfit for reuse; a repeatable one does not', async () => {
    const unsure = createGongApi(context, { faults: always({ repeatable: false }) });
    expect((await unsure.interactionStats(account, october)).repeatable).toBe(false);
    expect((await unsure.users(account, {})).repeatable).toBe(false);
    const sure = createGongApi(context, { faults: always({ repeatable: true }) });
    expect('repeatable' in (await sure.interactionStats(account, october))).toBe(false);
    expect('repeatable' in (await sure.users(account, {}))).toBe(false);
  });
});
