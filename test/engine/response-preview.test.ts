/**
 * The journal's view of a response at its edges: how much of a stream `tapPages` keeps and when
 * it says there was more, where `previewOf` cuts (never inside a character), and the headers
 * `journalResponseHeaders` keeps.
 */
import { describe, expect, it } from 'vitest';
import {
  journalResponseHeaders,
  previewOf,
  RESPONSE_PREVIEW_BYTES,
  tapPages,
} from '../../src/engine/response-preview.js';

const N = RESPONSE_PREVIEW_BYTES;

async function tapped(pages: string[]) {
  const head = { text: '', more: false };
  const passed: string[] = [];
  for await (const page of tapPages(
    (async function* () {
      yield* pages;
    })(),
    head,
  ))
    passed.push(page);
  expect(passed).toEqual(pages);
  return { length: head.text.length, more: head.more, text: head.text };
}

describe('tapPages', () => {
  it.each<[string, string[], number, boolean]>([
    ['one short page', ['abc'], 3, false],
    ['pages joined', ['ab', 'cd'], 4, false],
    ['up to a character past the preview, nothing more', ['a'.repeat(N), 'b'], N + 1, false],
    ['a page filling it exactly and one more character', ['a'.repeat(N + 1)], N + 1, false],
    ['a page past it: cut, more', ['a'.repeat(N + 2)], N + 1, true],
    ['a page past it after a full head: more', ['a'.repeat(N + 1), 'c'], N + 1, true],
    ['an empty page after a full head: no more', ['a'.repeat(N + 1), ''], N + 1, false],
    ['an empty page at the preview’s end', ['a'.repeat(N), ''], N, false],
    ['a long page after a short one: cut at the room left', ['ab', 'c'.repeat(N)], N + 1, true],
  ])('%s', async (_name, pages, length, more) => {
    const head = await tapped(pages);
    expect([head.length, head.more]).toEqual([length, more]);
    expect(head.text).toBe(pages.join('').slice(0, length));
  });
});

describe('previewOf', () => {
  it('at most the preview’s bytes, cut back to a character’s start', () => {
    // '€' is three bytes: 1365 of them are 4095 bytes, the 1366th would end past the cut.
    expect(previewOf('€'.repeat(2000), false)).toEqual({ text: '€'.repeat(1365), truncated: true });
    expect(previewOf(`a${'€'.repeat(2000)}`, false)).toEqual({ text: `a${'€'.repeat(1365)}`, truncated: true });
    expect(previewOf(`ab${'€'.repeat(2000)}`, false)).toEqual({ text: `ab${'€'.repeat(1364)}`, truncated: true });
  });

  it('bytes that are all continuation bytes come back to nothing, not to a negative cut', () => {
    expect(previewOf(new Uint8Array(N + 10).fill(0x80), false)).toEqual({ text: '', truncated: true });
  });

  it('exactly the preview is whole; a byte more is truncated', () => {
    expect(previewOf(new Uint8Array(N).fill(0x61), false)).toEqual({ text: 'a'.repeat(N), truncated: false });
    expect(previewOf(new Uint8Array(N + 1).fill(0x61), false)).toEqual({ text: 'a'.repeat(N), truncated: true });
    expect(previewOf('a'.repeat(N + 1), false)).toEqual({ text: 'a'.repeat(N), truncated: true });
  });

  it('secrets redacted', () => {
    expect(previewOf('{"access_token":"s3cret"}', false).text).not.toContain('s3cret');
  });
});

describe('journalResponseHeaders', () => {
  const answer = (headers: Record<string, string>, streamed = false) => journalResponseHeaders(headers, streamed);

  it('names lower case, JSON’s type filled in for a body that names none', () => {
    expect(answer({ 'Retry-After': '2' })).toEqual({
      'retry-after': '2',
      'content-type': 'application/json; charset=utf-8',
    });
  });

  it('a named type kept; none filled in for a stream', () => {
    expect(answer({ 'Content-Type': 'text/plain' })).toEqual({ 'content-type': 'text/plain' });
    expect(answer({}, true)).toEqual({});
  });

  it('secret values redacted', () => {
    expect(answer({ 'set-cookie': 'session=s3cret' })['set-cookie']).not.toContain('s3cret');
  });
});
