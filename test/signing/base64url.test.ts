import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesFromBase64Url, bytesToBase64Url, fromBase64Url, toBase64Url } from '../../src/base64url.js';

// Buffer is the reference: cursors made before base64url was written by hand must read the same.
describe('base64url without Buffer', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['{"alg":"HS256","typ":"cursor"}', 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImN1cnNvciJ9'],
    ['\u00ff\u{1f600}?>', 'w7_wn5iAPz4'],
  ])('encodes %j as %s', (text, encoded) => {
    expect(toBase64Url(text)).toBe(encoded);
    expect(fromBase64Url(encoded)).toBe(text);
  });

  it('encodes any bytes as Buffer does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(bytesToBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
    );
  });

  it('encodes any string as Buffer does (lone surrogates become U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(toBase64Url(text)).toBe(Buffer.from(text, 'utf8').toString('base64url'));
      }),
    );
  });

  it('decodes any base64url text as Buffer does, including a dangling last character', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }), (text) => {
        const reference = Buffer.from(text, 'base64url');
        expect(bytesFromBase64Url(text)).toEqual(new Uint8Array(reference));
        expect(fromBase64Url(text)).toBe(reference.toString('utf8'));
      }),
    );
  });

  it.each([1000, 1365, 1366, 3072, 5000, 20_000])(
    'a text of %i characters (short and long paths) reads back as Buffer reads it',
    (size) => {
      const text = 'é{"g":"x"}😀'.repeat(size).slice(0, size);
      const encoded = toBase64Url(text);
      expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64url'));
      expect(fromBase64Url(encoded)).toBe(Buffer.from(encoded, 'base64url').toString('utf8'));
      expect(bytesToBase64Url(Buffer.from(text))).toBe(encoded);
    },
  );

  it.each(['a+b', 'a/b', 'ab==', 'a b', 'ab\n'])('refuses %j (not base64url)', (text) => {
    expect(fromBase64Url(text)).toBeUndefined();
    expect(bytesFromBase64Url(text)).toBeUndefined();
  });
});
