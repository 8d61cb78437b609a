/**
 * Gong -> unified: one `peopleInteractionStats` entry becomes one interaction record over the
 * whole requested window (`aggregation_period: "total"`). The five stats with a slot go into
 * `metrics`; every other stat (Gong's `Talk Ratio`) goes into `additional_metrics`. Nothing
 * Gong does not provide is invented: no `created_at`, `updated_at` or user name.
 */
import type { AdditionalMetric, GongPersonInteractionStats, Interaction, InteractionMetrics } from '../schema-types.js';

/** Gong stat name -> unified metric. */
export const METRIC_BY_STAT_NAME: Readonly<Record<string, keyof InteractionMetrics>> = {
  Interactivity: 'interactivity',
  'Longest Customer Story': 'longest_customer_story',
  'Longest Monologue': 'longest_monologue',
  Patience: 'patience',
  'Question Rate': 'question_rate',
};

/** The window a Gong answer covers, from its `fromDateTime`, `toDateTime` and `timeZone`. */
export interface GongWindow {
  fromDateTime: string;
  toDateTime: string;
  timeZone: string;
}

/** A record id that is stable and unique per user and window. */
export function interactionId(userId: string, window: GongWindow): string {
  return `${userId}_${window.fromDateTime.slice(0, 10)}_${window.toDateTime.slice(0, 10)}`;
}

/**
 * Maps one user's Gong stats to a unified record.
 *
 * @example
 * toInteraction({ userId: '1', userEmailAddress: 'a@b.c', personInteractionStats: [{ name: 'Patience', value: 1.2 }] },
 *   { fromDateTime: '2026-10-01T00:00:00-07:00', toDateTime: '2026-11-01T00:00:00-07:00', timeZone: 'America/Los_Angeles' });
 */
export function toInteraction(person: GongPersonInteractionStats, window: GongWindow): Interaction {
  const metrics: InteractionMetrics = {};
  const additional: AdditionalMetric[] = [];
  for (const stat of person.personInteractionStats ?? []) {
    if (typeof stat?.name !== 'string' || typeof stat.value !== 'number' || !Number.isFinite(stat.value)) continue;
    // Own names only: a stat called `constructor` is an additional metric, not Object's.
    const metric = Object.hasOwn(METRIC_BY_STAT_NAME, stat.name) ? METRIC_BY_STAT_NAME[stat.name] : undefined;
    if (metric === undefined) additional.push({ name: stat.name, value: stat.value });
    else if (metrics[metric] === undefined) metrics[metric] = stat.value;
  }
  const email = person.userEmailAddress;
  return {
    id: interactionId(person.userId, window),
    user: {
      id: person.userId,
      emails: typeof email === 'string' && email !== '' ? [{ email, is_primary: true }] : [],
    },
    start_time: window.fromDateTime,
    end_time: window.toDateTime,
    aggregation_period: 'total',
    timezone: window.timeZone,
    metrics,
    additional_metrics: additional,
    remote_data: person,
  };
}
