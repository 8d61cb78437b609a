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
    name: 'a dotted field on a schema without properties adds none',
    given: [{ required: ['id'] }, ['user.id']],
    want: { required: ['id'] },
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

describe('withoutRequired, more shapes', () => {
  it.each<{ name: string; given: [SchemaObject, string[]]; want: SchemaObject }>([
    {
      name: 'two nested fields under one parent, and a deeper one',
      given: [
        {
          required: ['user'],
          properties: {
            user: {
              required: ['id', 'name', 'profile'],
              properties: { profile: { required: ['id', 'tz'] } },
            },
          },
        },
        ['user.id', 'user.name', 'user.profile.tz'],
      ],
      want: {
        required: ['user'],
        properties: {
          user: { required: ['profile'], properties: { profile: { required: ['id'] } } },
        },
      },
    },
    {
      name: 'a $ref with an allOf of its own keeps its branches first',
      given: [{ $ref: '#/User', allOf: [{ required: ['id', 'x'] }] }, ['id']],
      want: {
        allOf: [
          { required: ['x'] },
          { type: 'object', required: ['name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
        ],
      },
    },
    {
      name: 'a dotted name whose head is inherited (toString.x) finds nothing',
      given: [{ required: ['a'], properties: { a: {} } }, ['toString.x', 'constructor.name']],
      want: { required: ['a'], properties: { a: {} } },
    },
    {
      name: 'a required list holding a non-text is compared as text',
      given: [{ required: [1, 'b'] }, ['1']],
      want: { required: ['b'] },
    },
  ])('$name', ({ given: [schema, fields], want }) => {
    expect(withoutRequired(schema, fields, resolve)).toEqual(want);
  });

  it('returns a boolean schema, a non-object and a schema with no fields to drop as they are', () => {
    expect(withoutRequired(true, ['id'], resolve)).toBe(true);
    const schema = { required: ['id'] };
    expect(withoutRequired(schema, [], resolve)).toBe(schema);
    const list = [{ required: ['id'] }] as unknown as SchemaObject;
    expect(withoutRequired(list, ['id'], resolve)).toBe(list);
    expect(withoutRequired(null as unknown as SchemaObject, ['id'], resolve)).toBeNull();
  });
});

describe('withoutRequiredInRecords, more shapes', () => {
  const list = (result: unknown) => ({ type: 'object', properties: { result, next_cursor: { type: 'string' } } });

  it('follows the list schema’s $ref and the result’s $ref', () => {
    const refs: Record<string, SchemaObject> = {
      ...shared,
      '#/List': list({ $ref: '#/Result' }),
      '#/Result': { type: 'array', items: { $ref: '#/Record' } },
    };
    expect(withoutRequiredInRecords({ $ref: '#/List' }, ['id'], (ref) => refs[ref]!)).toEqual(
      list({
        type: 'array',
        items: {
          type: 'object',
          required: ['user'],
          properties: { id: { type: 'string' }, user: { $ref: '#/User' } },
        },
      }),
    );
  });

  it.each([
    { name: 'a boolean list schema', schema: true as SchemaObject },
    { name: 'a null list schema', schema: null as unknown as SchemaObject },
    { name: 'a list without properties', schema: { type: 'object' } },
    { name: 'properties that are no object', schema: { properties: [] } },
    { name: 'a boolean result', schema: list(true) },
  ])('returns $name as it is', ({ schema }) => {
    expect(withoutRequiredInRecords(schema, ['id'], resolve)).toBe(schema);
  });

  it('copies a result with neither records schema unchanged', () => {
    const schema = list({ type: 'object', additionalProperties: false });
    expect(withoutRequiredInRecords(schema, ['id'], resolve)).toEqual(schema);
  });

  it('gives the result no records keyword it did not have', () => {
    const derived = (schema: SchemaObject) =>
      (withoutRequiredInRecords(list(schema), ['id'], resolve) as { properties: { result: object } }).properties.result;
    expect(Object.keys(derived({ type: 'object', additionalProperties: false }))).toEqual(['type', 'additionalProperties']);
    expect(Object.keys(derived({ type: 'array', items: { $ref: '#/Record' } }))).toEqual(['type', 'items']);
  });
});
