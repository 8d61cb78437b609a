/**
 * A user's totals over a span of days, summed a week at a time. Totals are exact integer
 * sums and maxima, so a window's totals are the same however its days are grouped; grouping
 * by calendar week lets every window that covers a week reuse that week's sum, which turns a
 * month of day-by-day work into four lookups and a few edge days.
 */
import { accumulateDay, emptyTotals, type StatTotals } from './daily-stats.js';
import type { UserProfile } from './user-profile.js';

/** Weeks remembered per account before starting over (each seven numbers: about 4 MB). */
const MAX_CACHED_WEEKS = 50_000;
/** Windows shorter than this are summed day by day: weeks would not pay off. */
const SHORT_WINDOW_DAYS = 10;

/** The user of a totals question: their key, habits and the days they had calls at all. */
export interface TotalsSubject {
  index: number;
  key: number;
  profile: UserProfile;
  firstDay: number;
  endDay: number;
}

/** First day (a Monday) of Monday-based week `week` (see `weekOf` in calendar.ts). */
function weekStart(week: number): number {
  return week * 7 - 3;
}

function addInto(target: StatTotals, source: StatTotals): void {
  target.calls += source.calls;
  if (source.longestMonologue > target.longestMonologue) target.longestMonologue = source.longestMonologue;
  if (source.longestCustomerStory > target.longestCustomerStory)
    target.longestCustomerStory = source.longestCustomerStory;
  target.interactivityWeighted += source.interactivityWeighted;
  target.patienceWeighted += source.patienceWeighted;
  target.questionRateWeighted += source.questionRateWeighted;
  target.talkRatioWeighted += source.talkRatioWeighted;
}

function addDays(totals: StatTotals, user: TotalsSubject, from: number, to: number): void {
  for (let day = from; day < to; day++) accumulateDay(totals, user.profile, user.key, day);
}

/** Sums users' days, remembering whole weeks; one per account. */
export function createWeekTotals() {
  const weeks = new Map<number, StatTotals>();

  function weekTotals(user: TotalsSubject, week: number): StatTotals {
    const key = user.index * 100_000 + week;
    let totals = weeks.get(key);
    if (totals === undefined) {
      totals = emptyTotals();
      const start = weekStart(week);
      addDays(totals, user, Math.max(start, user.firstDay), Math.min(start + 7, user.endDay));
      if (weeks.size >= MAX_CACHED_WEEKS) weeks.clear();
      weeks.set(key, totals);
    }
    return totals;
  }

  /** The user's totals over local days [fromDay, toDay), within the days they had calls. */
  return function totalsOver(user: TotalsSubject, fromDay: number, toDay: number): StatTotals {
    const totals = emptyTotals();
    const first = Math.max(fromDay, user.firstDay);
    const end = Math.min(toDay, user.endDay);
    if (end - first < SHORT_WINDOW_DAYS) {
      addDays(totals, user, first, end);
      return totals;
    }
    let week = Math.ceil((first + 3) / 7);
    addDays(totals, user, first, weekStart(week));
    for (; weekStart(week + 1) <= end; week++) addInto(totals, weekTotals(user, week));
    addDays(totals, user, weekStart(week), end);
    return totals;
  };
}
