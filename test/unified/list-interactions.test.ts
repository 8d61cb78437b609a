/**
 * The unified list endpoint as the engine answers it, query in, answer out, with no door in
 * between: the checks that come before Gong is asked (key and exclude fields, the account),
 * the unified API's own faults, a JSON page's headers and whether it may be reused, and a
 * stream walking Gong's pages (its page size, its end, and a later page that fails).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { GongApi } from '../../src/gong/gong-api.js';
import type { ScenarioName } from '../../src/scenarios.js';
import type { Interaction } from '../../src/schema-types.js';
import { listInteractions, StreamCutShortError, type UnifiedAnswer } from '../../src/unified/list-interactions.js';

const NOW = '2026-11-24T00:00:00Z';
const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const BLOCKED = '503a0000-0000-4000-8000-000000000503';
const LOOPING = '100b0000-0000-4000-8000-00000000100b';
const RATE_LIMITED = '429a0000-0000-4000-8000-000000000429';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const OCTOBER = 'start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z';
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

async function answer(extra: string, scenario?: ScenarioName, account = ACME): Promise<UnifiedAnswer> {
  const { context, gong } = createEngine({ now: NOW });
  return listInteractions(context, gong, {
    rawQuery: `integrated_account_id=${account}&${OCTOBER}${extra}`,
    origin: 'http://127.0.0.1:4010',
    scenario,
  });
}

/** A JSON answer's status and body; fails on a stream. */
async function json(extra: string, scenario?: ScenarioName, account = ACME) {
  const got = await answer(extra, scenario, account);
  if (got.kind !== 'json') throw new Error('a stream, not JSON');
  return got;
}

/** A stream's pages as read, and the error that broke it off, if any. */
async function streamed(extra: string, account = ACME): Promise<{ pages: Interaction[][]; error?: unknown }> {
  const got = await answer(`&truto_response_format=stream${extra}`, undefined, account);
  if (got.kind !== 'stream') throw new Error(`JSON ${got.status}, not a stream`);
  expect(got.status).toBe(200);
  expect(got.headers).toEqual({ 'content-type': 'application/x-ndjson; charset=utf-8' });
  const pages: Interaction[][] = [];
  try {
    for await (const page of got.pages) pages.push(page);
  } catch (error) {
    return { pages, error };
  }
  return { pages };
}

function badRequest(message: string) {
  return { kind: 'json', status: 400, headers: {}, body: { statusCode: 400, error: 'Bad Request', message } };
}

describe('truto_key_by must name a field every record of the format has', () => {
  const UNIFIED = 'id, user.id, start_time, end_time, aggregation_period, timezone';
  it.each<[string, string, string]>([
    ['unified', 'userId', UNIFIED],
    ['normalized', 'userId', UNIFIED],
    ['debug', 'remote_data', UNIFIED],
    ['raw', 'id', 'userId, userEmailAddress'],
  ])('%s: %s is refused', async (format, keyBy, allowed) => {
    expect(await answer(`&truto_response_format=${format}&truto_key_by=${keyBy}`)).toEqual(
      badRequest(`truto_key_by: "${keyBy}" is not a field every ${format} record has; use one of ${allowed}`),
    );
  });

  it.each<[string, string]>([
    ['unified', 'user.id'],
    ['raw', 'userEmailAddress'],
    ['normalized', 'timezone'],
  ])('%s: %s keys the page', async (format, keyBy) => {
    const got = await json(`&truto_response_format=${format}&truto_key_by=${keyBy}&limit=2`);
    expect(got.status).toBe(200);
    expect(Object.keys((got.body as { result: object }).result).length).toBeGreaterThan(0);
  });

  it('a stream has no keys to key by: it is not checked', async () => {
    const { pages } = await streamed('&truto_key_by=nope');
    expect(pages.map((page) => page.length)).toEqual([100, 100, 41]);
  });
});

describe('truto_exclude_fields may not reach inside a list', () => {
  it.each<[string, string, string, string]>([
    ['unified', 'user.emails.length', 'user.emails', ''],
    ['normalized', 'additional_metrics.length', 'additional_metrics', ''],
    ['raw', 'personInteractionStats.length', 'personInteractionStats', '&truto_response_format=raw'],
  ])('%s: %s', async (_format, field, list, extra) => {
    expect(await answer(`${extra}&truto_exclude_fields=${field}`)).toEqual(
      badRequest(
        `truto_exclude_fields: "${field}" is not excludable: ${list} is a list, and nothing inside a list can be excluded by name (exclude ${list} itself)`,
      ),
    );
  });

  it("each format by its own records' lists", async () => {
    // personInteractionStats is a list of raw records only; user.emails of unified ones only.
    expect((await json('&truto_exclude_fields=personInteractionStats.length&limit=1')).status).toBe(200);
    expect((await json('&truto_response_format=raw&truto_exclude_fields=user.emails.length&limit=1')).status).toBe(200);
  });
});

describe('a query that cannot be read', () => {
  it('is the 400 of the query, before any account is looked up', async () => {
    const got = await listInteractions(createEngine({ now: NOW }).context, createEngine({ now: NOW }).gong, {
      rawQuery: `integrated_account_id=${UNKNOWN}&${OCTOBER}&limit=0`,
      origin: 'http://127.0.0.1:4010',
    });
    expect(got).toEqual(badRequest('limit: must be a whole number from 1 to 100, got "0"'));
  });

  it("a window Gong's dates cannot express is a 400", async () => {
    const { context, gong } = createEngine({ now: NOW });
    const got = await listInteractions(context, gong, {
      rawQuery: `integrated_account_id=${ACME}&start_time=0000-01-01T00:00:00Z&end_time=2026-11-01`,
      origin: 'http://127.0.0.1:4010',
    });
    expect(got).toEqual(
      badRequest(
        "start_time: 0000-01-01T00:00:00Z falls on -000001-12-31 in America/Los_Angeles; Gong's fromDate cannot be before 0000-01-01",
      ),
    );
  });
});

describe('the account and the unified API faults', () => {
  it('an unknown account is a 404 naming it', async () => {
    expect(await answer('', undefined, UNKNOWN)).toEqual({
      kind: 'json',
      status: 404,
      headers: {},
      body: { statusCode: 404, error: 'Not Found', message: `integrated_account_id: no integrated account ${UNKNOWN}` },
    });
  });

  const blocked = (id: string) => ({
    statusCode: 503,
    error: 'Service Unavailable',
    message: `The integrated account ${id} is blocked; reconnect it before retrying`,
  });
  it.each<[string, ScenarioName | undefined, string, number, object]>([
    ['the account-blocked scenario', 'account-blocked', ACME, 503, blocked(ACME)],
    ['a blocked account', undefined, BLOCKED, 503, blocked(BLOCKED)],
    [
      'the forbidden scenario',
      'forbidden',
      ACME,
      403,
      {
        statusCode: 403,
        error: 'Forbidden',
        message: 'The API token lacks the scope to read conversational-intelligence interactions',
      },
    ],
    [
      'the remote-timeout scenario',
      'remote-timeout',
      ACME,
      504,
      {
        statusCode: 504,
        error: 'Gateway Timeout',
        message: 'The remote API did not answer in time',
        truto_is_remote_error: true,
        raw_response: null,
      },
    ],
    [
      'the internal-error scenario',
      'internal-error',
      ACME,
      500,
      {
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'An internal error occurred (scenario internal-error)',
      },
    ],
  ])('%s', async (_name, scenario, account, status, body) => {
    expect(await answer('', scenario, account)).toEqual({ kind: 'json', status, headers: {}, body });
  });
});

describe('a JSON page', () => {
  it('is sent as JSON and may be reused when no scenario was asked for', async () => {
    const got = await json('&limit=2');
    expect(got).toMatchObject({ status: 200, headers: JSON_TYPE, repeatable: true });
    const body = got.body as { result: Array<{ id: string }>; next_cursor: string | null };
    expect(body.result.map((record) => record.id)).toEqual([
      '713552277022972_2026-09-30_2026-11-01',
      '713552284339615_2026-09-30_2026-11-01',
    ]);
    expect(typeof body.next_cursor).toBe('string');
  });

  it.each<ScenarioName>(['empty', 'looping', 'connection-reset'])(
    'is never reused under the %s scenario',
    async (scenario) => {
      expect(await json('&limit=2', scenario)).toMatchObject({ status: 200, headers: JSON_TYPE, repeatable: false });
    },
  );

  it('is never reused when a scenario was asked for, even where Gong met no fault', async () => {
    const { context, gong } = createEngine({ now: NOW });
    // A Gong layer that calls every answer repeatable: the scenario alone must decide.
    const steady: GongApi = {
      users: (account, query, call) => gong.users(account, query, call),
      async interactionStats(account, body, call) {
        const { repeatable: _repeatable, ...result } = await gong.interactionStats(account, body, call);
        return result;
      },
    };
    const got = await listInteractions(context, steady, {
      rawQuery: `integrated_account_id=${ACME}&${OCTOBER}&limit=2`,
      origin: 'http://127.0.0.1:4010',
      scenario: 'connection-reset',
    });
    expect(got).toMatchObject({ kind: 'json', status: 200, repeatable: false });
  });

  it("names the account's Gong base URL in the debug envelope", async () => {
    const got = await json('&limit=1&truto_response_format=debug');
    expect((got.body as { debug: { requestUrl: string } }).debug.requestUrl).toBe(
      `http://127.0.0.1:4010/gong/${ACME}/v2/stats/interaction`,
    );
  });
});

describe('a stream', () => {
  it("walks Gong's own pages whatever limit says", async () => {
    const { pages, error } = await streamed('&limit=5');
    expect(error).toBeUndefined();
    expect(pages.map((page) => page.length)).toEqual([100, 100, 41]);
    expect(new Set(pages.flat().map((record) => record.id)).size).toBe(241);
  });

  it('shapes every page, not only the first', async () => {
    const { pages } = await streamed('&truto_ignore_remote_data=true&truto_exclude_fields=metrics');
    expect(pages).toHaveLength(3);
    for (const page of pages) for (const record of page) expect(Object.keys(record)).not.toContain('remote_data');
    for (const page of pages) for (const record of page) expect(Object.keys(record)).not.toContain('metrics');
  });

  it('ends where Gong hands back the cursor it was given', async () => {
    const { pages, error } = await streamed('', LOOPING);
    expect(error).toBeUndefined();
    expect(pages.map((page) => page.length)).toEqual([100, 41]);
  });

  it('is broken off when a later page fails', async () => {
    const { pages, error } = await streamed('', RATE_LIMITED);
    expect(pages.map((page) => page.length)).toEqual([100]);
    expect(error).toBeInstanceOf(StreamCutShortError);
    expect((error as Error).name).toBe('StreamCutShortError');
    expect((error as Error).message).toBe(
      'a later page failed: 429 The remote API rate limit was exceeded; retry after 1 second (API request limit exceeded)',
    );
  });

  it('started from a cursor, goes on from there', async () => {
    const first = await json('');
    const cursor = (first.body as { next_cursor: string }).next_cursor;
    const { pages, error } = await streamed(`&next_cursor=${encodeURIComponent(cursor)}`);
    expect(error).toBeUndefined();
    expect(pages.map((page) => page.length)).toEqual([100, 41]);
  });

  it('a one-page walk is one page', async () => {
    const { pages, error } = await streamed('', '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17');
    expect(error).toBeUndefined();
    expect(pages).toHaveLength(1);
    expect(pages[0]?.length).toBeGreaterThan(0);
  });
});

describe('a stream over a remote whose cursors go round (A, B, A, ...)', () => {
  it('ends when a cursor comes back, after each page once', async () => {
    const { context, gong } = createEngine({ now: NOW });
    const next: Record<string, string> = { none: 'A', A: 'B', B: 'A' };
    const calls: string[] = [];
    // Gong's own first page each time, with the cursor of a remote that goes round.
    const round: GongApi = {
      users: (account, query, call) => gong.users(account, query, call),
      async interactionStats(account, body, call) {
        const given = (body as { cursor?: string }).cursor ?? 'none';
        calls.push(given);
        const { cursor: _cursor, ...first } = body as Record<string, unknown>;
        const result = await gong.interactionStats(account, first, call);
        if (!result.ok) return result;
        return { ...result, body: { ...result.body, records: { ...result.body.records, cursor: next[given] } } };
      },
    };
    const got = await listInteractions(context, round, {
      rawQuery: `integrated_account_id=${ACME}&${OCTOBER}&truto_response_format=stream`,
      origin: 'http://127.0.0.1:4010',
    });
    if (got.kind !== 'stream') throw new Error('not a stream');
    const sizes: number[] = [];
    for await (const page of got.pages) {
      sizes.push(page.length);
      if (sizes.length > 10) break; // a walk that never ends fails here rather than hanging
    }
    expect(sizes).toEqual([100, 100, 100]);
    expect(calls).toEqual(['none', 'A', 'B']);
  });
});
