/**
 * The schema of a unified 200, picked from the response's format table by
 * `truto_response_format` and `truto_key_by`: a format with a keyed entry takes it when
 * `truto_key_by` is sent, a format without one (stream) answers the same either way, and only
 * the table's own entries count.
 */
import { describe, expect, it } from 'vitest';
import { chooseResponseSchema, SCHEMA_BY_FORMAT } from '../../src/contract/choose-response-schema.js';
import type { ResponseObject } from '../../src/contract/openapi-document.js';
import { readTrutoQuery } from '../../src/contract/read-truto-query.js';
import { NDJSON_HEADERS, STREAM_EXAMPLE, UNIFIED, contract, unifiedExample } from './spec-examples.js';
import { ok, streamLines, streamRecord, summary } from './exchanges.js';

const WHERE = '#/paths/~1things/get/responses/200';
const JSON_TYPE = 'application/json';
const NDJSON_TYPE = 'application/x-ndjson';

const response: ResponseObject = {
  description: 'a format table like the unified 200',
  [SCHEMA_BY_FORMAT]: {
    unified: '#/components/schemas/List',
    'unified+key_by': '#/components/schemas/KeyedList',
    stream: '#/components/schemas/Item',
  },
  content: { [JSON_TYPE]: {}, [NDJSON_TYPE]: {} },
} as ResponseObject;

function choose(query: string, mediaType = JSON_TYPE) {
  return chooseResponseSchema(response, mediaType, {}, readTrutoQuery(query), WHERE);
}

describe('chooseResponseSchema', () => {
  it.each<[string, string, string, object]>([
    [
      'no format is unified',
      '',
      JSON_TYPE,
      { schema: '#/components/schemas/List', formatKey: 'unified', records: 'envelope' },
    ],
    [
      'an empty format is unified',
      'truto_response_format=',
      JSON_TYPE,
      { schema: '#/components/schemas/List', formatKey: 'unified' },
    ],
    [
      'truto_key_by takes the keyed entry',
      'truto_key_by=id',
      JSON_TYPE,
      { schema: '#/components/schemas/KeyedList', formatKey: 'unified+key_by', records: 'envelope' },
    ],
    [
      'an empty truto_key_by is absent',
      'truto_key_by=',
      JSON_TYPE,
      { schema: '#/components/schemas/List', formatKey: 'unified' },
    ],
    [
      'stream, one record a line',
      'truto_response_format=stream',
      NDJSON_TYPE,
      {
        schema: '#/components/schemas/Item',
        schemaName: '#/components/schemas/Item',
        formatKey: 'stream',
        records: 'lines',
      },
    ],
    [
      'stream with truto_key_by: no keyed entry, the same schema',
      'truto_response_format=stream&truto_key_by=id',
      NDJSON_TYPE,
      { schema: '#/components/schemas/Item', formatKey: 'stream', records: 'lines' },
    ],
  ])('%s (%s)', (_name, query, mediaType, want) => {
    expect(choose(query, mediaType)).toMatchObject(want);
  });

  it('a response without a table: the media type schema, the body whole', () => {
    const plain = { description: 'plain', content: { [JSON_TYPE]: { schema: { type: 'object' } } } } as ResponseObject;
    expect(
      chooseResponseSchema(plain, JSON_TYPE, { schema: { type: 'object' } }, readTrutoQuery('truto_key_by=id'), WHERE),
    ).toEqual({
      schema: { type: 'object' },
      schemaName: `${WHERE}/content/application~1json/schema`,
      records: 'whole',
    });
  });

  it.each<[string, string]>([
    ['an unknown format', 'truto_response_format=csv'],
    ['a name of Object.prototype', 'truto_response_format=toString'],
    ['__proto__', 'truto_response_format=__proto__'],
  ])('%s has no schema in the contract', (_name, query) => {
    const format = readTrutoQuery(query).truto_response_format;
    expect(choose(query)).toEqual({
      pointer: '/body',
      rule: 'response-format',
      message: `truto_response_format=${format} has no 200 schema in the contract (known: unified, stream)`,
      value: format,
    });
  });

  it('a key_by of Object.prototype is no keyed entry: constructor+key_by is unknown, not a function', () => {
    expect(choose('truto_response_format=constructor&truto_key_by=id')).toMatchObject({ rule: 'response-format' });
  });

  it.each<[string, string, string]>([
    ['stream answered as JSON', 'truto_response_format=stream', JSON_TYPE],
    ['stream with truto_key_by answered as JSON', 'truto_response_format=stream&truto_key_by=id', JSON_TYPE],
  ])('%s is the wrong content type', (_name, query, mediaType) => {
    expect(choose(query, mediaType)).toEqual({
      pointer: '/headers/content-type',
      rule: 'content-type',
      message: `truto_response_format=stream answers NDJSON, not ${mediaType}`,
      value: mediaType,
    });
  });

  it.each<[string, string]>([
    ['unified answered as NDJSON', ''],
    ['keyed unified answered as NDJSON', 'truto_key_by=id'],
  ])('%s is the wrong content type', (_name, query) => {
    expect(choose(query, NDJSON_TYPE)).toEqual({
      pointer: '/headers/content-type',
      rule: 'content-type',
      message: `truto_response_format=unified answers JSON, not ${NDJSON_TYPE}`,
      value: NDJSON_TYPE,
    });
  });
});

describe('the unified 200 of openapi.yaml, stream with truto_key_by', () => {
  const stream = (query: string, body: string) => ({
    path: `${UNIFIED}?${query}`,
    status: 200,
    headers: NDJSON_HEADERS,
    body,
  });

  it('validates each line as one record, as a stream without truto_key_by does', () => {
    expect(contract.validateResponse(stream('truto_response_format=stream&truto_key_by=id', STREAM_EXAMPLE))).toEqual(
      [],
    );
    expect(
      contract.validateResponse(stream('truto_response_format=stream&truto_key_by=user.id', STREAM_EXAMPLE)),
    ).toEqual([]);
  });

  it('still finds a bad line', () => {
    const { id: _id, ...withoutId } = streamRecord();
    expect(
      summary(
        contract.validateResponse(
          stream('truto_response_format=stream&truto_key_by=id', streamLines(streamRecord(), withoutId)),
        ),
      ),
    ).toEqual(['required /body/1/id']);
  });

  it('refuses a keyed JSON envelope for a stream', () => {
    const keyed = ok(`${UNIFIED}?truto_response_format=stream&truto_key_by=id`, unifiedExample('keyed'));
    expect(summary(contract.validateResponse(keyed))).toEqual(['content-type /headers/content-type']);
  });
});

describe('a response whose format table is not a table', () => {
  // A contract written by hand (loadContract(source)) can hold anything under the extension:
  // what is not an object is no table, and the response's own schema applies.
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', '#/components/schemas/List'],
    ['a number', 7],
  ])('%s: the media type schema applies', (_name, table) => {
    const odd = { ...response, [SCHEMA_BY_FORMAT]: table } as ResponseObject;
    expect(chooseResponseSchema(odd, JSON_TYPE, { schema: { type: 'object' } }, readTrutoQuery(''), WHERE)).toEqual({
      schema: { type: 'object' },
      schemaName: `${WHERE}/content/application~1json/schema`,
      records: 'whole',
    });
  });

  it('lists known formats by the names a request uses: a +key_by suffix is dropped, not a +key_by inside', () => {
    const odd = {
      ...response,
      [SCHEMA_BY_FORMAT]: { 'a+key_byz': '#/components/schemas/List', 'a+key_byz+key_by': '#/components/schemas/X' },
    } as ResponseObject;
    const answer = chooseResponseSchema(odd, JSON_TYPE, {}, readTrutoQuery('truto_response_format=csv'), WHERE);
    expect(answer).toMatchObject({ message: expect.stringMatching(/\(known: a\+key_byz\)$/) });
  });
});
