/**
 * The words of the mapping overrides, value in, text out: which sets of expression texts an
 * option or a world file may give (and why not), and how a failed expression is described and
 * answered (a 502 in the remote-error shape).
 */
import { describe, expect, it } from 'vitest';
import {
  describeMappingFailure,
  isMappingFailure,
  mappingError,
  placeInText,
  type MappingFailure,
} from '../../src/unified/mapping-failure.js';
import { MAPPING_KINDS, mappingTextsProblem } from '../../src/unified/mapping-texts.js';

describe('mappingTextsProblem', () => {
  it.each<[string, unknown, string | undefined]>([
    ['both kinds', { query_mapping: 'a', response_mapping: 'b' }, undefined],
    ['no kind at all', {}, undefined],
    ['one kind', { response_mapping: '$' }, undefined],
    [
      'an array',
      ['$'],
      'mapping must be an object of expression texts ({ query_mapping?, response_mapping? }), got an array',
    ],
    ['null', null, 'mapping must be an object of expression texts ({ query_mapping?, response_mapping? }), got null'],
    ['a string', 'x', 'mapping must be an object of expression texts ({ query_mapping?, response_mapping? }), got x'],
    ['another key', { query: 'a' }, 'mapping.query is not a mapping kind; use query_mapping or response_mapping'],
    [
      'a kind after a good one',
      { query_mapping: 'a', nope: 'b' },
      'mapping.nope is not a mapping kind; use query_mapping or response_mapping',
    ],
    ['a number', { response_mapping: 1 }, 'response_mapping must be JSONata expression text (a string), got number'],
    ['an empty text', { query_mapping: '' }, 'query_mapping is empty: leave it out to keep the layer below'],
    ['a blank text', { query_mapping: ' \n\t' }, 'query_mapping is empty: leave it out to keep the layer below'],
    [
      'a blank text after a good one',
      { query_mapping: '$', response_mapping: ' ' },
      'response_mapping is empty: leave it out to keep the layer below',
    ],
  ])('%s', (_name, value, want) => {
    expect(mappingTextsProblem(value)).toBe(want);
  });

  it('names the two kinds the service names', () => {
    expect(MAPPING_KINDS).toEqual(['query_mapping', 'response_mapping']);
  });
});

describe('isMappingFailure', () => {
  it.each<[string, unknown, boolean]>([
    ['a failure', { layer: 'server', kind: 'query_mapping', message: 'x' }, true],
    ['no layer', { kind: 'query_mapping', message: 'x' }, false],
    ['no kind', { layer: 'server', message: 'x' }, false],
    ['no message', { layer: 'server', kind: 'query_mapping' }, false],
    ['null', null, false],
    ['a string', 'layer kind message', false],
    ['records', [{ id: '1' }], false],
  ])('%s', (_name, value, want) => {
    expect(isMappingFailure(value)).toBe(want);
  });
});

describe('placeInText', () => {
  it.each<[string, string, number, { line: number; column: number }]>([
    ['the first line', 'abc def', 5, { line: 1, column: 5 }],
    ['after a newline', 'ab\ncdef', 6, { line: 2, column: 3 }],
    ['after CRLF, as one line end', 'ab\r\ncdef', 7, { line: 2, column: 3 }],
    ['after a lone CR', 'ab\rcdef', 6, { line: 2, column: 3 }],
    ['past the end: the end', 'ab\ncd', 99, { line: 2, column: 2 }],
    ['before the start: the start', 'ab\ncd', -3, { line: 1, column: 1 }],
    ['right after a newline: column 1', 'ab\ncd', 3, { line: 2, column: 1 }],
    ['at 0', 'abc', 0, { line: 1, column: 1 }],
  ])('%s', (_name, text, position, want) => {
    expect(placeInText(text, position)).toEqual(want);
  });
});

describe('describeMappingFailure and mappingError', () => {
  const failure: MappingFailure = {
    layer: 'account',
    kind: 'response_mapping',
    message: 'Expected a number',
    code: 'T2002',
    line: 3,
    column: 9,
  };

  it.each<[string, MappingFailure, string]>([
    [
      'with a place and a code',
      failure,
      "the account layer's response_mapping, line 3, column 9: T2002 Expected a number",
    ],
    [
      'a line without a column: column 1',
      { layer: 'server', kind: 'query_mapping', message: 'm', line: 2 },
      "the server layer's query_mapping, line 2, column 1: m",
    ],
    [
      'no place, no code',
      { layer: 'base', kind: 'query_mapping', message: 'returned a number, not an object' },
      "the base layer's query_mapping: returned a number, not an object",
    ],
  ])('%s', (_name, given, want) => {
    expect(describeMappingFailure(given)).toBe(want);
  });

  it('answers a 502 remote-style error with the Gong data given', () => {
    expect(mappingError(failure, { a: 1 })).toEqual({
      status: 502,
      headers: {},
      body: {
        statusCode: 502,
        error: 'Bad Gateway',
        message:
          "The integration's mapping failed: the account layer's response_mapping, line 3, column 9: T2002 Expected a number",
        truto_is_remote_error: true,
        raw_response: { a: 1 },
      },
    });
  });

  it.each([undefined, null])('gives raw_response null for %s', (raw) => {
    expect(mappingError(failure, raw).body.raw_response).toBeNull();
  });
});
