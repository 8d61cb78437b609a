/**
 * From a user's window totals to the stats Gong reports, in Gong's names and order.
 */
import type { GongInteractionStat } from '../schema-types.js';
import type { StatTotals } from './daily-stats.js';

function weightedMean(weighted: number, calls: number): number {
  // Values are in hundredths: the mean goes back to units, rounded to two decimals.
  return Math.round(weighted / calls) / 100;
}

/** The stats Gong reports for every person, in Gong's order. */
export const GONG_STAT_NAMES = [
  'Longest Monologue',
  'Longest Customer Story',
  'Interactivity',
  'Patience',
  'Question Rate',
  'Talk Ratio',
] as const;

/** Gong's `personInteractionStats` for totals with at least one call. */
export function interactionStatsOf(totals: StatTotals): GongInteractionStat[] {
  const [monologue, story, interactivity, patience, questionRate, talkRatio] = GONG_STAT_NAMES;
  return [
    { name: monologue, value: totals.longestMonologue },
    { name: story, value: totals.longestCustomerStory },
    { name: interactivity, value: weightedMean(totals.interactivityWeighted, totals.calls) },
    { name: patience, value: weightedMean(totals.patienceWeighted, totals.calls) },
    { name: questionRate, value: weightedMean(totals.questionRateWeighted, totals.calls) },
    { name: talkRatio, value: weightedMean(totals.talkRatioWeighted, totals.calls) },
  ];
}
