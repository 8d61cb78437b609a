/**
 * Unified query -> Gong request body: the window becomes `fromDate`/`toDate` in the company's
 * time zone (end exclusive: a window ending mid-day includes that day), `users[].id` become
 * `filter.userIds`, and `remote_query` is merged in untouched.
 */
import { formatIsoDate } from '../world/calendar.js';
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
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** The body of the `POST /v2/stats/interaction` call for a query and a Gong cursor. */
export function gongStatsBody(account: WorldAccount, query: UnifiedQuery, gongCursor: string | undefined): Json {
  const { zone } = account;
  const fromDay = zone.dayOf(query.startMs);
  const endDay = zone.dayOf(query.endMs);
  const toDay = zone.startOfDay(endDay) === query.endMs ? endDay : endDay + 1;
  const filter: Json = { fromDate: formatIsoDate(fromDay), toDate: formatIsoDate(toDay) };
  if (query.userIds !== undefined) filter['userIds'] = query.userIds;
  const body: Json = gongCursor === undefined ? { filter } : { cursor: gongCursor, filter };
  // Plain objects only: remote_query is built without a prototype.
  const remote = query.remoteQuery === undefined ? undefined : (JSON.parse(JSON.stringify(query.remoteQuery)) as Json);
  return remote === undefined ? body : deepMerge(body, remote);
}
