/**
 * Per-request behaviour the spec documents for records: a field named in
 * `truto_exclude_fields` is absent from every record, and with `truto_ignore_remote_data=true`
 * no record has `remote_data`. Schemas cannot say this, since it depends on the request.
 */
import { escapePointerToken, type Diagnostic } from './diagnostics.js';
import type { TrutoQuery } from './read-truto-query.js';

/** One record of a response and where it sits. */
export interface LocatedRecord {
  pointer: string;
  record: unknown;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records of a unified envelope: `result` as an array or keyed by `truto_key_by`. */
export function envelopeRecords(body: unknown, pointer = '/body'): LocatedRecord[] {
  if (!isObject(body)) return [];
  const { result } = body;
  if (Array.isArray(result)) return result.map((record, i) => ({ pointer: `${pointer}/result/${i}`, record }));
  if (isObject(result)) {
    return Object.entries(result).map(([key, record]) => ({
      pointer: `${pointer}/result/${escapePointerToken(key)}`,
      record,
    }));
  }
  return [];
}

/** Where a dotted field is present in a record (objects only, as the service removes it). */
function presentAt(record: unknown, field: string): { tokens: string[]; value: unknown } | undefined {
  const tokens = field.split('.');
  let node: unknown = record;
  for (const token of tokens) {
    if (!isObject(node) || !Object.hasOwn(node, token)) return undefined;
    node = node[token];
  }
  return { tokens, value: node };
}

/**
 * Diagnostics for records that keep an excluded field or `remote_data` they should have lost.
 *
 * @example
 * ```ts
 * checkRecords([{ pointer: '/body/result/0', record: { id: 'a', remote_data: {} } }], {
 *   truto_response_format: '', truto_key_by: undefined, truto_exclude_fields: ['id'], truto_ignore_remote_data: true,
 * });
 * // [{ pointer: '/body/result/0/id', rule: 'excluded-field-present', ... },
 * //  { pointer: '/body/result/0/remote_data', rule: 'remote-data-present', ... }]
 * ```
 */
export function checkRecords(records: readonly LocatedRecord[], query: TrutoQuery): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { pointer, record } of records) {
    for (const field of query.truto_exclude_fields) {
      const present = presentAt(record, field);
      if (present === undefined) continue;
      diagnostics.push({
        pointer: `${pointer}/${present.tokens.map(escapePointerToken).join('/')}`,
        rule: 'excluded-field-present',
        message: `"${field}" is present although truto_exclude_fields names it`,
        value: present.value,
      });
    }
    if (query.truto_ignore_remote_data && isObject(record) && Object.hasOwn(record, 'remote_data')) {
      diagnostics.push({
        pointer: `${pointer}/remote_data`,
        rule: 'remote-data-present',
        message: 'remote_data is present although truto_ignore_remote_data=true',
        value: record.remote_data,
      });
    }
  }
  return diagnostics;
}
