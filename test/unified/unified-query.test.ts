/**
 * The unified query, raw query string in, checked query or 400 out, asserting the exact
 * values: the length bound, missing parameters (and what comes before them), the account id,
 * the window, limit with its edges, the format, and every field of a full query.
 */
import { describe, expect, it } from 'vitest';
import { LIMIT_RANGE, MAX_QUERY_LENGTH, parseUnifiedQuery, RESPONSE_FORMATS } from '../../src/unified/unified-query.js';

const A = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const BASE = `integrated_account_id=${A}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;
const START_MS = Date.parse('2026-10-01T00:00:00Z');
const END_MS = Date.parse('2026-11-01T00:00:00Z');
const START_FORMAT = 'must be an ISO 8601 date-time such as 2026-10-01T00:00:00Z (or a date, read as UTC)';
const END_FORMAT = 'must be an ISO 8601 date-time such as 2026-11-01T00:00:00Z (or a date, read as UTC)';

function message(rawQuery: string): string {
  const parsed = parseUnifiedQuery(rawQuery);
  if ('query' in parsed) throw new Error('accepted');
  expect(parsed.error.status).toBe(400);
  expect(parsed.error.body.error).toBe('Bad Request');
  return parsed.error.body.message;
}

function accepted(rawQuery: string) {
  const parsed = parseUnifiedQuery(rawQuery);
  if ('error' in parsed) throw new Error(parsed.error.body.message);
  return parsed.query;
}

describe('the constants', () => {
  it('formats, limits and the longest query read', () => {
    expect(RESPONSE_FORMATS).toEqual(['unified', 'raw', 'normalized', 'stream', 'debug']);
    expect(LIMIT_RANGE).toEqual({ min: 1, max: 100, default: 100 });
    expect(MAX_QUERY_LENGTH).toBe(8192);
  });
});

describe('the length bound', () => {
  it('reads 8,192 characters, refuses 8,193', () => {
    const longest = `${BASE}&${'a'.repeat(MAX_QUERY_LENGTH - BASE.length - 1)}`;
    expect(longest).toHaveLength(8192);
    expect(accepted(longest).limit).toBe(100);
    expect(message(`${longest}a`)).toBe('query string: 8193 characters; at most 8192 are read');
  });

  it('a malformed encoding is a 400 of its own', () => {
    expect(message(`${BASE}&%zz`)).toBe('query string: malformed percent-encoding in "%zz"');
  });
});

describe('missing parameters', () => {
  it('names every one, with the insight', () => {
    const parsed = parseUnifiedQuery('');
    expect('error' in parsed && parsed.error.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Missing required query parameters: integrated_account_id, start_time, end_time',
      truto_error_insight: {
        missing_required_query_parameters: {
          description: 'These query parameters are required for this integration.',
          value: ['integrated_account_id', 'start_time', 'end_time'],
        },
      },
    });
  });

  it('an empty value is missing', () => {
    expect(message('start_time=&end_time=2026-11-01')).toBe(
      'Missing required query parameters: integrated_account_id, start_time',
    );
  });

  it('a window bound given twice is that problem alone, nothing about its format', () => {
    expect(message(`integrated_account_id=${A}&start_time=2026-10-01&end_time=a&end_time=b`)).toBe(
      'end_time: given 2 times; send it once',
    );
    expect(message(`integrated_account_id=${A}&start_time=a&start_time=b&end_time=2026-10-01`)).toBe(
      'start_time: given 2 times; send it once',
    );
  });

  it('a parameter that is wrong in itself comes first: the problems, not the missing', () => {
    expect(message(`integrated_account_id=${A}&integrated_account_id=${A}&end_time=x`)).toBe(
      `integrated_account_id: given 2 times; send it once; end_time: ${END_FORMAT}, got "x"`,
    );
  });
});

describe('the account and the window', () => {
  it('an upper-case UUID is read in lower case', () => {
    expect(
      accepted(`integrated_account_id=${A.toUpperCase()}&start_time=2026-10-01&end_time=2026-11-01`),
    ).toMatchObject({
      integratedAccountId: A,
      startTime: '2026-10-01',
      endTime: '2026-11-01',
      startMs: START_MS,
      endMs: END_MS,
    });
  });

  it('long values are quoted cut at 57 characters, 60 as they are', () => {
    expect(
      message(`integrated_account_id=${'x'.repeat(61)}&start_time=${'y'.repeat(61)}&end_time=${'z'.repeat(60)}`),
    ).toBe(
      `integrated_account_id: must be a UUID, got "${'x'.repeat(57)}..."; ` +
        `start_time: ${START_FORMAT}, got "${'y'.repeat(57)}..."; end_time: ${END_FORMAT}, got "${'z'.repeat(60)}"`,
    );
  });

  it.each<[string, string]>([
    ['2026-10-01T00:00:00Z', 'an empty window'],
    ['2026-09-30T23:59:59Z', 'a window that ends first'],
  ])('end %s: %s is refused', (end) => {
    expect(message(`integrated_account_id=${A}&start_time=2026-10-01T00:00:00Z&end_time=${end}`)).toBe(
      'end_time: must be after start_time',
    );
  });

  it('a millisecond is a window', () => {
    expect(
      accepted(`integrated_account_id=${A}&start_time=2026-10-01T00:00:00Z&end_time=2026-10-01T00:00:00.001Z`).endMs,
    ).toBe(START_MS + 1);
  });
});

describe('limit', () => {
  it.each<[string, number]>([
    ['1', 1],
    ['05', 5],
    ['100', 100],
    ['100&truto_ignore_limit=true', 100],
    ['7&truto_ignore_limit=false', 7],
    ['7&truto_response_format=stream', 100],
  ])('%s reads as %i', (given, limit) => {
    expect(accepted(`${BASE}&limit=${given}`).limit).toBe(limit);
  });

  it.each<[string, string]>([
    ['0', '"0"'],
    ['101', '"101"'],
    ['100000', '"100000"'],
    ['1000000', '"1000000"'],
    ['+5', '" 5"'],
    ['5%20', '"5 "'],
    ['5x', '"5x"'],
    ['500&truto_ignore_limit=true', '"500"'],
  ])('%s is refused', (given, quoted) => {
    expect(message(`${BASE}&limit=${given}`)).toBe(`limit: must be a whole number from 1 to 100, got ${quoted}`);
  });

  it('is refused beside other problems, each named', () => {
    expect(message(`integrated_account_id=${A}&start_time=2026-10-01T00:00:00Z&end_time=bad&limit=0`)).toBe(
      `end_time: ${END_FORMAT}, got "bad"; limit: must be a whole number from 1 to 100, got "0"`,
    );
  });
});

describe('the other parameters', () => {
  it('an unknown format is refused; an empty one is absent', () => {
    expect(message(`${BASE}&truto_response_format=x`)).toBe(
      'truto_response_format: must be one of unified, raw, normalized, stream, debug, got "x"',
    );
    expect(accepted(`${BASE}&truto_response_format=`).format).toBe('unified');
  });

  it('truto_ignore_remote_data takes true or false', () => {
    expect(message(`${BASE}&truto_ignore_remote_data=yes`)).toBe(
      'truto_ignore_remote_data: must be true or false, got "yes"',
    );
    expect(accepted(`${BASE}&truto_ignore_remote_data=false`).ignoreRemoteData).toBe(false);
    expect(accepted(`${BASE}&truto_ignore_remote_data=true`).ignoreRemoteData).toBe(true);
  });

  it('a full query, every field', () => {
    expect(
      accepted(
        `${BASE}&truto_ignore_remote_data=true&truto_key_by=id&truto_exclude_fields=a,b&next_cursor=cc` +
          '&remote_query[a]=1&users[0][id]=7&truto_response_format=raw&limit=7',
      ),
    ).toEqual({
      integratedAccountId: A,
      startTime: '2026-10-01T00:00:00Z',
      endTime: '2026-11-01T00:00:00Z',
      startMs: START_MS,
      endMs: END_MS,
      userIds: ['7'],
      limit: 7,
      nextCursor: 'cc',
      format: 'raw',
      keyBy: 'id',
      excludeFields: ['a', 'b'],
      ignoreRemoteData: true,
      remoteQuery: expect.objectContaining({ a: '1' }),
    });
  });

  it('the defaults', () => {
    expect(accepted(BASE)).toEqual({
      integratedAccountId: A,
      startTime: '2026-10-01T00:00:00Z',
      endTime: '2026-11-01T00:00:00Z',
      startMs: START_MS,
      endMs: END_MS,
      userIds: undefined,
      limit: 100,
      nextCursor: undefined,
      format: 'unified',
      keyBy: undefined,
      excludeFields: [],
      ignoreRemoteData: false,
      remoteQuery: undefined,
    });
  });
});
