/**
 * Unified query -> Gong request body: the window becomes `fromDate`/`toDate` in the company's
 * time zone (end exclusive: a window ending mid-day includes that day), `users[].id` become
 * `filter.userIds`, and `remote_query` is merged in untouched.
 */
import { formatIsoDate, ISO_DATE_RANGE } from '../world/calendar.js';
import type { WorldAccount } from '../world/world.js';
import type { UnifiedQuery } from './unified-query.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `patch` merged into `base`: objects merge key by key, anything else replaces. */
function deepMerge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    // Keys come from remote_query: `toString` must not find Object.prototype's.
    const current = Object.hasOwn(out, key) ? out[key] : undefined;
    out[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** The window's `fromDate`/`toDate` as local day numbers of the company. */
function windowDays(account: WorldAccount, query: UnifiedQuery): { fromDay: number; toDay: number } {
  const { zone } = account;
  const endDay = zone.dayOf(query.endMs);
  return {
    fromDay: zone.dayOf(query.startMs),
    toDay: zone.startOfDay(endDay) === query.endMs ? endDay : endDay + 1,
  };
}

/**
 * Why Gong cannot be asked for this window, or undefined: every RFC 3339 date-time is read,
 * but `fromDate`/`toDate` are `YYYY-MM-DD`, so the company's local dates must stay within
 * 0000-01-01 and 9999-12-31 (only the first and last day of that range can leave it).
 */
export function windowOutOfRange(account: WorldAccount, query: UnifiedQuery): string | undefined {
  const { fromDay, toDay } = windowDays(account, query);
  const where = `in ${account.timeZone}`;
  if (fromDay < ISO_DATE_RANGE.first)
    return `start_time: ${query.startTime} falls on ${formatIsoDate(fromDay)} ${where}; Gong's fromDate cannot be before 0000-01-01`;
  if (toDay > ISO_DATE_RANGE.last)
    return `end_time: ${query.endTime} needs toDate ${formatIsoDate(toDay)} ${where}; Gong's toDate cannot be after 9999-12-31`;
  return undefined;
}

/** The body of the `POST /v2/stats/interaction` call for a query and a Gong cursor. */
export function gongStatsBody(account: WorldAccount, query: UnifiedQuery, gongCursor: string | undefined): Json {
  const { fromDay, toDay } = windowDays(account, query);
  const filter: Json = { fromDate: formatIsoDate(fromDay), toDate: formatIsoDate(toDay) };
  if (query.userIds !== undefined) filter['userIds'] = query.userIds;
  return withPaging({ filter }, query, gongCursor);
}

/**
 * What the service adds to the Gong body a mapping made: the Gong cursor of the page (first,
 * at the top level, where Gong reads it), then `remote_query` merged in untouched.
 *
 * @example
 * withPaging({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } }, query, 'eyJ...');
 */
export function withPaging(mapped: Json, query: UnifiedQuery, gongCursor: string | undefined): Json {
  const body: Json = gongCursor === undefined ? mapped : { cursor: gongCursor, ...mapped };
  if (gongCursor !== undefined) body['cursor'] = gongCursor;
  // Plain objects only: remote_query is built without a prototype.
  const remote = query.remoteQuery === undefined ? undefined : (JSON.parse(JSON.stringify(query.remoteQuery)) as Json);
  return remote === undefined ? body : deepMerge(body, remote);
}
