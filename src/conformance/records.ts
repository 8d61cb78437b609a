/**
 * Reading records out of unified answers: the `result` array (or keyed object) of a JSON
 * page, and dotted field names (`user.emails`) as `truto_exclude_fields` and `truto_key_by`
 * use them.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records of a page body: `result` as an array, the values of a keyed `result`, or `undefined`. */
export function recordsOf(body: unknown): Json[] | undefined {
  if (!isObject(body)) return undefined;
  const { result } = body;
  const records = Array.isArray(result) ? result : isObject(result) ? Object.values(result) : undefined;
  return records?.filter(isObject);
}

/** `next_cursor` of a page body; `undefined` when the body has none. */
export function nextCursorOf(body: unknown): unknown {
  return isObject(body) ? body.next_cursor : undefined;
}

/** Whether a record has the field at a dotted path. */
export function hasField(record: Json, path: string): boolean {
  let node: unknown = record;
  for (const part of path.split('.')) {
    if (!isObject(node) || !Object.hasOwn(node, part)) return false;
    node = node[part];
  }
  return true;
}

/** `"abc"` for messages, cut to a readable length (a cut string keeps its closing quote). */
export function quote(value: unknown, max = 60): string {
  if (typeof value === 'string' && value.length > max) return `${JSON.stringify(value.slice(0, max)).slice(0, -1)}…"`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
