import { describe, expect, it } from 'vitest';
import {
  documentedMediaType,
  isJsonMediaType,
  isNdjsonMediaType,
  mediaTypeEssence,
} from '../../src/contract/media-type.js';

describe('mediaTypeEssence', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['application/json', 'application/json'],
    [' Application/JSON ; charset=utf-8', 'application/json'],
    ['text/plain;q=1;charset=x', 'text/plain'],
  ])('%j is %j', (given, want) => {
    expect(mediaTypeEssence(given)).toBe(want);
  });
});

describe('isJsonMediaType and isNdjsonMediaType', () => {
  it.each([
    { essence: 'application/json', json: true, ndjson: false },
    { essence: 'application/problem+json', json: true, ndjson: false },
    { essence: 'application/jsonx', json: false, ndjson: false },
    { essence: 'text/json', json: false, ndjson: false },
    { essence: 'application/json+x', json: false, ndjson: false },
    { essence: 'application/x-ndjson', json: false, ndjson: true },
    { essence: 'application/ndjson', json: false, ndjson: true },
    { essence: 'application/jsonl', json: false, ndjson: true },
    { essence: 'application/x-jsonl', json: false, ndjson: true },
    { essence: 'application/json-seq', json: false, ndjson: true },
    { essence: 'application/vnd.kit+ndjson', json: false, ndjson: true },
    { essence: 'application/x-ndjsonx', json: false, ndjson: false },
    { essence: 'xapplication/ndjson', json: false, ndjson: false },
    { essence: 'application/xndjson', json: false, ndjson: false },
    { essence: 'text/ndjson', json: false, ndjson: false },
    { essence: 'application/ndjson+x', json: false, ndjson: false },
  ])('$essence: json $json, ndjson $ndjson', ({ essence, json, ndjson }) => {
    expect(isJsonMediaType(essence)).toBe(json);
    expect(isNdjsonMediaType(essence)).toBe(ndjson);
  });
});

describe('documentedMediaType', () => {
  const all = { '*/*': {}, 'application/*': {}, 'Application/JSON': {} };
  it.each<{ content: Record<string, object>; given: string | undefined; want: string | undefined }>([
    { content: all, given: 'application/json; charset=utf-8', want: 'Application/JSON' },
    { content: all, given: 'application/xml', want: 'application/*' },
    { content: all, given: 'text/plain', want: '*/*' },
    { content: all, given: undefined, want: '*/*' },
    { content: { 'application/json': {} }, given: 'text/plain', want: undefined },
    { content: { 'application/json': {} }, given: undefined, want: undefined },
    { content: { 'text/*': {}, 'application/json': {} }, given: 'text/html', want: 'text/*' },
  ])('$given under $content is $want', ({ content, given, want }) => {
    expect(documentedMediaType(content, given)).toBe(want);
  });
});
