/**
 * The unified endpoint's query, checked: every parameter the contract lists, read in every
 * encoding real clients send, with a problem for each that is wrong, named as sent.
 */
import type { ResponseFormat } from '../schema-types.js';
import { parseWindowTime } from '../world/date-time.js';
import { parseQueryString } from './parse-query-string.js';
import { readBoolean, readFieldList, readNestedObject, readScalar, readUsers, type Read } from './query-values.js';
import { invalidParameters, missingParameters, type UnifiedErrorResult } from './unified-error.js';

/**
 * The values `truto_response_format` accepts.
 *
 * @example
 * ```ts
 * RESPONSE_FORMATS.includes('raw'); // true
 * ```
 */
export const RESPONSE_FORMATS: readonly ResponseFormat[] = ['unified', 'raw', 'normalized', 'stream', 'debug'];
/** Page sizes the mock accepts; 100 is Gong's own page. */
export const LIMIT_RANGE = { min: 1, max: 100, default: 100 } as const;
/** Longest query string read; longer ones are a 400. */
export const MAX_QUERY_LENGTH = 8192;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUIRED = ['integrated_account_id', 'start_time', 'end_time'] as const;

/** A checked unified query. */
export interface UnifiedQuery {
  integratedAccountId: string;
  /** Window bounds as sent and as epoch ms. */
  startTime: string;
  endTime: string;
  startMs: number;
  endMs: number;
  userIds: string[] | undefined;
  /** Records per page after `truto_ignore_limit`. */
  limit: number;
  /** The cursor, or undefined for the first page (absent or empty, as every optional parameter). */
  nextCursor: string | undefined;
  format: ResponseFormat;
  keyBy: string | undefined;
  excludeFields: string[];
  ignoreRemoteData: boolean;
  remoteQuery: Record<string, unknown> | undefined;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/**
 * Reads the raw query string of a unified request.
 *
 * @example
 * parseUnifiedQuery('integrated_account_id=62f4...&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z');
 */
export function parseUnifiedQuery(rawQuery: string): { query: UnifiedQuery } | { error: UnifiedErrorResult } {
  if (rawQuery.length > MAX_QUERY_LENGTH) {
    return {
      error: invalidParameters([`query string: ${rawQuery.length} characters; at most ${MAX_QUERY_LENGTH} are read`]),
    };
  }
  const parsed = parseQueryString(rawQuery);
  if ('problem' in parsed) return { error: invalidParameters([parsed.problem]) };
  const { entries } = parsed;
  const problems: string[] = [];
  const take = <T>(read: Read<T>): T | undefined => {
    if ('problem' in read) {
      problems.push(read.problem);
      return undefined;
    }
    return read.value;
  };
  const scalar = (name: string) => take(readScalar(name, entries.get(name)));

  const account = scalar('integrated_account_id');
  const start = scalar('start_time');
  const end = scalar('end_time');
  const missing = REQUIRED.filter((name) => !entries.has(name) || entries.get(name)?.[0]?.value === '');
  if (missing.length > 0 && problems.length === 0) return { error: missingParameters([...missing]) };

  if (account !== undefined && !UUID.test(account))
    problems.push(`integrated_account_id: must be a UUID, got ${quote(account)}`);
  // Dates and date-times without an offset are read as UTC (see parseWindowTime).
  const startMs = start === undefined ? undefined : parseWindowTime(start);
  const endMs = end === undefined ? undefined : parseWindowTime(end);
  if (start !== undefined && startMs === undefined)
    problems.push(
      `start_time: must be an ISO 8601 date-time such as 2026-10-01T00:00:00Z (or a date, read as UTC), got ${quote(start)}`,
    );
  if (end !== undefined && endMs === undefined)
    problems.push(
      `end_time: must be an ISO 8601 date-time such as 2026-11-01T00:00:00Z (or a date, read as UTC), got ${quote(end)}`,
    );
  if (startMs !== undefined && endMs !== undefined && endMs <= startMs)
    problems.push('end_time: must be after start_time');

  const userIds = take(readUsers(entries.get('users')));
  const limitText = scalar('limit');
  const ignoreLimit = take(readBoolean('truto_ignore_limit', scalar('truto_ignore_limit')));
  const formatText = scalar('truto_response_format');
  const format = formatText === undefined ? 'unified' : (formatText as ResponseFormat);
  let limit: number = LIMIT_RANGE.default;
  // A limit is checked even when it is then ignored (truto_ignore_limit=true, or a stream), so
  // the mock refuses exactly what the spec's 1..100 refuses: one schema, no exceptions.
  if (limitText !== undefined) {
    const n = /^\d{1,6}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(n >= LIMIT_RANGE.min && n <= LIMIT_RANGE.max)) {
      problems.push(
        `limit: must be a whole number from ${LIMIT_RANGE.min} to ${LIMIT_RANGE.max}, got ${quote(limitText)}`,
      );
    } else if (ignoreLimit !== true && format !== 'stream') limit = n;
  }
  const ignoreRemoteData = take(readBoolean('truto_ignore_remote_data', scalar('truto_ignore_remote_data')));

  if (!RESPONSE_FORMATS.includes(format)) {
    problems.push(
      `truto_response_format: must be one of ${RESPONSE_FORMATS.join(', ')}, got ${quote(formatText ?? '')}`,
    );
  }
  const keyBy = scalar('truto_key_by');
  const excludeFields = take(readFieldList('truto_exclude_fields', entries.get('truto_exclude_fields'))) ?? [];
  const remoteQuery = take(readNestedObject('remote_query', entries.get('remote_query')));
  const cursor = scalar('next_cursor');

  if (problems.length > 0) return { error: invalidParameters(problems) };
  return {
    query: {
      integratedAccountId: (account as string).toLowerCase(),
      startTime: start as string,
      endTime: end as string,
      startMs: startMs as number,
      endMs: endMs as number,
      userIds,
      limit,
      nextCursor: cursor,
      format,
      keyBy,
      excludeFields,
      ignoreRemoteData: ignoreRemoteData === true,
      remoteQuery,
    },
  };
}
