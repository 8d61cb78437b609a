/**
 * The Node door's text encoder gives the bytes TextEncoder gives, for short and long texts and
 * for characters of every UTF-8 length; a short text's bytes are a buffer of their own, so a
 * small page kept in the page cache holds nothing but itself.
 */
import { describe, expect, it } from 'vitest';
import { nodeEncodeText } from '../../src/server/node-encode-text.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('nodeEncodeText', () => {
  it.each([
    ['empty', ''],
    ['short ASCII', '{"result":[],"next_cursor":null}'],
    ['short, every UTF-8 length', 'é€😀 Zoë'],
    ['just below the pool bound', 'a'.repeat(4095)],
    ['at the pool bound', 'a'.repeat(4096)],
    ['long, every UTF-8 length', 'é€😀 Zoë '.repeat(2000)],
    ['a lone surrogate', `x${'\uD800'}y`.repeat(3000)],
  ])('gives the UTF-8 bytes of %s text', (_name, text) => {
    expect(Array.from(nodeEncodeText(text))).toEqual(Array.from(utf8(text)));
  });

  it.each([
    ['empty', ''],
    ['short', '{"statusCode":404}'],
    ['multi-byte just below the bound', 'é'.repeat(2047)],
  ])('gives %s text a buffer of its own', (_name, text) => {
    const bytes = nodeEncodeText(text);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });
});
