/**
 * Response headers as one lower-case map, whatever shape they came in (a plain object with
 * any casing, node's multi-value arrays, a WHATWG `Headers`).
 */

/**
 * Response headers as callers have them.
 *
 * @example
 * ```ts
 * const headers: HeadersInput = { 'Content-Type': 'application/json', 'set-cookie': ['a=1', 'b=2'] };
 * ```
 */
export type HeadersInput = Headers | Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** Lower-case name to value; multi-value headers joined with `, `. */
export type ResponseHeaders = ReadonlyMap<string, string>;

/**
 * The headers keyed by lower-case name.
 *
 * @example
 * ```ts
 * normalizeHeaders({ 'Retry-After': '2' }).get('retry-after'); // '2'
 * ```
 */
export function normalizeHeaders(headers: HeadersInput | undefined): ResponseHeaders {
  const map = new Map<string, string>();
  if (headers === undefined) return map;
  const add = (name: string, value: string | number | readonly string[] | undefined) => {
    if (value === undefined) return;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const key = name.toLowerCase();
    const previous = map.get(key);
    map.set(key, previous === undefined ? text : `${previous}, ${text}`);
  };
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    (headers as Headers).forEach((value, name) => add(name, value));
  } else {
    for (const [name, value] of Object.entries(
      headers as Record<string, string | number | readonly string[] | undefined>,
    )) {
      add(name, value);
    }
  }
  return map;
}
