/**
 * base64url (RFC 4648 §5, no padding) over `Uint8Array`, and over UTF-8 text, with web-standard
 * code only, so cursors read and write the same on every runtime. Decoding is as lenient as
 * Node's `Buffer` (a dangling last character and leftover bits are ignored), so every cursor
 * made before this module existed still reads.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const VALUE_OF = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * base64url of some bytes.
 *
 * @example
 * ```ts
 * bytesToBase64Url(new Uint8Array([0xfb, 0xff])); // '-_8'
 * ```
 */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = bytes[i]! << 16;
    text += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  } else if (left === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    text += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  }
  return text;
}

/**
 * The bytes of a base64url string, or undefined when it is not base64url (`+`, `/`, `=`, spaces).
 *
 * @example
 * ```ts
 * bytesFromBase64Url('-_8'); // Uint8Array [0xfb, 0xff]
 * bytesFromBase64Url('a+b'); // undefined
 * ```
 */
export function bytesFromBase64Url(text: string): Uint8Array | undefined {
  if (!BASE64URL.test(text)) return undefined;
  // A last group of one character carries no whole byte: Buffer drops it, and so do we.
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let at = 0;
  let bits = 0;
  let held = 0;
  for (let i = 0; i < text.length; i++) {
    bits = (bits << 6) | VALUE_OF[text.charCodeAt(i)]!;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[at++] = (bits >>> held) & 0xff;
      bits &= (1 << held) - 1;
    }
  }
  return bytes;
}

/**
 * base64url of a string's UTF-8 bytes (a lone surrogate is written as U+FFFD).
 *
 * @example
 * ```ts
 * toBase64Url('{"v":1}'); // 'eyJ2IjoxfQ'
 * ```
 */
export function toBase64Url(text: string): string {
  return bytesToBase64Url(encoder.encode(text));
}

/**
 * The UTF-8 text of a base64url string, or undefined when it is not base64url.
 *
 * @example
 * ```ts
 * fromBase64Url('eyJ2IjoxfQ'); // '{"v":1}'
 * ```
 */
export function fromBase64Url(text: string): string | undefined {
  const bytes = bytesFromBase64Url(text);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}
