/**
 * Splits a raw query string into parameters with their bracket segments, the way real clients
 * encode them: `users[][id]=1` (documented, Python SDK), `users[0][id]=1` (TypeScript SDK's
 * qs), `remote_query[filter][fromDate]=...`, `truto_exclude_fields[]=a`. Values are not
 * interpreted here; a malformed encoding is reported, never guessed at.
 */

/** One `key=value` pair: `users[0][id]=7` is `{ name: 'users', segments: ['0', 'id'], value: '7' }`. */
export interface QueryEntry {
  name: string;
  segments: string[];
  value: string;
}

/** The pairs of a query string grouped by parameter name, in order. */
export type ParsedQueryString = Map<string, QueryEntry[]>;

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const SEGMENT = /\[([^[\]]*)\]/g;

/** Decodes one component; `+` is a space in query strings. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Parses `rawQuery` (without the `?`), or names what is malformed in it. */
export function parseQueryString(rawQuery: string): { entries: ParsedQueryString } | { problem: string } {
  const entries: ParsedQueryString = new Map();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const key = decode(rawKey);
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    if (key === undefined || value === undefined) {
      return { problem: `query string: malformed percent-encoding in "${pair.slice(0, 60)}"` };
    }
    const match = KEY.exec(key);
    if (match === null) return { problem: `query string: malformed parameter name "${key.slice(0, 60)}"` };
    const name = match[1] as string;
    const segments = [...(match[2] ?? '').matchAll(SEGMENT)].map((m) => m[1] as string);
    const list = entries.get(name);
    if (list === undefined) entries.set(name, [{ name, segments, value }]);
    else list.push({ name, segments, value });
  }
  return { entries };
}

/** How a parameter was written, for error messages: `users[0][id]`. */
export function spell(entry: QueryEntry): string {
  return entry.name + entry.segments.map((s) => `[${s}]`).join('');
}
