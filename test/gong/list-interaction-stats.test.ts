/**
 * `POST /v2/stats/interaction` as data: the request id's inputs, the window's bounds in the
 * company's zone, every person's entry, and the 400s and 404 in Gong's words.
 */
import { describe, expect, it } from 'vitest';
import {
  listInteractionStats,
  peopleInteractionStats,
  statsRequestId,
} from '../../src/gong/list-interaction-stats.js';
import { parseStatsRequest } from '../../src/gong/parse-stats-request.js';
import { requestIdFor } from '../../src/gong/request-id.js';
import type { MockContext } from '../../src/mock-context.js';
import { portableSigner } from '../../src/signing.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { interactionStatsOf } from '../../src/world/interaction-stats.js';
import { createWorld, type WorldAccount } from '../../src/world/world.js';

const NOW = Date.parse('2026-11-24T00:00:00Z');
const context: MockContext = { world: createWorld(), now: () => NOW, secret: 's', signer: portableSigner };
const acme = context.world.account(DEFAULT_ACCOUNT_ID) as WorldAccount;
const october = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };

function request(body: unknown) {
  const parsed = parseStatsRequest(acme, body, NOW);
  if (!('request' in parsed)) throw new Error(parsed.errors.join('; '));
  return parsed.request;
}

describe('listInteractionStats', () => {
  it('the request id is the body’s JSON under the seed and account; no body counts as an empty text', () => {
    expect(statsRequestId(context, acme, october)).toBe(
      requestIdFor('42', acme.id, 'stats', JSON.stringify(october)),
    );
    expect(statsRequestId(context, acme, undefined)).toBe(requestIdFor('42', acme.id, 'stats', ''));
    expect(listInteractionStats(context, acme, october).body.requestId).toBe(statsRequestId(context, acme, october));
  });

  it('walks the window in pages of 100, every person as Gong lists them, bounds in the company’s zone', () => {
    const everyone = peopleInteractionStats(acme, request(october));
    expect(everyone.length).toBeGreaterThan(200);
    const seen = [];
    let cursor: string | undefined;
    let page = 0;
    do {
      const body = cursor === undefined ? october : { ...october, cursor };
      const result = listInteractionStats(context, acme, body);
      if (!result.ok) throw new Error(`stats answered ${result.status}`);
      expect(result.body.timeZone).toBe('America/Los_Angeles');
      expect(result.body.fromDateTime).toBe('2026-10-01T00:00:00-07:00');
      expect(result.body.toDateTime).toBe('2026-11-01T00:00:00-07:00');
      expect(result.body.records.currentPageNumber).toBe(page);
      expect(result.body.records.totalRecords).toBe(everyone.length);
      seen.push(...result.body.peopleInteractionStats);
      cursor = result.body.records.cursor;
      page++;
    } while (cursor !== undefined);
    expect(seen).toEqual(everyone);
    const first = everyone[0]!;
    const user = acme.users().find((u) => u.id === first.userId)!;
    const { fromDay, toDay } = request(october);
    expect(first).toEqual({
      userId: user.id,
      userEmailAddress: user.emailAddress,
      personInteractionStats: interactionStatsOf(acme.totals(user, fromDay, toDay)!),
    });
  });

  it('a cursor is bound to its filter: another window’s cursor is refused as foreign', () => {
    const first = listInteractionStats(context, acme, october);
    const cursor = first.ok ? first.body.records.cursor : undefined;
    const september = { filter: { fromDate: '2026-09-01', toDate: '2026-10-01' }, cursor };
    expect(listInteractionStats(context, acme, september).body).toEqual({
      requestId: statsRequestId(context, acme, september),
      errors: [
        'cursor: the cursor belongs to a different request; send the same filter as the request that returned it',
      ],
    });
  });

  it('a window in winter is written with the winter offset, at both ends', () => {
    const result = listInteractionStats(context, acme, { filter: { fromDate: '2026-01-05', toDate: '2026-01-06' } });
    if (!result.ok) throw new Error(`stats answered ${result.status}`);
    expect([result.body.fromDateTime, result.body.toDateTime]).toEqual([
      '2026-01-05T00:00:00-08:00',
      '2026-01-06T00:00:00-08:00',
    ]);
  });

  it('refuses a bad body, a bad cursor, a window without calls and a cursor past the last page', () => {
    expect(listInteractionStats(context, acme, {}).body).toEqual({
      requestId: statsRequestId(context, acme, {}),
      errors: ['filter: required, an object with fromDate and toDate'],
    });
    const badCursor = { ...october, cursor: 'x' };
    const refused = listInteractionStats(context, acme, badCursor);
    expect([refused.status, refused.body]).toEqual([
      400,
      { requestId: statsRequestId(context, acme, badCursor), errors: ['cursor: not a cursor returned by this API'] },
    ]);
    const early = { filter: { fromDate: '2010-01-01', toDate: '2010-02-01' } };
    const none = listInteractionStats(context, acme, early);
    expect([none.status, none.body]).toEqual([
      404,
      { requestId: statsRequestId(context, acme, early), errors: ['No stats found for the specified period'] },
    ]);

    // The same account with fewer users, in a world that claims the same fingerprint: page 1
    // of the big walk lies past the small window's end.
    const small = createWorld({ userCount: 20 });
    const smallContext = { ...context, world: { ...small, fingerprint: context.world.fingerprint } };
    const first = listInteractionStats(context, acme, october);
    const cursor = first.ok ? first.body.records.cursor : undefined;
    const past = { ...october, cursor };
    const answer = listInteractionStats(smallContext, small.account(DEFAULT_ACCOUNT_ID)!, past);
    expect([answer.status, answer.body]).toEqual([
      400,
      {
        requestId: statsRequestId(context, acme, past),
        errors: ['cursor: points past the last page of this request'],
      },
    ]);
  });
});
