/**
 * Gong's validation of a `POST /v2/stats/interaction` body: what it accepts, in the company's
 * calendar, and the messages it answers with when it does not.
 */
import { formatIsoDate, parseIsoDate } from '../world/calendar.js';
import { parseDateTime } from '../world/date-time.js';
import type { WorldAccount } from '../world/world.js';

const USER_ID = /^[0-9]{1,20}$/;

/** A valid stats request, in local day numbers of the company. */
export interface StatsRequest {
  /** First local day counted (inclusive). */
  fromDay: number;
  /** First local day not counted (exclusive). */
  toDay: number;
  /** The filter's own dates, for the response's `fromDateTime`/`toDateTime`. */
  fromDate: number;
  toDate: number;
  /** Only these user ids, or every user. */
  userIds: ReadonlySet<string> | undefined;
  cursor: string | undefined;
  /** Canonical form of the filter: a cursor is bound to it. */
  filterKey: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Checks a stats request body; the result is the request or Gong's error messages. */
export function parseStatsRequest(
  account: WorldAccount,
  body: unknown,
  now: number,
): { request: StatsRequest } | { errors: string[] } {
  if (!isPlainObject(body)) return { errors: ['The request body must be a JSON object with a filter'] };
  const { filter, cursor } = body;
  if (!isPlainObject(filter)) return { errors: ['filter: required, an object with fromDate and toDate'] };
  const errors: string[] = [];

  const date = (name: 'fromDate' | 'toDate'): number | undefined => {
    const value = filter[name];
    if (value === undefined) {
      errors.push(`filter.${name}: required, a date in the format YYYY-MM-DD`);
      return undefined;
    }
    const day = typeof value === 'string' ? parseIsoDate(value) : undefined;
    if (day === undefined)
      errors.push(`filter.${name}: must be a date in the format YYYY-MM-DD, got ${describe(value)}`);
    return day;
  };
  const fromDate = date('fromDate');
  const toDate = date('toDate');
  const today = account.zone.dayOf(now);
  if (fromDate !== undefined && toDate !== undefined && toDate <= fromDate) {
    errors.push('filter.toDate: must be after filter.fromDate (toDate is exclusive)');
  }
  if (toDate !== undefined && toDate > today) {
    errors.push(`filter.toDate: must not be after the current day (${formatIsoDate(today)} in ${account.timeZone})`);
  }

  const instant = (name: 'createdFromDateTime' | 'createdToDateTime'): number | undefined => {
    const value = filter[name];
    if (value === undefined) return undefined;
    const ms = typeof value === 'string' ? parseDateTime(value) : undefined;
    if (ms === undefined) errors.push(`filter.${name}: must be an ISO-8601 date-time, got ${describe(value)}`);
    return ms;
  };
  const createdFrom = instant('createdFromDateTime');
  const createdTo = instant('createdToDateTime');
  if (createdFrom !== undefined && createdTo !== undefined && createdTo <= createdFrom) {
    errors.push('filter.createdToDateTime: must be after filter.createdFromDateTime');
  }

  let userIds: Set<string> | undefined;
  const rawIds = filter['userIds'];
  if (rawIds !== undefined && rawIds !== null) {
    if (!Array.isArray(rawIds)) {
      errors.push(`filter.userIds: must be an array of user ids, got ${describe(rawIds)}`);
    } else {
      const bad = rawIds.find((id) => typeof id !== 'string' || !USER_ID.test(id));
      if (bad !== undefined)
        errors.push(`filter.userIds: every id must be a string of 1 to 20 digits, got ${describe(bad)}`);
      else if (rawIds.length > 0) userIds = new Set(rawIds as string[]);
    }
  }
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) {
    errors.push(`cursor: must be the non-empty string a previous page returned, got ${describe(cursor)}`);
  }
  if (errors.length > 0 || fromDate === undefined || toDate === undefined) return { errors };

  // Created-time bounds narrow the window to the days they touch.
  const fromDay = createdFrom === undefined ? fromDate : Math.max(fromDate, account.zone.dayOf(createdFrom));
  const toDay = createdTo === undefined ? toDate : Math.min(toDate, account.zone.dayOf(createdTo - 1) + 1);
  const filterKey = JSON.stringify([
    fromDate,
    toDate,
    fromDay,
    toDay,
    userIds === undefined ? null : [...userIds].sort(),
  ]);
  return {
    request: { fromDay, toDay, fromDate, toDate, userIds, cursor: cursor as string | undefined, filterKey },
  };
}
