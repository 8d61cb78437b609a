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
  // An inactive user (a world file's `profile: inactive`) has no generated calls, weekends included.
  if (profile.callsPerWorkday === 0) return 0;
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

// The day's six draws, each from `unit(mix2(h, k)) - 0.5` of the day's hash h. More calls in
// a day give more chances of a long monologue or story (`spread`). Plain functions of numbers:
// they allocate nothing, as accumulateDay runs millions of times a second.
function monologueOf(profile: UserProfile, h: number, spread: number): number {
  return Math.round(clamp(profile.monologueSeconds * (1 + 0.5 * (unit(mix2(h, 1)) - 0.5)) * spread, 45, 300));
}
function storyOf(profile: UserProfile, h: number, spread: number): number {
  return Math.round(clamp(profile.customerStorySeconds * (1 + 0.6 * (unit(mix2(h, 2)) - 0.5)) * spread, 20, 240));
}
function interactivityOf(profile: UserProfile, h: number): number {
  return Math.round(clamp(profile.interactivity + 1.6 * (unit(mix2(h, 3)) - 0.5), 0, 10) * 100);
}
function patienceOf(profile: UserProfile, h: number): number {
  return Math.round(clamp(profile.patienceSeconds + 0.5 * (unit(mix2(h, 4)) - 0.5), 0.3, 2.5) * 100);
}
function questionRateOf(profile: UserProfile, h: number): number {
  return Math.round(clamp(profile.questionRate + 5 * (unit(mix2(h, 5)) - 0.5), 4, 25) * 100);
}
function talkRatioOf(profile: UserProfile, h: number): number {
  return Math.round(clamp(profile.talkRatio + 0.12 * (unit(mix2(h, 6)) - 0.5), 0.2, 0.85) * 100);
}

/**
 * Adds one day of the user's stats into `totals` (mutating it: this runs millions of times a
 * second and must not allocate). Days without calls add nothing.
 */
export function accumulateDay(totals: StatTotals, profile: UserProfile, userKey: number, day: number): void {
  const h = mix2(userKey, day);
  const calls = callsOfDay(profile, userKey, day, h);
  if (calls === 0) return;
  const spread = 1 + 0.06 * (calls - 1);
  const monologue = monologueOf(profile, h, spread);
  const story = storyOf(profile, h, spread);
  totals.calls += calls;
  if (monologue > totals.longestMonologue) totals.longestMonologue = monologue;
  if (story > totals.longestCustomerStory) totals.longestCustomerStory = story;
  totals.interactivityWeighted += interactivityOf(profile, h) * calls;
  totals.patienceWeighted += patienceOf(profile, h) * calls;
  totals.questionRateWeighted += questionRateOf(profile, h) * calls;
  totals.talkRatioWeighted += talkRatioOf(profile, h) * calls;
}

/**
 * One day's values: calls, the two longest in seconds, and the four rates and scores in
 * hundredths (whole numbers, so a window's weighted sums are exact).
 *
 * @example
 * ```ts
 * const day: DayValues = { calls: 3, longestMonologue: 310, longestCustomerStory: 95,
 *   interactivity: 620, patience: 40, questionRate: 1100, talkRatio: 62 };
 * ```
 */
export interface DayValues {
  calls: number;
  longestMonologue: number;
  longestCustomerStory: number;
  interactivity: number;
  patience: number;
  questionRate: number;
  talkRatio: number;
}

/**
 * What the generator would say of a day had the user made `calls` calls on it: a pinned day
 * that states only some stats gets the rest from here, so they look like the user's own.
 */
export function drawnDay(profile: UserProfile, userKey: number, day: number, calls: number): DayValues {
  const h = mix2(userKey, day);
  const spread = 1 + 0.06 * (calls - 1);
  return {
    calls,
    longestMonologue: monologueOf(profile, h, spread),
    longestCustomerStory: storyOf(profile, h, spread),
    interactivity: interactivityOf(profile, h),
    patience: patienceOf(profile, h),
    questionRate: questionRateOf(profile, h),
    talkRatio: talkRatioOf(profile, h),
  };
}

/** Adds a day's values into `totals`, by the same rules as a generated day. */
export function accumulateValues(totals: StatTotals, day: DayValues): void {
  const { calls } = day;
  if (calls === 0) return;
  totals.calls += calls;
  if (day.longestMonologue > totals.longestMonologue) totals.longestMonologue = day.longestMonologue;
  if (day.longestCustomerStory > totals.longestCustomerStory) totals.longestCustomerStory = day.longestCustomerStory;
  totals.interactivityWeighted += day.interactivity * calls;
  totals.patienceWeighted += day.patience * calls;
  totals.questionRateWeighted += day.questionRate * calls;
  totals.talkRatioWeighted += day.talkRatio * calls;
}
