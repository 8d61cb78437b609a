/**
 * The `normalized` format: every property of the Interaction schema present, `null` where
 * the source has no value, and no `remote_data`.
 */
import type { Interaction, NormalizedInteraction } from '../schema-types.js';

/** A unified record in normalized form. */
export function normalizeInteraction(record: Interaction): NormalizedInteraction {
  const m = record.metrics;
  return {
    id: record.id,
    user:
      record.user === undefined
        ? null
        : { id: record.user.id, emails: record.user.emails ?? null, name: record.user.name ?? null },
    start_time: record.start_time ?? null,
    end_time: record.end_time ?? null,
    aggregation_period: record.aggregation_period ?? null,
    timezone: record.timezone ?? null,
    metrics:
      m === undefined
        ? null
        : {
            interactivity: m.interactivity ?? null,
            longest_customer_story: m.longest_customer_story ?? null,
            longest_monologue: m.longest_monologue ?? null,
            patience: m.patience ?? null,
            question_rate: m.question_rate ?? null,
          },
    additional_metrics: record.additional_metrics ?? null,
    created_at: record.created_at ?? null,
    updated_at: record.updated_at ?? null,
  };
}
