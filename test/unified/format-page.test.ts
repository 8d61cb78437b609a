/**
 * A unified page in each JSON format, page in, body out: which records each format sends,
 * shaped and keyed, and the debug envelope's description of the Gong call (redacted URL and
 * headers, Gong's cursor, whether it looped, how many records there were).
 */
import { describe, expect, it } from 'vitest';
import { gongError, gongSuccess } from '../../src/gong/gong-result.js';
import type { GongInteractionStatsResponse, GongPersonInteractionStats } from '../../src/schema-types.js';
import { formatPage } from '../../src/unified/format-page.js';
import type { UnifiedPage } from '../../src/unified/list-page.js';
import { toInteraction } from '../../src/unified/map-interaction-stats.js';
import { parseUnifiedQuery, type UnifiedQuery } from '../../src/unified/unified-query.js';

const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const BASE = 'http://127.0.0.1:4010/gong/a';
const WINDOW = {
  fromDateTime: '2026-10-01T00:00:00-07:00',
  toDateTime: '2026-11-01T00:00:00-07:00',
  timeZone: 'America/Los_Angeles',
};

function person(userId: string): GongPersonInteractionStats {
  return {
    userId,
    userEmailAddress: `${userId}@acme.example`,
    personInteractionStats: [{ name: 'Patience', value: 1.5 }],
  };
}

const PEOPLE = [person('1'), person('2')];

function statsBody(cursor: string | undefined, people = PEOPLE): GongInteractionStatsResponse {
  return {
    requestId: 'req',
    records: {
      totalRecords: people.length,
      currentPageSize: people.length,
      currentPageNumber: 0,
      ...(cursor === undefined ? {} : { cursor }),
    },
    ...WINDOW,
    peopleInteractionStats: people,
  };
}

function page(
  gongBody: Record<string, unknown>,
  result: UnifiedPage['gongCall']['result'],
  people = PEOPLE,
): UnifiedPage {
  return {
    people,
    records: people.map((p) => toInteraction(p, WINDOW)),
    nextCursor: 'next',
    gongCall: { body: gongBody, result },
    repeatable: true,
  };
}

function query(extra = ''): UnifiedQuery {
  const parsed = parseUnifiedQuery(
    `integrated_account_id=${ACCOUNT}&start_time=2026-10-01&end_time=2026-11-01${extra}`,
  );
  if ('error' in parsed) throw new Error(parsed.error.body.message);
  return parsed.query;
}

const FILTER = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };

describe('formatPage', () => {
  const ok = page(FILTER, gongSuccess(statsBody('gong-next')));

  it('unified: the records and the cursor', () => {
    expect(formatPage(ok, query(), BASE)).toEqual({ result: ok.records, next_cursor: 'next' });
  });

  it("raw: Gong's records", () => {
    expect(formatPage(ok, query('&truto_response_format=raw'), BASE)).toEqual({ result: PEOPLE, next_cursor: 'next' });
  });

  it('normalized: every property, null where there is no value', () => {
    const body = formatPage(ok, query('&truto_response_format=normalized'), BASE) as {
      result: Array<Record<string, unknown>>;
    };
    expect(body.result[0]).toMatchObject({ id: '1_2026-10-01_2026-11-01', created_at: null, updated_at: null });
    expect(body.result[0]).not.toHaveProperty('remote_data');
  });

  it('shapes, then keys by a field read before the shaping', () => {
    expect(
      formatPage(ok, query('&truto_exclude_fields=user&truto_ignore_remote_data=true&truto_key_by=user.id'), BASE),
    ).toEqual({
      result: {
        1: expect.not.objectContaining({ user: expect.anything() }),
        2: expect.not.objectContaining({ remote_data: expect.anything() }),
      },
      next_cursor: 'next',
    });
    const raw = formatPage(
      ok,
      query('&truto_response_format=raw&truto_exclude_fields=userEmailAddress&truto_key_by=userEmailAddress'),
      BASE,
    );
    expect(raw).toEqual({
      result: {
        '1@acme.example': { userId: '1', personInteractionStats: PEOPLE[0]?.personInteractionStats },
        '2@acme.example': { userId: '2', personInteractionStats: PEOPLE[1]?.personInteractionStats },
      },
      next_cursor: 'next',
    });
  });

  it('debug: the records, and the Gong call behind them, redacted', () => {
    const body = { ...FILTER, remote: { api_key: 'k', keep: 1 } };
    const result = {
      ...gongSuccess(statsBody('gong-next')),
      headers: { 'content-type': 'application/json', 'set-cookie': 's=1' },
    };
    expect(
      formatPage(page(body, result), query('&truto_response_format=debug'), 'http://u:pw@127.0.0.1:4010/gong/a'),
    ).toEqual({
      result: page(body, result).records,
      next_cursor: 'next',
      debug: {
        requestUrl: 'http://[REDACTED]@127.0.0.1:4010/gong/a/v2/stats/interaction',
        requestOptions: {
          method: 'POST',
          headers: { authorization: '[REDACTED]', 'content-type': 'application/json' },
          body: { ...FILTER, remote: { api_key: '[REDACTED]', keep: 1 } },
        },
        data: statsBody('gong-next'),
        responseHeaders: { 'content-type': 'application/json', 'set-cookie': '[REDACTED]' },
        nextCursor: 'gong-next',
        isLooping: false,
        isEmptyResult: false,
        resultCount: 2,
      },
    });
  });

  it.each<[string, Record<string, unknown>, string | undefined, boolean]>([
    ['a first page', FILTER, 'c1', false],
    ['Gong handing back the cursor it was given', { cursor: 'c1', ...FILTER }, 'c1', true],
    ['Gong moving on', { cursor: 'c1', ...FILTER }, 'c2', false],
    ['the last page', { cursor: 'c1', ...FILTER }, undefined, false],
    ['a cursor that is no string', { cursor: 7, ...FILTER }, undefined, false],
  ])('debug, %s', (_name, gongBody, gongNext, looping) => {
    const debug = (
      formatPage(page(gongBody, gongSuccess(statsBody(gongNext))), query('&truto_response_format=debug'), BASE) as {
        debug: { nextCursor: unknown; isLooping: boolean };
      }
    ).debug;
    expect(debug.nextCursor).toBe(gongNext ?? null);
    expect(debug.isLooping).toBe(looping);
  });

  it('debug, an empty page after a Gong 404', () => {
    const empty = { ...page(FILTER, gongError(404, 'r', ['No stats found']), []), nextCursor: null };
    expect(formatPage(empty, query('&truto_response_format=debug'), BASE)).toEqual({
      result: [],
      next_cursor: null,
      debug: {
        requestUrl: `${BASE}/v2/stats/interaction`,
        requestOptions: {
          method: 'POST',
          headers: { authorization: '[REDACTED]', 'content-type': 'application/json' },
          body: FILTER,
        },
        data: { requestId: 'r', errors: ['No stats found'] },
        responseHeaders: { 'content-type': 'application/json; charset=utf-8' },
        nextCursor: null,
        isLooping: false,
        isEmptyResult: true,
        resultCount: 0,
      },
    });
  });

  it('debug counts the records sent when they are keyed', () => {
    const body = formatPage(ok, query('&truto_response_format=debug&truto_key_by=id'), BASE) as {
      debug: { resultCount: number; isEmptyResult: boolean };
    };
    expect(body.debug).toMatchObject({ resultCount: 2, isEmptyResult: false });
  });
});
