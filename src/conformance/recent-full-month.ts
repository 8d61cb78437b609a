/**
 * The default window of `verify`: the most recent full calendar month (UTC) that ended at
 * least a day before `now`, so the window is complete and every provider will accept its end
 * (Gong refuses a `toDate` later than its current day, in the company's own time zone).
 */

/**
 * @example
 * ```ts
 * recentFullMonth(new Date('2026-11-24T10:00:00Z'));
 * // { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' }
 * recentFullMonth(new Date('2026-11-01T10:00:00Z'));
 * // { start: '2026-09-01T00:00:00Z', end: '2026-10-01T00:00:00Z' }
 * ```
 */
export function recentFullMonth(now: Date): { start: string; end: string } {
  const dayBefore = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000);
  const end = new Date(Date.UTC(dayBefore.getUTCFullYear(), dayBefore.getUTCMonth(), 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
  const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');
  return { start: iso(start), end: iso(end) };
}
