/**
 * validateBody on its own: a body as text, bytes or an already parsed value, against a chosen
 * schema, JSON whole or NDJSON line by line, with the request's truto_* rules.
 */
import { describe, expect, it } from 'vitest';
import type { ResponseSchemaChoice } from '../../src/contract/choose-response-schema.js';
import type { OpenApiDocument } from '../../src/contract/openapi-document.js';
import { readTrutoQuery } from '../../src/contract/read-truto-query.js';
import { createSchemaRegistry } from '../../src/contract/schema-registry.js';
import { bodyText, validateBody } from '../../src/contract/validate-body.js';

const document = {
  openapi: '3.1.0',
  paths: {},
  components: {
    schemas: {
      Item: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, remote_data: {} },
      },
      List: {
        type: 'object',
        required: ['result'],
        properties: { result: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
      },
      Text: { type: 'string', maxLength: 3 },
    },
  },
} as unknown as OpenApiDocument;
const registry = createSchemaRegistry(document);
const ITEM = '#/components/schemas/Item';
const LIST = '#/components/schemas/List';
const lines: ResponseSchemaChoice = { schema: ITEM, schemaName: ITEM, records: 'lines' };
const envelope: ResponseSchemaChoice = { schema: LIST, schemaName: LIST, records: 'envelope' };
const whole: ResponseSchemaChoice = { schema: LIST, schemaName: LIST, records: 'whole' };
const none = readTrutoQuery('');
const summary = (diagnostics: { rule: string; pointer: string }[]) => diagnostics.map((d) => `${d.rule} ${d.pointer}`);

describe('bodyText', () => {
  it.each([
    { name: 'no body', body: undefined, want: '' },
    { name: 'text', body: 'é', want: 'é' },
    { name: 'bytes', body: new TextEncoder().encode('é'), want: 'é' },
    { name: 'an ArrayBuffer', body: new TextEncoder().encode('é').buffer, want: 'é' },
    { name: 'a parsed value', body: { a: 1 }, want: undefined },
    { name: 'null (parsed JSON)', body: null, want: undefined },
  ])('$name', ({ body, want }) => {
    expect(bodyText(body)).toBe(want);
  });
});

describe('validateBody, a JSON body', () => {
  it('checks nothing when no schema is documented', () => {
    expect(
      validateBody(
        registry,
        { schema: undefined, schemaName: undefined, records: 'whole' },
        'application/json',
        '{',
        none,
      ),
    ).toEqual([]);
  });

  it('parses text and bytes, and takes a parsed value as it is', () => {
    const body = { result: [{ id: 1, name: 'n' }] };
    const want = [{ pointer: '/body/result/0/id', rule: 'type', message: 'must be string', value: 1, schema: LIST }];
    expect(validateBody(registry, whole, 'application/json', JSON.stringify(body), none)).toEqual(want);
    expect(
      validateBody(registry, whole, 'application/problem+json', new TextEncoder().encode(JSON.stringify(body)), none),
    ).toEqual(want);
    expect(validateBody(registry, whole, 'application/json', body, none)).toEqual(want);
  });

  it.each([
    { name: 'empty', body: '', message: 'the body is empty, not JSON', value: '' },
    { name: 'blank', body: ' \n', message: 'the body is empty, not JSON', value: ' \n' },
    { name: 'no body', body: undefined, message: 'the body is empty, not JSON', value: '' },
    {
      name: 'broken',
      body: '{"result": [',
      message: `the body is not JSON: ${errorOf('{"result": [')}`,
      value: '{"result": [',
    },
    {
      name: 'long and broken (cut at 200 characters)',
      body: `x${'y'.repeat(300)}`,
      message: `the body is not JSON: ${errorOf(`x${'y'.repeat(300)}`)}`,
      value: `x${'y'.repeat(198)}…`,
    },
  ])('refuses a body that is $name', ({ body, message, value }) => {
    expect(validateBody(registry, whole, 'application/json', body, none)).toEqual([
      { pointer: '/body', rule: 'json-parse', message, value },
    ]);
  });

  it('keeps a broken body of exactly 200 characters whole', () => {
    const body = `x${'y'.repeat(199)}`;
    expect(validateBody(registry, whole, 'application/json', body, none)[0]!.value).toBe(body);
  });

  it('validates a body of another media type as text', () => {
    const text: ResponseSchemaChoice = { schema: '#/components/schemas/Text', schemaName: 'T', records: 'whole' };
    expect(validateBody(registry, text, 'text/plain', 'abc', none)).toEqual([]);
    expect(validateBody(registry, text, 'text/plain', '"abcd"', none)).toEqual([
      {
        pointer: '/body',
        rule: 'maxLength',
        message: 'must NOT have more than 3 characters',
        value: '"abcd"',
        schema: 'T',
      },
    ]);
  });

  it('checks the records of an envelope against the request, not those of a whole body', () => {
    const body = JSON.stringify({ result: [{ id: 'a', remote_data: {} }] });
    const query = readTrutoQuery('truto_exclude_fields=name,id&truto_ignore_remote_data=true');
    expect(summary(validateBody(registry, envelope, 'application/json', body, query))).toEqual([
      'excluded-field-present /body/result/0/id',
      'remote-data-present /body/result/0/remote_data',
    ]);
    // A whole body knows no records: required fields stay required and nothing else is checked.
    expect(summary(validateBody(registry, whole, 'application/json', body, query))).toEqual([
      'required /body/result/0/name',
    ]);
  });
});

describe('validateBody, an NDJSON body', () => {
  it('validates every line, skips blank ones, and names a line that is not JSON', () => {
    const body = ['{"id":"a","name":"n"}', '', '  ', '{"id":1,"name":"n"}', 'nope', '{"id":"b"}', ''].join('\n');
    expect(validateBody(registry, lines, 'application/x-ndjson', body, none)).toEqual([
      { pointer: '/body/3/id', rule: 'type', message: 'must be string', value: 1, schema: ITEM },
      { pointer: '/body/4', rule: 'ndjson-line', message: `line 5 is not JSON: ${errorOf('nope')}`, value: 'nope' },
      { pointer: '/body/5/name', rule: 'required', message: 'required property "name" is missing', schema: ITEM },
    ]);
  });

  it('cuts a long line that is not JSON', () => {
    const line = `x${'y'.repeat(250)}`;
    expect(validateBody(registry, lines, 'application/x-ndjson', line, none)[0]!.value).toBe(`x${'y'.repeat(198)}…`);
  });

  it('takes records already parsed: an array of them, or one', () => {
    expect(
      summary(validateBody(registry, lines, 'application/x-ndjson', [{ id: 'a', name: 'n' }, { id: 'b' }], none)),
    ).toEqual(['required /body/1/name']);
    expect(summary(validateBody(registry, lines, 'application/x-ndjson', { id: 'b' }, none))).toEqual([
      'required /body/0/name',
    ]);
  });

  it('lets excluded fields go missing on every line, and names those still present', () => {
    const body = '{"id":"a"}\n{"name":"n"}\n';
    expect(
      summary(validateBody(registry, lines, 'application/x-ndjson', body, readTrutoQuery('truto_exclude_fields=name'))),
    ).toEqual(['required /body/1/id', 'excluded-field-present /body/1/name']);
    expect(
      summary(validateBody(registry, lines, 'application/x-ndjson', body, readTrutoQuery('truto_exclude_fields=id'))),
    ).toEqual(['required /body/0/name', 'excluded-field-present /body/0/id']);
  });
});

describe('validateBody, excluded fields by records kind', () => {
  it('derives the envelope’s records, and one variant per kind and field set', () => {
    const body = JSON.stringify({ result: [{ name: 'n' }] });
    const query = readTrutoQuery('truto_exclude_fields=id');
    expect(validateBody(registry, envelope, 'application/json', body, query)).toEqual([]);
    expect(
      summary(validateBody(registry, envelope, 'application/json', body, readTrutoQuery('truto_exclude_fields=name'))),
    ).toEqual(['required /body/result/0/id', 'excluded-field-present /body/result/0/name']);
    // The same schema read as lines: the list itself, whose required `result` is not a field.
    const asLines: ResponseSchemaChoice = { schema: LIST, schemaName: LIST, records: 'lines' };
    expect(summary(validateBody(registry, asLines, 'application/x-ndjson', body, query))).toEqual([
      'required /body/0/result/0/id',
    ]);
  });

  it('derives an inline schema too', () => {
    const inline: ResponseSchemaChoice = {
      schema: { type: 'object', required: ['a', 'b'], properties: { a: {}, b: {} } },
      schemaName: 'inline',
      records: 'lines',
    };
    expect(
      summary(validateBody(registry, inline, 'application/x-ndjson', '{}', readTrutoQuery('truto_exclude_fields=a'))),
    ).toEqual(['required /body/0/b']);
  });
});

function errorOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}
