/**
 * What makes two requests "the same request" for replay: the method, the path, and the query
 * as a set of decoded pairs (order ignored), with the token's value ignored (only whether one
 * was sent counts, as the recording has it redacted), secret query values ignored, an empty
 * `next_cursor` taken as none (the TypeScript SDK's first page), and `next_cursor` read
 * whatever its base64 spelling (padding, `+/` or `-_`), so the same page matches.
 */
import { isSecretName } from '../redact.js';

/**
 * A request reduced to what matching compares.
 *
 * @example
 * requestKey('GET', '/x?b=2&a=1', {}).text; // 'GET /x?a=1&b=2 token=none'
 */
export interface RequestKey {
  method: string;
  path: string;
  /** Decoded query pairs, sorted. */
  pairs: Array<readonly [string, string]>;
  /** `none`, or the lower-cased scheme of `Authorization` (`bearer`). */
  token: string;
  /** Everything above in one string: equal texts, same request. */
  text: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** `next_cursor` in one spelling: base64url without padding. */
export function canonicalCursor(cursor: string): string {
  return cursor.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

function headerValue(headers: Readonly<Record<string, unknown>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? String(value[0]) : String(value);
  }
  return undefined;
}

/**
 * The key of a request.
 *
 * @example
 * requestKey('GET', '/u?next_cursor=&limit=2', { authorization: 'Bearer x' }).text; // 'GET /u?limit=2 token=bearer'
 */
export function requestKey(method: string, url: string, headers: Readonly<Record<string, unknown>>): RequestKey {
  const q = url.indexOf('?');
  const path = decode(q === -1 ? url : url.slice(0, q));
  const pairs: Array<readonly [string, string]> = [];
  for (const part of (q === -1 ? '' : url.slice(q + 1)).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decode(eq === -1 ? part : part.slice(0, eq));
    let value = eq === -1 ? '' : decode(part.slice(eq + 1));
    if (name === 'next_cursor') {
      if (value === '') continue;
      value = canonicalCursor(value);
    } else if (isSecretName(name)) value = '*';
    pairs.push([name, value]);
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const authorization = headerValue(headers, 'authorization')?.trim() ?? '';
  const token = authorization === '' ? 'none' : (authorization.split(/\s+/)[0] ?? '').toLowerCase();
  const query = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return {
    method: method.toUpperCase(),
    path,
    pairs,
    token,
    text: `${method.toUpperCase()} ${path}?${query} token=${token}`,
  };
}
