/**
 * base64url (RFC 4648 §5, no padding) over `Uint8Array`, and over UTF-8 text, with web-standard
 * code only, so cursors read and write the same on every runtime. Decoding is as lenient as
 * Node's `Buffer` (a dangling last character and leftover bits are ignored), so every cursor
 * made before this module existed still reads.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const CODE_OF = new Uint8Array(64);
const VALUE_OF = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) {
  CODE_OF[i] = ALPHABET.charCodeAt(i);
  VALUE_OF[ALPHABET.charCodeAt(i)] = i;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Cursors are encoded and decoded on every page, and allocating a fresh array for each step
// costs more than the arithmetic: texts up to this size go through two scratch arrays. The
// functions are synchronous and the arrays never leave them, so nothing can see them.
const SCRATCH_BYTES = 4096;
const scratchText = new Uint8Array(SCRATCH_BYTES);
const scratchBytes = new Uint8Array(SCRATCH_BYTES);

/** Writes the base64url characters of `bytes[0, length)` into a text. */
function encode(bytes: Uint8Array, length: number): string {
  const size = Math.ceil(length / 3) * 4;
  const out = size <= SCRATCH_BYTES ? scratchText : new Uint8Array(size);
  const whole = length - (length % 3);
  let at = 0;
  let i = 0;
  for (; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[at] = CODE_OF[n >>> 18]!;
    out[at + 1] = CODE_OF[(n >>> 12) & 63]!;
    out[at + 2] = CODE_OF[(n >>> 6) & 63]!;
    out[at + 3] = CODE_OF[n & 63]!;
    at += 4;
  }
  if (length - whole > 0) {
    const n = (bytes[i]! << 16) | (length - whole === 2 ? bytes[i + 1]! << 8 : 0);
    out[at++] = CODE_OF[n >>> 18]!;
    out[at++] = CODE_OF[(n >>> 12) & 63]!;
    if (length - whole === 2) out[at++] = CODE_OF[(n >>> 6) & 63]!;
  }
  return decoder.decode(out.subarray(0, at));
}

/** Writes the bytes of base64url `text` (already checked) into `out`; answers how many. */
function decode(text: string, out: Uint8Array): number {
  const whole = text.length - (text.length % 4);
  let at = 0;
  let i = 0;
  for (; i < whole; i += 4) {
    const n =
      (VALUE_OF[text.charCodeAt(i)]! << 18) |
      (VALUE_OF[text.charCodeAt(i + 1)]! << 12) |
      (VALUE_OF[text.charCodeAt(i + 2)]! << 6) |
      VALUE_OF[text.charCodeAt(i + 3)]!;
    out[at] = n >>> 16;
    out[at + 1] = (n >>> 8) & 0xff;
    out[at + 2] = n & 0xff;
    at += 3;
  }
  // A last group of one character carries no whole byte: Buffer drops it, and so do we.
  const left = text.length - whole;
  if (left >= 2) {
    const n =
      (VALUE_OF[text.charCodeAt(i)]! << 18) |
      (VALUE_OF[text.charCodeAt(i + 1)]! << 12) |
      (left === 3 ? VALUE_OF[text.charCodeAt(i + 2)]! << 6 : 0);
    out[at++] = n >>> 16;
    if (left === 3) out[at++] = (n >>> 8) & 0xff;
  }
  return at;
}

/** Bytes a base64url text of this length decodes to. */
function decodedLength(textLength: number): number {
  return Math.floor((textLength * 3) / 4);
}

/**
 * base64url of some bytes.
 *
 * @example
 * ```ts
 * bytesToBase64Url(new Uint8Array([0xfb, 0xff])); // '-_8'
 * ```
 */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return encode(bytes, bytes.length);
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
  const bytes = new Uint8Array(decodedLength(text.length));
  decode(text, bytes);
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
  // UTF-8 takes at most three bytes per UTF-16 unit.
  if (text.length * 3 > SCRATCH_BYTES) return bytesToBase64Url(encoder.encode(text));
  const { written } = encoder.encodeInto(text, scratchBytes);
  return encode(scratchBytes, written);
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
  if (!BASE64URL.test(text)) return undefined;
  const length = decodedLength(text.length);
  const out = length <= SCRATCH_BYTES ? scratchBytes : new Uint8Array(length);
  return decoder.decode(out.subarray(0, decode(text, out)));
}
