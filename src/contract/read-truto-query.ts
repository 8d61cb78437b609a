/**
 * The request parameters that decide what a unified 200 looks like: `truto_response_format`,
 * `truto_key_by`, `truto_exclude_fields` and `truto_ignore_remote_data`, read from whatever a
 * caller has at hand (a raw query string, URLSearchParams, or an object a framework parsed).
 */

/**
 * A request query: raw (`a=1&b=2`, a leading `?` is fine), URLSearchParams, or already parsed.
 *
 * @example
 * ```ts
 * readTrutoQuery('?truto_key_by=id'); readTrutoQuery(url.searchParams); readTrutoQuery(req.query);
 * ```
 */
export type QueryInput = string | URLSearchParams | Readonly<Record<string, unknown>>;

/**
 * The `truto_*` parameters of a request, in the spec's own names.
 *
 * @example
 * ```ts
 * const query: TrutoQuery = readTrutoQuery('truto_key_by=id');
 * query.truto_key_by; // 'id'
 * ```
 */
export interface TrutoQuery {
  /** `''` when absent. */
  truto_response_format: string;
  /** `undefined` when absent or empty. */
  truto_key_by: string | undefined;
  /** Every excluded field, in order, without duplicates. */
  truto_exclude_fields: string[];
  truto_ignore_remote_data: boolean;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The query as decoded `[key, value]` pairs, in order; nested objects are skipped. */
function queryPairs(query: QueryInput): Array<[string, string]> {
  if (typeof query === 'string') {
    return query
      .replace(/^\?/, '')
      .split('&')
      .filter((pair) => pair !== '')
      .map((pair): [string, string] => {
        const eq = pair.indexOf('=');
        return eq === -1 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
      });
  }
  if (query instanceof URLSearchParams) return [...query.entries()];
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
        pairs.push([key, String(item)]);
    }
  }
  return pairs;
}

/** `truto_exclude_fields[]` and `truto_exclude_fields[0]` are `truto_exclude_fields`. */
function parameterName(key: string): string {
  const bracket = key.indexOf('[');
  return bracket === -1 ? key : key.slice(0, bracket);
}

/**
 * Reads the `truto_*` parameters. `truto_exclude_fields` may be repeated, bracketed
 * (`truto_exclude_fields[]=a`, `truto_exclude_fields[0]=a`) or comma-separated (`=a,b`).
 *
 * @example
 * ```ts
 * readTrutoQuery('truto_response_format=raw&truto_exclude_fields[]=id&truto_exclude_fields=user.id,timezone');
 * // { truto_response_format: 'raw', truto_key_by: undefined,
 * //   truto_exclude_fields: ['id', 'user.id', 'timezone'], truto_ignore_remote_data: false }
 * ```
 */
export function readTrutoQuery(...queries: Array<QueryInput | undefined>): TrutoQuery {
  const scalars = new Map<string, string>();
  const excluded = new Set<string>();
  for (const query of queries) {
    if (query === undefined) continue;
    for (const [key, value] of queryPairs(query)) {
      const name = parameterName(key);
      if (name === 'truto_exclude_fields') {
        for (const field of value.split(',')) if (field.trim() !== '') excluded.add(field.trim());
      } else if (!scalars.has(name)) {
        scalars.set(name, value);
      }
    }
  }
  const keyBy = scalars.get('truto_key_by');
  return {
    truto_response_format: scalars.get('truto_response_format') ?? '',
    truto_key_by: keyBy === undefined || keyBy === '' ? undefined : keyBy,
    truto_exclude_fields: [...excluded],
    truto_ignore_remote_data: scalars.get('truto_ignore_remote_data')?.toLowerCase() === 'true',
  };
}
