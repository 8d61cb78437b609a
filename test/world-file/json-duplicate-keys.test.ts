import { describe, expect, it } from 'vitest';
import { duplicateJsonKey } from '../../src/world-file/json-duplicate-keys.js';

describe('duplicateJsonKey', () => {
  it.each<[string, string, { key: string; offset: number } | undefined]>([
    ['no duplicate', '{"a": 1, "b": {"a": 2}}', undefined],
    ['a duplicate at the top', '{"a": 1, "a": 2}', { key: 'a', offset: 9 }],
    ['a duplicate deep in a list', '{"x": [{"id": 1}, {"id": 2, "id": 3}]}', { key: 'id', offset: 28 }],
    ['keys in strings are values', '{"a": "\\"a\\": 1", "b": ["a", "a"]}', undefined],
    ['two spellings of one key', '{"a": 1, "\\u0061": 2}', { key: 'a', offset: 9 }],
    ['escaped quotes in a key', '{"a\\"b": 1, "a\\"b": 2}', { key: 'a"b', offset: 12 }],
    ['the same key in sibling objects', '[{"a": 1}, {"a": 1}]', undefined],
  ])('%s', (_name, text, want) => {
    JSON.parse(text);
    expect(duplicateJsonKey(text)).toEqual(want);
  });
});
