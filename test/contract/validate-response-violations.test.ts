/**
 * validateResponse fails bad responses: every rule, at the right pointer, with the offending
 * value and the schema that applied.
 */
import { describe, expect, it } from 'vitest';
import {
  GONG_STATS,
  GONG_USERS,
  JSON_HEADERS,
  NDJSON_HEADERS,
  STREAM_EXAMPLE,
  UNIFIED,
  contract,
  gongStatsExample,
  unifiedExample,
} from './spec-examples.js';
import { ok, record, streamLines, streamRecord, summary, unifiedError, withoutField, type Case } from './exchanges.js';

const failing: Case[] = [
  { name: 'undocumented path', given: ok('/unified/crm/contacts', {}), want: ['path-documented /path'] },
  {
    name: 'undocumented method',
    given: ok(UNIFIED, unifiedExample('unified'), { method: 'DELETE' }),
    want: ['method-documented /method'],
  },
  { name: 'undocumented status', given: { ...ok(UNIFIED, {}), status: 418 }, want: ['status-documented /status'] },
  {
    name: 'Gong users never answer 413 (only the stats POST has a body to be too large)',
    given: { ...ok(GONG_USERS, { requestId: 'r', errors: ['x'] }), status: 413 },
    want: ['status-documented /status'],
  },
  {
    name: 'undocumented content type',
    given: ok(UNIFIED, unifiedExample('unified'), { headers: { 'content-type': 'text/html' } }),
    want: ['content-type /headers/content-type'],
  },
  {
    name: 'missing content type (a single documented type is still checked)',
    given: { ...ok(GONG_USERS, { requestId: 'r' }), headers: {} },
    want: ['content-type /headers/content-type', 'required /body/records', 'required /body/users'],
  },
  {
    name: 'stream answered as JSON',
    given: ok(`${UNIFIED}?truto_response_format=stream`, unifiedExample('unified')),
    want: ['content-type /headers/content-type'],
  },
  {
    name: 'unified answered as NDJSON',
    given: { path: UNIFIED, status: 200, headers: NDJSON_HEADERS, body: STREAM_EXAMPLE },
    want: ['content-type /headers/content-type'],
  },
  { name: 'body not JSON', given: { ...ok(UNIFIED, null), body: '{"result": [' }, want: ['json-parse /body'] },
  { name: 'empty JSON body', given: { ...ok(UNIFIED, null), body: '' }, want: ['json-parse /body'] },
  {
    name: 'missing required record field',
    given: ok(UNIFIED, { result: [withoutField(record(), 'id')], next_cursor: null }),
    want: ['required /body/result/0/id'],
  },
  { name: 'missing next_cursor', given: ok(UNIFIED, { result: [] }), want: ['required /body/next_cursor'] },
  {
    name: 'wrong type',
    given: ok(UNIFIED, { result: [{ ...record(), user: { id: 234599484848423 } }], next_cursor: null }),
    want: ['type /body/result/0/user/id'],
  },
  {
    name: 'wrong format',
    given: ok(UNIFIED, { result: [{ ...record(), start_time: '2026-10-01' }], next_cursor: null }),
    want: ['format /body/result/0/start_time'],
  },
  {
    name: 'value outside the enum',
    given: ok(UNIFIED, { result: [{ ...record(), aggregation_period: 'hour' }], next_cursor: null }),
    want: ['enum /body/result/0/aggregation_period'],
  },
  {
    name: 'keyed request answered with an array',
    given: ok(`${UNIFIED}?truto_key_by=id`, unifiedExample('unified')),
    want: ['type /body/result'],
  },
  {
    name: 'raw request answered with unified records',
    given: ok(`${UNIFIED}?truto_response_format=raw`, { result: [{ id: 'x' }], next_cursor: null }),
    want: [
      'required /body/result/0/userId',
      'required /body/result/0/userEmailAddress',
      'required /body/result/0/personInteractionStats',
    ],
  },
  {
    name: 'debug request without the debug envelope',
    given: ok(`${UNIFIED}?truto_response_format=debug`, unifiedExample('unified')),
    want: ['required /body/debug'],
  },
  {
    name: 'normalized record with remote_data (a false schema)',
    given: ok(`${UNIFIED}?truto_response_format=normalized`, {
      result: [{ ...unifiedExample('normalized').result[0], remote_data: {} }],
      next_cursor: null,
    }),
    want: ['not-allowed /body/result/0/remote_data'],
  },
  {
    name: 'unknown response format',
    given: ok(`${UNIFIED}?truto_response_format=xml`, unifiedExample('unified')),
    want: ['response-format /body'],
  },
  {
    name: 'required header missing (Retry-After on 429)',
    given: { ...ok(UNIFIED, { ...unifiedError, statusCode: 429, error: 'Too Many Requests' }), status: 429 },
    want: ['header /headers/retry-after'],
  },
  {
    name: 'header not an integer',
    given: { ...ok(UNIFIED, unifiedExample('unified')), headers: { ...JSON_HEADERS, 'RateLimit-Remaining': 'plenty' } },
    want: ['header /headers/ratelimit-remaining'],
  },
  {
    name: 'header below its minimum',
    given: {
      ...ok(GONG_USERS, { requestId: 'r', errors: ['x'] }),
      status: 429,
      headers: { ...JSON_HEADERS, 'retry-after': '-1' },
    },
    want: ['header /headers/retry-after'],
  },
  {
    name: 'NDJSON line that is not JSON',
    given: {
      path: `${UNIFIED}?truto_response_format=stream`,
      status: 200,
      headers: NDJSON_HEADERS,
      body: `${STREAM_EXAMPLE}{"id":\n`,
    },
    want: ['ndjson-line /body/1'],
  },
  {
    name: 'NDJSON line that breaks the record schema',
    given: {
      path: `${UNIFIED}?truto_response_format=stream`,
      status: 200,
      headers: NDJSON_HEADERS,
      body: streamLines(streamRecord(), { ...streamRecord(), id: 7 }),
    },
    want: ['type /body/1/id'],
  },
  {
    name: 'excluded field still present',
    given: ok(`${UNIFIED}?truto_exclude_fields=timezone`, unifiedExample('unified')),
    want: ['excluded-field-present /body/result/0/timezone'],
  },
  {
    name: 'excluded nested field still present in a keyed result',
    given: ok(`${UNIFIED}?truto_key_by=id&truto_exclude_fields[0]=user.emails`, unifiedExample('keyed')),
    want: ['excluded-field-present /body/result/234599484848423_2026-10-01_2026-11-01/user/emails'],
  },
  {
    name: 'excluded field still present in a stream line',
    given: {
      path: `${UNIFIED}?truto_response_format=stream&truto_exclude_fields=metrics`,
      status: 200,
      headers: NDJSON_HEADERS,
      body: STREAM_EXAMPLE,
    },
    want: ['excluded-field-present /body/0/metrics'],
  },
  {
    name: 'remote_data despite truto_ignore_remote_data=true',
    given: ok(`${UNIFIED}?truto_ignore_remote_data=true`, unifiedExample('unified')),
    want: ['remote-data-present /body/result/0/remote_data'],
  },
  {
    name: 'error without its required fields',
    given: { ...ok(UNIFIED, { statusCode: 400 }), status: 400 },
    want: ['required /body/error', 'required /body/message'],
  },
  {
    name: 'remote error without raw_response (dependentRequired)',
    given: { ...ok(UNIFIED, { ...unifiedError, truto_is_remote_error: true }), status: 400 },
    want: ['required /body/raw_response'],
  },
  {
    name: 'Gong error with a field Gong never sends',
    given: { ...ok(GONG_USERS, { requestId: 'r', errors: ['x'], statusCode: 400 }), status: 400 },
    want: ['additionalProperties /body/statusCode'],
  },
  {
    name: 'Gong error with no messages',
    given: { ...ok(GONG_STATS, { requestId: 'r', errors: [] }, { method: 'POST' }), status: 500 },
    want: ['minItems /body/errors'],
  },
  {
    name: 'Gong user id not numeric',
    given: ok(
      GONG_STATS,
      {
        ...gongStatsExample(),
        peopleInteractionStats: [{ ...gongStatsExample().peopleInteractionStats[0], userId: 'u-1' }],
      },
      { method: 'POST' },
    ),
    want: ['pattern /body/peopleInteractionStats/0/userId'],
  },
];

describe('validateResponse reports violations', () => {
  it.each(failing)('$name', ({ given, want }) => {
    expect(summary(contract.validateResponse(given))).toEqual(want);
  });

  it('every failing case would pass without its defect (the cases are not vacuous)', () => {
    expect(failing.every(({ want }) => want.length > 0)).toBe(true);
  });

  it('reports the offending value and the schema that applied', () => {
    const [diagnostic] = contract.validateResponse(
      ok(UNIFIED, { result: [{ ...record(), aggregation_period: 'hour' }], next_cursor: null }),
    );
    expect(diagnostic).toEqual({
      pointer: '/body/result/0/aggregation_period',
      rule: 'enum',
      message: 'must be one of ["day","week","month","total"]',
      value: 'hour',
      schema: '#/components/schemas/InteractionList',
    });
  });

  it('names the keyed schema for a keyed request', () => {
    const [diagnostic] = contract.validateResponse(
      ok(`${UNIFIED}?truto_key_by=id`, { result: { a: { id: 1 } }, next_cursor: null }),
    );
    expect(diagnostic?.schema).toBe('#/components/schemas/InteractionKeyedList');
  });

  it('reports every violation of a body, not only the first', () => {
    const bad = { ...record(), id: 1, aggregation_period: 'hour', timezone: 3 };
    expect(summary(contract.validateResponse(ok(UNIFIED, { result: [bad, bad], next_cursor: null })))).toHaveLength(6);
  });

  it('reports the header value as it was sent', () => {
    const [diagnostic] = contract.validateResponse({
      ...ok(UNIFIED, unifiedExample('unified')),
      headers: { ...JSON_HEADERS, 'ratelimit-reset': 'soon' },
    });
    expect(diagnostic).toMatchObject({ pointer: '/headers/ratelimit-reset', rule: 'header', value: 'soon' });
    expect(diagnostic?.message).toContain('must be integer');
  });

  it('leaves the shared schemas untouched when it derives an excluded-fields variant', () => {
    const before = JSON.stringify(contract.document.components?.schemas);
    contract.validateResponse(
      ok(`${UNIFIED}?truto_exclude_fields=id,user.id`, { result: [{ user: {} }], next_cursor: null }),
    );
    expect(JSON.stringify(contract.document.components?.schemas)).toBe(before);
    // The plain schema still requires id.
    expect(summary(contract.validateResponse(ok(UNIFIED, { result: [{ user: {} }], next_cursor: null })))).toEqual([
      'required /body/result/0/id',
      'required /body/result/0/user/id',
    ]);
  });
});
