import { describe, expect, it } from 'vitest';
import type { OpenApiDocument, ResponseObject } from '../../src/contract/openapi-document.js';
import { normalizeHeaders } from '../../src/contract/response-headers.js';
import { createSchemaRegistry } from '../../src/contract/schema-registry.js';
import { readHeaderValue, validateHeaders } from '../../src/contract/validate-headers.js';

describe('readHeaderValue', () => {
  it.each([
    { text: '2', schema: { type: 'integer' }, want: 2 },
    { text: ' -1.5e+3 ', schema: { type: 'number' }, want: -1500 },
    { text: '7E2', schema: { type: ['integer', 'null'] }, want: 700 },
    { text: '12abc', schema: { type: 'integer' }, want: '12abc' },
    { text: 'a12', schema: { type: 'integer' }, want: 'a12' },
    { text: '1.', schema: { type: 'number' }, want: '1.' },
    { text: '1.25', schema: { type: 'number' }, want: 1.25 },
    { text: '3e12', schema: { type: 'integer' }, want: 3e12 },
    { text: '', schema: { type: 'integer' }, want: '' },
    { text: '2', schema: { type: 'string' }, want: '2' },
    { text: '2', schema: {}, want: '2' },
    { text: '2', schema: true, want: '2' },
    { text: ' true', schema: { type: 'boolean' }, want: true },
    { text: 'false ', schema: { type: 'boolean' }, want: false },
    { text: 'TRUE', schema: { type: 'boolean' }, want: 'TRUE' },
    { text: 'true', schema: { type: 'string' }, want: 'true' },
    { text: ' a, b ,c ', schema: { type: 'array' }, want: ['a', 'b', 'c'] },
    { text: ' ', schema: { type: 'array' }, want: [] },
    { text: 'a', schema: { type: ['array', 'string'] }, want: ['a'] },
    { text: ' x ', schema: { type: 'string' }, want: ' x ' },
  ])('$text as $schema.type is $want', ({ text, schema, want }) => {
    expect(readHeaderValue(text, schema)).toEqual(want);
  });
});

describe('validateHeaders', () => {
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    paths: {},
    components: {
      headers: { Limit: { required: true, schema: { type: 'integer', minimum: 1 } } },
    } as OpenApiDocument['components'],
  };
  const registry = createSchemaRegistry(document);
  const response: ResponseObject = {
    description: 'd',
    headers: {
      'Content-Type': { required: true, schema: { type: 'integer' } },
      'Retry-After': { required: true, schema: { type: 'integer', minimum: 0 } },
      'X-Optional': { schema: { type: 'boolean' } },
      'X-Free': { required: true },
      'X-A/B': { schema: { type: 'integer' } },
      'X-Limit': { $ref: '#/components/headers/Limit' },
    },
  } as ResponseObject;
  const where = '#/paths/~1x/get/responses/200';

  it('passes headers that honour their schemas, content-type aside', () => {
    const headers = normalizeHeaders({
      'content-type': 'text/html',
      'retry-after': '0',
      'x-optional': 'true',
      'x-free': 'anything',
      'x-limit': '5',
    });
    expect(validateHeaders(registry, response, headers, where)).toEqual([]);
  });

  it('names a missing required header, and only a required one', () => {
    expect(validateHeaders(registry, response, normalizeHeaders({}), where)).toEqual([
      { pointer: '/headers/retry-after', rule: 'header', message: 'required header Retry-After is missing' },
      { pointer: '/headers/x-free', rule: 'header', message: 'required header X-Free is missing' },
      { pointer: '/headers/x-limit', rule: 'header', message: 'required header X-Limit is missing' },
    ]);
  });

  it('names a header its schema refuses, with the text sent and where the schema sits', () => {
    const headers = normalizeHeaders({
      'retry-after': '-1',
      'x-optional': 'yes',
      'x-free': '1',
      'x-a/b': 'z',
      'x-limit': '0',
    });
    expect(validateHeaders(registry, response, headers, where)).toEqual([
      {
        pointer: '/headers/retry-after',
        rule: 'header',
        message: 'Retry-After must be >= 0 (minimum)',
        value: '-1',
        schema: `${where}/headers/Retry-After/schema`,
      },
      {
        pointer: '/headers/x-optional',
        rule: 'header',
        message: 'X-Optional must be boolean (type)',
        value: 'yes',
        schema: `${where}/headers/X-Optional/schema`,
      },
      {
        pointer: '/headers/x-a~1b',
        rule: 'header',
        message: 'X-A/B must be integer (type)',
        value: 'z',
        schema: `${where}/headers/X-A~1B/schema`,
      },
      {
        pointer: '/headers/x-limit',
        rule: 'header',
        message: 'X-Limit must be >= 1 (minimum)',
        value: '0',
        schema: '#/components/headers/Limit/schema',
      },
    ]);
  });

  it('reads a response without headers as documenting none', () => {
    expect(
      validateHeaders(registry, { description: 'd' } as ResponseObject, normalizeHeaders({ a: '1' }), where),
    ).toEqual([]);
  });
});
