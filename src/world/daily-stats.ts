/**
 * One user's interaction stats for one local day, a pure function of (user key, day).
 *
 * Values are kept as integers (seconds, and hundredths for scores and rates) so that window
 * totals are exact sums: a month's totals equal the sum of its weeks' to the last digit.
 */
import { mix2, unit } from './hash.js';
import { weekday, weekOf } from './calendar.js';
import type { UserProfile } from './user-profile.js';

/** Running totals of a user's stats over a set of days. */
export interface StatTotals {
  /** Calls with Whisper on: the weight of every average. */
  calls: number;
  /** Longest monologue of any day, seconds. */
  longestMonologue: number;
  /** Longest customer story of any day, seconds. */
  longestCustomerStory: number;
  /** Sums of the day's value (in hundredths) times the day's calls. */
  interactivityWeighted: number;
  patienceWeighted: number;
  questionRateWeighted: number;
  talkRatioWeighted: number;
}

/** Totals with nothing in them. */
export function emptyTotals(): StatTotals {
  return {
    calls: 0,
    longestMonologue: 0,
    longestCustomerStory: 0,
    interactivityWeighted: 0,
    patienceWeighted: 0,
    questionRateWeighted: 0,
    talkRatioWeighted: 0,
  };
}

/** Adds `b` into `a`, as the aggregation rules say: maxima for the longest, sums for the rest. */
export function addTotals(a: StatTotals, b: StatTotals): StatTotals {
  return {
    calls: a.calls + b.calls,
    longestMonologue: Math.max(a.longestMonologue, b.longestMonologue),
    longestCustomerStory: Math.max(a.longestCustomerStory, b.longestCustomerStory),
    interactivityWeighted: a.interactivityWeighted + b.interactivityWeighted,
    patienceWeighted: a.patienceWeighted + b.patienceWeighted,
    questionRateWeighted: a.questionRateWeighted + b.questionRateWeighted,
    talkRatioWeighted: a.talkRatioWeighted + b.talkRatioWeighted,
  };
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/**
 * How many calls the user had on a day (few on weekends, none in a week off); `h` is the
 * day's hash `mix2(userKey, day)`, made once by the caller and reused for the day's stats.
 */
function callsOfDay(profile: UserProfile, userKey: number, day: number, h: number): number {
  const dow = weekday(day);
  if (dow === 0 || dow === 6) return unit(mix2(h, 11)) < 0.03 ? 1 : 0;
  const week = unit(mix2(userKey ^ 0x5bd1e995, weekOf(day)));
  // About one week in twelve is a week off; one in eight is a quiet week.
  const pace = week < 0.08 ? 0 : week < 0.2 ? 0.3 : 1;
  const expected = profile.callsPerWorkday * pace;
  return Math.floor(expected * (unit(mix2(h, 12)) + unit(mix2(h, 13))) + unit(mix2(h, 14)));
}

/** How many calls the user had on a day. */
export function callsOnDay(profile: UserProfile, userKey: number, day: number): number {
  return callsOfDay(profile, userKey, day, mix2(userKey, day));
}

/**
 * Adds one day of the user's stats into `totals` (mutating it: this runs millions of times a
 * second and must not allocate). Days without calls add nothing.
 */
export function accumulateDay(totals: StatTotals, profile: UserProfile, userKey: number, day: number): void {
  const h = mix2(userKey, day);
  const calls = callsOfDay(profile, userKey, day, h);
  if (calls === 0) return;
  // More calls in a day give more chances of a long monologue or story. The day's six draws
  // are `unit(mix2(h, k)) - 0.5` for k = 1..6, written out: a closure here would allocate.
  const spread = 1 + 0.06 * (calls - 1);
  const monologue = Math.round(
    clamp(profile.monologueSeconds * (1 + 0.5 * (unit(mix2(h, 1)) - 0.5)) * spread, 45, 300),
  );
  const story = Math.round(
    clamp(profile.customerStorySeconds * (1 + 0.6 * (unit(mix2(h, 2)) - 0.5)) * spread, 20, 240),
  );
  const interactivity = Math.round(clamp(profile.interactivity + 1.6 * (unit(mix2(h, 3)) - 0.5), 0, 10) * 100);
  const patience = Math.round(clamp(profile.patienceSeconds + 0.5 * (unit(mix2(h, 4)) - 0.5), 0.3, 2.5) * 100);
  const questionRate = Math.round(clamp(profile.questionRate + 5 * (unit(mix2(h, 5)) - 0.5), 4, 25) * 100);
  const talkRatio = Math.round(clamp(profile.talkRatio + 0.12 * (unit(mix2(h, 6)) - 0.5), 0.2, 0.85) * 100);

  totals.calls += calls;
  if (monologue > totals.longestMonologue) totals.longestMonologue = monologue;
  if (story > totals.longestCustomerStory) totals.longestCustomerStory = story;
  totals.interactivityWeighted += interactivity * calls;
  totals.patienceWeighted += patience * calls;
  totals.questionRateWeighted += questionRate * calls;
  totals.talkRatioWeighted += talkRatio * calls;
}
