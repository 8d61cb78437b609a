import { describe, expect, it } from 'vitest';
import { readTrutoQuery, type QueryInput, type TrutoQuery } from '../../src/contract/index.js';

const none: TrutoQuery = {
  truto_response_format: '',
  truto_key_by: undefined,
  truto_exclude_fields: [],
  truto_ignore_remote_data: false,
};

const cases: Array<{ name: string; given: QueryInput[]; want: Partial<TrutoQuery> }> = [
  { name: 'nothing', given: [''], want: {} },
  { name: 'a leading ?', given: ['?truto_response_format=raw'], want: { truto_response_format: 'raw' } },
  { name: 'an empty format', given: ['truto_response_format='], want: { truto_response_format: '' } },
  { name: 'key_by', given: ['truto_key_by=user.id'], want: { truto_key_by: 'user.id' } },
  { name: 'an empty key_by counts as absent', given: ['truto_key_by='], want: { truto_key_by: undefined } },
  {
    name: 'exclude, empty brackets',
    given: ['truto_exclude_fields[]=a&truto_exclude_fields[]=b'],
    want: { truto_exclude_fields: ['a', 'b'] },
  },
  {
    name: 'exclude, indices',
    given: ['truto_exclude_fields[0]=a&truto_exclude_fields[1]=b'],
    want: { truto_exclude_fields: ['a', 'b'] },
  },
  {
    name: 'exclude, percent-encoded brackets',
    given: ['truto_exclude_fields%5B%5D=a'],
    want: { truto_exclude_fields: ['a'] },
  },
  {
    name: 'exclude, comma-separated',
    given: ['truto_exclude_fields=a,%20b,,c'],
    want: { truto_exclude_fields: ['a', 'b', 'c'] },
  },
  {
    name: 'exclude, repeated plain keys',
    given: ['truto_exclude_fields=a&truto_exclude_fields=b'],
    want: { truto_exclude_fields: ['a', 'b'] },
  },
  {
    name: 'exclude, duplicates once',
    given: ['truto_exclude_fields=a,a&truto_exclude_fields[]=a'],
    want: { truto_exclude_fields: ['a'] },
  },
  {
    name: 'ignore_remote_data=true',
    given: ['truto_ignore_remote_data=true'],
    want: { truto_ignore_remote_data: true },
  },
  {
    name: 'ignore_remote_data=false',
    given: ['truto_ignore_remote_data=false'],
    want: { truto_ignore_remote_data: false },
  },
  {
    name: 'URLSearchParams',
    given: [
      new URLSearchParams([
        ['truto_response_format', 'debug'],
        ['truto_exclude_fields[]', 'x'],
      ]),
    ],
    want: { truto_response_format: 'debug', truto_exclude_fields: ['x'] },
  },
  {
    name: 'a parsed object (qs style)',
    given: [
      {
        truto_response_format: 'normalized',
        truto_exclude_fields: ['a', 'b'],
        truto_ignore_remote_data: true,
        remote_query: { a: 'b' },
      },
    ],
    want: { truto_response_format: 'normalized', truto_exclude_fields: ['a', 'b'], truto_ignore_remote_data: true },
  },
  {
    name: 'several sources merged, first scalar wins',
    given: [
      'truto_response_format=raw&truto_exclude_fields=a',
      { truto_response_format: 'debug', truto_exclude_fields: 'b' },
    ],
    want: { truto_response_format: 'raw', truto_exclude_fields: ['a', 'b'] },
  },
  {
    name: 'unrelated bracket parameters are ignored',
    given: ['users[][id]=1&users[0][id]=2&remote_query[filter][fromDate]=x'],
    want: {},
  },
  {
    name: '+ is a space, everywhere in a value',
    given: ['truto_key_by=a+b+c'],
    want: { truto_key_by: 'a b c' },
  },
  {
    name: 'a value that cannot be decoded stays as written',
    given: ['truto_key_by=%zz+x'],
    want: { truto_key_by: '%zz+x' },
  },
  {
    name: 'only one leading ? goes, and only at the start',
    given: ['??truto_key_by=a&truto_response_format=?raw'],
    want: { truto_response_format: '?raw' },
  },
  {
    name: 'a value holding =',
    given: ['truto_key_by=a=b'],
    want: { truto_key_by: 'a=b' },
  },
  {
    name: 'a parameter without = is present and empty (so it wins as the first)',
    given: ['truto_response_format&truto_response_format=raw&truto_ignore_remote_data'],
    want: {},
  },
  {
    name: 'empty pairs between &s',
    given: ['&&truto_key_by=id&'],
    want: { truto_key_by: 'id' },
  },
  {
    name: 'a bracket after any truto_ name is that name',
    given: ['truto_key_by[x]=id&x[truto_response_format]=raw'],
    want: { truto_key_by: 'id' },
  },
  {
    name: 'excluded fields trimmed, blank ones skipped',
    given: ['truto_exclude_fields=%20a%20,%20%20,b'],
    want: { truto_exclude_fields: ['a', 'b'] },
  },
  {
    name: 'ignore_remote_data in any casing',
    given: ['truto_ignore_remote_data=TRUE'],
    want: { truto_ignore_remote_data: true },
  },
  {
    name: 'ignore_remote_data anything else',
    given: ['truto_ignore_remote_data=yes'],
    want: { truto_ignore_remote_data: false },
  },
  {
    name: 'a parsed object: numbers and booleans as text, null and nested values skipped',
    given: [
      {
        truto_key_by: null,
        truto_response_format: ['raw', { x: 1 }],
        truto_exclude_fields: [7, null, 'b'],
        truto_ignore_remote_data: 'true',
      },
      { truto_key_by: 3 },
    ],
    want: {
      truto_key_by: '3',
      truto_response_format: 'raw',
      truto_exclude_fields: ['7', 'b'],
      truto_ignore_remote_data: true,
    },
  },
  {
    name: 'a missing source is skipped',
    given: [undefined as unknown as QueryInput, 'truto_key_by=id'],
    want: { truto_key_by: 'id' },
  },
];

describe('readTrutoQuery', () => {
  it.each(cases)('$name', ({ given, want }) => {
    expect(readTrutoQuery(...given)).toEqual({ ...none, ...want });
  });
});
