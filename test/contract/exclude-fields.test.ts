import { describe, expect, it } from 'vitest';
import { withoutRequired, withoutRequiredInRecords } from '../../src/contract/exclude-fields.js';
import type { SchemaObject } from '../../src/contract/index.js';

const shared: Record<string, SchemaObject> = {
  '#/User': {
    type: 'object',
    required: ['id', 'name'],
    properties: { id: { type: 'string' }, name: { type: 'string' } },
  },
  '#/Record': {
    type: 'object',
    required: ['id', 'user'],
    properties: { id: { type: 'string' }, user: { $ref: '#/User' } },
  },
};
const resolve = (ref: string) => shared[ref]!;

const cases: Array<{ name: string; given: [SchemaObject, string[]]; want: SchemaObject }> = [
  {
    name: 'a top-level field',
    given: [{ type: 'object', required: ['id', 'user'] }, ['id']],
    want: { type: 'object', required: ['user'] },
  },
  {
    name: 'no fields: the schema itself',
    given: [{ required: ['id'] }, []],
    want: { required: ['id'] },
  },
  {
    name: 'through a $ref',
    given: [{ $ref: '#/Record' }, ['user']],
    want: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, user: { $ref: '#/User' } } },
  },
  {
    name: 'a dotted field reaches the nested object through its $ref',
    given: [{ $ref: '#/Record' }, ['user.id']],
    want: {
      type: 'object',
      required: ['id', 'user'],
      properties: {
        id: { type: 'string' },
        user: { type: 'object', required: ['name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
      },
    },
  },
  {
    name: 'a $ref with siblings keeps them',
    given: [{ $ref: '#/User', description: 'd', required: ['id'] }, ['id']],
    want: {
      description: 'd',
      required: [],
      allOf: [{ type: 'object', required: ['name'], properties: { id: { type: 'string' }, name: { type: 'string' } } }],
    },
  },
  {
    name: 'every allOf/anyOf/oneOf branch',
    given: [{ anyOf: [{ required: ['a', 'b'] }, { required: ['a'] }], oneOf: [{ required: ['a'] }] }, ['a']],
    want: { anyOf: [{ required: ['b'] }, { required: [] }], oneOf: [{ required: [] }] },
  },
  {
    name: 'a dotted field whose parent is not a property is ignored',
    given: [{ required: ['id'], properties: {} }, ['user.id']],
    want: { required: ['id'], properties: {} },
  },
];

describe('withoutRequired', () => {
  it.each(cases)('$name', ({ given: [schema, fields], want }) => {
    const before = JSON.stringify({ schema, shared });
    expect(withoutRequired(schema, fields, resolve)).toEqual(want);
    expect(JSON.stringify({ schema, shared }), 'inputs are never mutated').toBe(before);
  });
});

describe('withoutRequiredInRecords', () => {
  it.each([
    { shape: 'array', result: { type: 'array', items: { $ref: '#/Record' } }, at: 'items' },
    {
      shape: 'keyed object',
      result: { type: 'object', additionalProperties: { $ref: '#/Record' } },
      at: 'additionalProperties',
    },
  ] as const)('derives the records of a $shape result', ({ result, at }) => {
    const list = { type: 'object', required: ['result'], properties: { result, next_cursor: { type: 'string' } } };
    const derived = withoutRequiredInRecords(list, ['id'], resolve) as {
      properties: { result: Record<string, { required: string[] }> };
    };
    expect(derived.properties.result[at]!.required).toEqual(['user']);
    expect(list.properties.result[at as keyof typeof result]).toEqual({ $ref: '#/Record' });
  });

  it('leaves a schema without result alone', () => {
    const schema = { type: 'object', required: ['id'] };
    expect(withoutRequiredInRecords(schema, ['id'], resolve)).toBe(schema);
  });
});
