/**
 * A world file's pinned days: `days` keyed by a date or a range of dates, read into a map from
 * day number to the day's stated values, so a window looks each day up instead of searching.
 */
import { formatIsoDate, parseIsoDate } from './calendar.js';
import type { PinnedDay } from '../generated/world-document.js';
import type { WorldProblem } from './world-problems.js';

/** Days one range may cover: ten years, so a typo in a year cannot ask for millions of days. */
export const MAX_RANGE_DAYS = 3660;

/** The stats a pinned day may state besides `calls`, in Gong's order. */
export const PINNED_STATS = [
  'longestMonologue',
  'longestCustomerStory',
  'interactivity',
  'patience',
  'questionRate',
  'talkRatio',
] as const;

/** The rates and scores, kept in hundredths as the generator keeps them. */
const IN_HUNDREDTHS = new Set<string>(['interactivity', 'patience', 'questionRate', 'talkRatio']);

/**
 * A pinned day as the world keeps it: `calls`, and each stat stated (rates and scores in
 * hundredths); a stat left out is drawn when the user is built.
 *
 * @example
 * ```ts
 * const day: PinnedValues = { calls: 3, patience: 40 }; // patience 0.4 s, the rest drawn
 * ```
 */
export type PinnedValues = { calls: number } & Partial<Record<(typeof PINNED_STATS)[number], number>>;

function valuesOf(day: PinnedDay): PinnedValues {
  const values: PinnedValues = { calls: day.calls };
  for (const stat of PINNED_STATS) {
    const value = day[stat];
    // `+ 0` turns -0 into 0: a stat of -0 is the stat 0.
    if (value !== undefined) values[stat] = (IN_HUNDREDTHS.has(stat) ? Math.round(value * 100) : value) + 0;
  }
  return values;
}

function daysOfKey(key: string): { first: number; last: number } | { problem: string } {
  const [from = '', to] = key.split('/');
  const first = parseIsoDate(from);
  if (first === undefined) return { problem: `${from} is not a date in the calendar` };
  if (to === undefined) return { first, last: first };
  const last = parseIsoDate(to);
  if (last === undefined) return { problem: `${to} is not a date in the calendar` };
  if (last < first) return { problem: `the range ends before it begins (write ${to}/${from})` };
  if (last - first + 1 > MAX_RANGE_DAYS) return { problem: `a range may cover at most ${MAX_RANGE_DAYS} days` };
  return { first, last };
}

/**
 * Reads a user's `days` into a map by day number, reporting each problem at its place under
 * `at`: a date that does not exist, a range the wrong way round, a day pinned twice, stats on
 * a day without calls.
 *
 * @example
 * readPinnedDays({ '2026-10-05': { calls: 0 } }, ['accounts', 0, 'users', 0, 'days'], problems).size; // 1
 */
export function readPinnedDays(
  days: Readonly<Record<string, PinnedDay>>,
  at: readonly (string | number)[],
  problems: WorldProblem[],
): Map<number, PinnedValues> {
  const pinned = new Map<number, PinnedValues>();
  const keyOfDay = new Map<number, string>();
  for (const [key, day] of Object.entries(days)) {
    const span = daysOfKey(key);
    if ('problem' in span) {
      problems.push({ path: [...at, key], message: span.problem });
      continue;
    }
    if (day.calls === 0) {
      for (const stat of PINNED_STATS) {
        if (day[stat] !== undefined)
          problems.push({ path: [...at, key, stat], message: 'a day with calls: 0 carries no other stat' });
      }
    }
    const values = valuesOf(day);
    for (let n = span.first; n <= span.last; n++) {
      const earlier = keyOfDay.get(n);
      if (earlier !== undefined) {
        problems.push({ path: [...at, key], message: `${formatIsoDate(n)} is already pinned by ${earlier}` });
        break;
      }
      keyOfDay.set(n, key);
      pinned.set(n, values);
    }
  }
  return pinned;
}
