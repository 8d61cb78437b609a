/**
 * What every format does to its records: `truto_exclude_fields` removes fields (dotted names
 * reach nested ones), `truto_ignore_remote_data` drops `remote_data`, and `truto_key_by`
 * turns the array into an object keyed by a field.
 */

/** Fields `truto_key_by` may name, per kind of record: each holds a string in every record. */
export const KEY_BY_FIELDS = {
  unified: ['id', 'user.id', 'start_time', 'end_time', 'aggregation_period', 'timezone'],
  raw: ['userId', 'userEmailAddress'],
} as const;

/**
 * Fields holding lists, per kind of record. A dotted name reaching past one
 * (`user.emails.length`) names a property of the list, not a field, so it cannot be excluded.
 */
export const LIST_FIELDS = {
  unified: ['user.emails', 'additional_metrics', 'remote_data.personInteractionStats'],
  raw: ['personInteractionStats'],
} as const;

type Json = Record<string, unknown>;

// Paths are user-given: only own properties of plain objects are walked, so `toString.x`
// never reaches Object.prototype and nothing below a list (its `length`) is touched.
function isRecordObject(node: unknown): node is Json {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function valueAt(record: Json, path: string): unknown {
  let node: unknown = record;
  for (const part of path.split('.')) {
    if (!isRecordObject(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}

function removeAt(record: Json, path: string): void {
  const parts = path.split('.');
  let node: unknown = record;
  for (const part of parts.slice(0, -1)) {
    if (!isRecordObject(node) || !Object.hasOwn(node, part)) return;
    node = node[part];
  }
  if (isRecordObject(node)) delete node[parts[parts.length - 1] as string];
}

/**
 * The first of `fields` that reaches inside a list field of `kind` records, with the list, or
 * undefined when every one can be excluded.
 */
export function fieldInsideList(
  fields: readonly string[],
  kind: keyof typeof LIST_FIELDS,
): { field: string; list: string } | undefined {
  for (const field of fields) {
    const list = LIST_FIELDS[kind].find((name) => field.startsWith(`${name}.`));
    if (list !== undefined) return { field, list };
  }
  return undefined;
}

/**
 * How records are trimmed before they are sent.
 *
 * @example
 * ```ts
 * shapeRecords(records, { excludeFields: ['user.email'], ignoreRemoteData: true });
 * ```
 */
export interface ShapeOptions {
  /** `truto_exclude_fields`: dotted paths removed from every record. */
  excludeFields: readonly string[];
  /** `truto_ignore_remote_data`: `remote_data` is removed too. */
  ignoreRemoteData: boolean;
}

/** The records with excluded fields (and `remote_data` when asked) removed; inputs untouched. */
export function shapeRecords<T extends object>(records: readonly T[], options: ShapeOptions): T[] {
  const drop = options.ignoreRemoteData ? [...options.excludeFields, 'remote_data'] : options.excludeFields;
  if (drop.length === 0) return [...records];
  return records.map((record) => {
    const copy = structuredClone(record) as Json;
    for (const path of drop) removeAt(copy, path);
    return copy as T;
  });
}

/** `result` keyed by `keyBy`, reading the key before fields are excluded. */
export function keyRecords<T extends object>(
  original: readonly T[],
  shaped: readonly T[],
  keyBy: string,
): Record<string, T> {
  const keyed: Record<string, T> = {};
  original.forEach((record, i) => {
    keyed[String(valueAt(record as Json, keyBy))] = shaped[i] as T;
  });
  return keyed;
}
