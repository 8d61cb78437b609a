import { describe, expect, it } from 'vitest';
import { recordAtPointer } from '../../src/contract/record-at-pointer.js';

const first = { id: 'a' };
const second = { id: 'b' };
const page = { result: [first, second], next_cursor: null };
const long = { result: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}` })), next_cursor: null };
const keyed = { result: { 'a/b': first, 'a~b': second, '~1': { id: 'tilde-one' } }, next_cursor: null };

describe('recordAtPointer', () => {
  it.each([
    { name: 'inside a record of a page', body: page, pointer: '/body/result/1/user/id', want: second },
    { name: 'the record itself', body: page, pointer: '/body/result/0', want: first },
    { name: 'an index past the page', body: page, pointer: '/body/result/2', want: undefined },
    { name: 'an index of two digits', body: long, pointer: '/body/result/10/id', want: { id: 'r10' } },
    { name: 'an index with a leading zero', body: page, pointer: '/body/result/01', want: second },
    { name: "a page's own property, not an index", body: page, pointer: '/body/result/length', want: undefined },
    { name: 'an index with letters after it', body: page, pointer: '/body/result/1x/id', want: undefined },
    { name: 'an index with letters before it', body: page, pointer: '/body/result/x1', want: undefined },
    { name: 'a key with a slash (~1)', body: keyed, pointer: '/body/result/a~1b/id', want: first },
    { name: 'a key with a tilde (~0)', body: keyed, pointer: '/body/result/a~0b', want: second },
    {
      name: '~01 is a tilde and a 1, not a slash',
      body: keyed,
      pointer: '/body/result/~01',
      want: { id: 'tilde-one' },
    },
    { name: 'a key the result lacks', body: keyed, pointer: '/body/result/zz', want: undefined },
    { name: 'a key of the prototype', body: keyed, pointer: '/body/result/toString', want: undefined },
    { name: 'outside the result', body: page, pointer: '/body/next_cursor', want: undefined },
    { name: 'the result itself', body: page, pointer: '/body/result', want: undefined },
    { name: 'an empty token', body: page, pointer: '/body/result//id', want: undefined },
    { name: 'a pointer not from the body', body: page, pointer: '/x/body/result/0', want: undefined },
    { name: 'a longer name than result', body: { results: [first] }, pointer: '/body/results/0', want: undefined },
    { name: 'a body that is no object', body: 'result', pointer: '/body/result/0', want: undefined },
    { name: 'a null body', body: null, pointer: '/body/result/0', want: undefined },
    { name: 'a null result', body: { result: null }, pointer: '/body/result/0', want: undefined },
    { name: 'a text result', body: { result: 'abc' }, pointer: '/body/result/0', want: undefined },
  ])('$name', ({ body, pointer, want }) => {
    expect(recordAtPointer(body, pointer)).toEqual(want);
  });

  it('returns the record itself, not a copy', () => {
    expect(recordAtPointer(page, '/body/result/0/id')).toBe(first);
  });
});
