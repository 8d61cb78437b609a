/**
 * validateResponse passes good responses: every format, every encoding of the request, every
 * shape a body may arrive in.
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
  gongUsersExample,
  unifiedExample,
} from './spec-examples.js';
import {
  json,
  ok,
  record,
  streamLines,
  streamRecord,
  summary,
  unifiedError,
  withoutField,
  type Case,
} from './exchanges.js';

const passing: Case[] = [
  { name: 'unified 200', given: ok(UNIFIED, unifiedExample('unified')), want: [] },
  {
    name: 'unified 200 with an empty truto_response_format',
    given: ok(`${UNIFIED}?truto_response_format=`, unifiedExample('unified')),
    want: [],
  },
  { name: 'keyed 200', given: ok(`${UNIFIED}?truto_key_by=id`, unifiedExample('keyed')), want: [] },
  {
    name: 'normalized 200',
    given: ok(`${UNIFIED}?truto_response_format=normalized`, unifiedExample('normalized')),
    want: [],
  },
  { name: 'raw 200', given: ok(`${UNIFIED}?truto_response_format=raw`, unifiedExample('raw')), want: [] },
  {
    name: 'raw keyed 200',
    given: ok(`${UNIFIED}?truto_response_format=raw&truto_key_by=userId`, {
      result: { '234599484848423': unifiedExample('raw').result[0] },
      next_cursor: 'abc',
    }),
    want: [],
  },
  { name: 'debug 200', given: ok(`${UNIFIED}?truto_response_format=debug`, unifiedExample('debug')), want: [] },
  {
    name: 'stream 200, NDJSON line by line',
    given: {
      path: `${UNIFIED}?truto_response_format=stream`,
      status: 200,
      headers: NDJSON_HEADERS,
      body: STREAM_EXAMPLE + STREAM_EXAMPLE,
    },
    want: [],
  },
  {
    name: 'stream 200 with no records',
    given: { path: `${UNIFIED}?truto_response_format=stream`, status: 200, headers: NDJSON_HEADERS, body: '' },
    want: [],
  },
  {
    name: 'a full URL of the real service',
    given: ok(`https://api.truto.one${UNIFIED}?limit=1`, unifiedExample('unified')),
    want: [],
  },
  { name: 'a base path in front', given: ok(`/proxy/v1${UNIFIED}`, unifiedExample('unified')), want: [] },
  { name: 'a trailing slash', given: ok(`${UNIFIED}/`, unifiedExample('unified')), want: [] },
  { name: 'an already-parsed body', given: { ...ok(UNIFIED, null), body: unifiedExample('unified') }, want: [] },
  {
    name: 'a body as bytes',
    given: { ...ok(UNIFIED, null), body: new TextEncoder().encode(json(unifiedExample('unified'))) },
    want: [],
  },
  {
    name: 'content type without charset',
    given: ok(UNIFIED, unifiedExample('unified'), { headers: { 'Content-Type': 'application/json' } }),
    want: [],
  },
  {
    name: 'excluded required field absent (truto_exclude_fields[]=id)',
    given: ok(`${UNIFIED}?truto_exclude_fields[]=id&truto_exclude_fields[]=timezone`, {
      result: [withoutField(withoutField(record(), 'id'), 'timezone')],
      next_cursor: null,
    }),
    want: [],
  },
  {
    name: 'excluded required field absent (comma-separated, in the query object)',
    given: ok(
      UNIFIED,
      { result: [withoutField(record(), 'id')], next_cursor: null },
      { query: { truto_exclude_fields: 'id,created_at' } },
    ),
    want: [],
  },
  {
    name: 'excluded nested required field absent (user.id), keyed',
    given: ok(
      `${UNIFIED}?truto_key_by=id`,
      { result: { a: { ...record(), user: { emails: [] } } }, next_cursor: null },
      { query: new URLSearchParams([['truto_exclude_fields', 'user.id']]) },
    ),
    want: [],
  },
  {
    name: 'excluded fields of normalized records (every field is required there)',
    given: ok(`${UNIFIED}?truto_response_format=normalized&truto_exclude_fields=created_at,updated_at,user.name`, {
      result: unifiedExample('normalized').result.map((r: Record<string, unknown>) => ({
        ...withoutField(withoutField(r, 'created_at'), 'updated_at'),
        user: withoutField(r.user as Record<string, unknown>, 'name'),
      })),
      next_cursor: null,
    }),
    want: [],
  },
  {
    name: 'excluded field absent from stream lines',
    given: {
      path: `${UNIFIED}?truto_response_format=stream&truto_exclude_fields=id`,
      status: 200,
      headers: NDJSON_HEADERS,
      body: streamLines(withoutField(streamRecord(), 'id')),
    },
    want: [],
  },
  {
    name: 'truto_ignore_remote_data=true without remote_data',
    given: ok(`${UNIFIED}?truto_ignore_remote_data=true`, {
      result: [withoutField(record(), 'remote_data')],
      next_cursor: null,
    }),
    want: [],
  },
  { name: 'unified 400', given: { ...ok(UNIFIED, unifiedError), status: 400 }, want: [] },
  {
    name: 'unified 429 with Retry-After and ratelimit headers',
    given: {
      ...ok(UNIFIED, { ...unifiedError, statusCode: 429, error: 'Too Many Requests' }),
      status: 429,
      headers: {
        ...JSON_HEADERS,
        'Retry-After': '2',
        'ratelimit-limit': '10',
        'ratelimit-remaining': '0',
        'ratelimit-reset': '2',
      },
    },
    want: [],
  },
  { name: 'Gong stats 200', given: ok(GONG_STATS, gongStatsExample(), { method: 'POST' }), want: [] },
  {
    name: 'Gong stats 404',
    given: {
      ...ok(GONG_STATS, { requestId: 'r', errors: ['No stats found for the specified period'] }, { method: 'post' }),
      status: 404,
    },
    want: [],
  },
  { name: 'Gong users 200', given: ok(GONG_USERS, gongUsersExample()), want: [] },
  {
    name: 'Gong users 429 with Retry-After',
    given: {
      ...ok(GONG_USERS, { requestId: 'r', errors: ['API request limit exceeded'] }),
      status: 429,
      headers: { ...JSON_HEADERS, 'retry-after': '1' },
    },
    want: [],
  },
];

describe('validateResponse passes', () => {
  it.each(passing)('$name', ({ given, want }) => {
    const diagnostics = contract.validateResponse(given);
    expect(summary(diagnostics), JSON.stringify(diagnostics, null, 2)).toEqual(want);
  });
});
