/**
 * The default window of `verify`: the last calendar month (UTC) that ended at least 24 hours
 * before `now`, so the window is complete and every provider will accept its end. Gong refuses
 * a `toDate` later than its current day in the company's own time zone; 24 hours after a UTC
 * midnight, every zone from UTC-12 to UTC+14 has reached the day the window ends on. So on the
 * 1st of a month (UTC) the window is the month before last; from the 2nd on, last month.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The last calendar month (UTC) that ended at least 24 hours before `now`, as `start_time`
 * and `end_time`.
 *
 * @example
 * ```ts
 * recentFullMonth(new Date('2026-11-24T10:00:00Z'));
 * // { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' }
 * recentFullMonth(new Date('2026-11-01T10:00:00Z'));
 * // { start: '2026-09-01T00:00:00Z', end: '2026-10-01T00:00:00Z' }
 * recentFullMonth(new Date('2026-11-02T00:00:00Z'));
 * // { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' }
 * ```
 */
export function recentFullMonth(now: Date): { start: string; end: string } {
  const dayBefore = new Date(now.getTime() - DAY_MS);
  const end = new Date(Date.UTC(dayBefore.getUTCFullYear(), dayBefore.getUTCMonth(), 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
  const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');
  return { start: iso(start), end: iso(end) };
}
