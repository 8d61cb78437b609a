/**
 * From a user's window totals to the stats Gong reports, in Gong's names and order.
 */
import type { GongInteractionStat } from '../schema-types.js';
import type { StatTotals } from './daily-stats.js';

function weightedMean(weighted: number, calls: number): number {
  // Values are in hundredths: the mean goes back to units, rounded to two decimals.
  return Math.round(weighted / calls) / 100;
}

/** Gong's `personInteractionStats` for totals with at least one call. */
export function interactionStatsOf(totals: StatTotals): GongInteractionStat[] {
  return [
    { name: 'Longest Monologue', value: totals.longestMonologue },
    { name: 'Longest Customer Story', value: totals.longestCustomerStory },
    { name: 'Interactivity', value: weightedMean(totals.interactivityWeighted, totals.calls) },
    { name: 'Patience', value: weightedMean(totals.patienceWeighted, totals.calls) },
    { name: 'Question Rate', value: weightedMean(totals.questionRateWeighted, totals.calls) },
    { name: 'Talk Ratio', value: weightedMean(totals.talkRatioWeighted, totals.calls) },
  ];
}
