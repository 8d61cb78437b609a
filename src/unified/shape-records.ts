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

type Json = Record<string, unknown>;

function valueAt(record: Json, path: string): unknown {
  let node: unknown = record;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Json)[part];
  }
  return node;
}

function removeAt(record: Json, path: string): void {
  const parts = path.split('.');
  let node: unknown = record;
  for (const part of parts.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Json)[part];
  }
  if (typeof node === 'object' && node !== null) delete (node as Json)[parts[parts.length - 1] as string];
}

export interface ShapeOptions {
  excludeFields: readonly string[];
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
