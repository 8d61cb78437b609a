/**
 * How deep a JSON text nests, found before it is parsed. JSON.parse with a reviver walks the
 * parsed value recursively, so a 30,000-deep body overflows the stack and the client would be
 * told "Maximum call stack size exceeded", an internal message. One forward pass over the
 * bytes answers instead, in what the text says about itself.
 */

/** Levels of objects and arrays a request body may nest: Gong's body needs three. */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A body that nests deeper than MAX_JSON_DEPTH; a client error (400). */
export class JsonTooDeepError extends Error {
  override name = 'JsonTooDeepError';
  readonly status = 400;
  constructor(readonly maxDepth: number) {
    super(`The request body is nested too deeply: at most ${maxDepth} levels of objects and arrays`);
  }
}

/**
 * Whether UTF-8 JSON text nests objects and arrays deeper than `maxDepth`. Brackets inside
 * strings do not count; the text need not be valid JSON (the parser judges that afterwards).
 *
 * @example
 * nestsDeeperThan(new TextEncoder().encode('{"a":[1]}'), 1); // true
 */
export function nestsDeeperThan(bytes: Uint8Array, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return false;
}
