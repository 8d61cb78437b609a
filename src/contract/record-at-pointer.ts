/**
 * The record a violation sits in: for a pointer such as `/body/result/3/metrics/patience`, the
 * fourth record of the page (or, with `truto_key_by`, the record under its key). A violation
 * report that shows the record saves a trip to the raw response.
 */

/** Undoes RFC 6901 escaping of one pointer token. */
function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The record of `body` (a unified page, parsed) that `pointer` points into, or undefined when
 * the pointer is not inside one record.
 *
 * @example
 * recordAtPointer({ result: [{ id: 'a' }] }, '/body/result/0/user'); // { id: 'a' }
 */
export function recordAtPointer(body: unknown, pointer: string): unknown {
  const match = /^\/body\/result\/([^/]+)(?:\/|$)/.exec(pointer);
  if (match === null || typeof body !== 'object' || body === null) return undefined;
  const result = (body as { result?: unknown }).result;
  const key = unescapeToken(match[1] as string);
  if (Array.isArray(result)) return /^\d+$/.test(key) ? result[Number(key)] : undefined;
  if (typeof result === 'object' && result !== null && Object.hasOwn(result, key))
    return (result as Record<string, unknown>)[key];
  return undefined;
}
