import { describe, expect, it } from 'vitest';
import type { GongInteractionStat, GongPersonInteractionStats, Interaction } from '../schema-types.js';
import { toInteraction } from './map-interaction-stats.js';
import { normalizeInteraction } from './normalize-interaction.js';

const WINDOW = {
  fromDateTime: '2026-10-01T00:00:00-07:00',
  toDateTime: '2026-11-01T00:00:00-07:00',
  timeZone: 'America/Los_Angeles',
};

const NO_EMAIL = Symbol('no userEmailAddress');

function person(stats: unknown[], email: unknown = 'jon.snow@acme-widgets.com'): GongPersonInteractionStats {
  // Gong's answer as it may arrive on the wire: types are not to be trusted.
  return {
    userId: '234599484848423',
    ...(email === NO_EMAIL ? {} : { userEmailAddress: email }),
    personInteractionStats: stats,
  } as GongPersonInteractionStats;
}

const stat = (name: string, value: unknown) => ({ name, value }) as GongInteractionStat;

describe('Gong stats -> unified metrics (toInteraction)', () => {
  const cases: Array<{
    name: string;
    given: unknown[];
    metrics: Record<string, number>;
    additional: Array<{ name: string; value: number }>;
  }> = [
    {
      name: 'the five known stats fill metrics',
      given: [
        stat('Longest Monologue', 187),
        stat('Longest Customer Story', 131),
        stat('Interactivity', 6.4),
        stat('Patience', 1.12),
        stat('Question Rate', 11.3),
      ],
      metrics: {
        longest_monologue: 187,
        longest_customer_story: 131,
        interactivity: 6.4,
        patience: 1.12,
        question_rate: 11.3,
      },
      additional: [],
    },
    {
      name: 'stats without a slot go to additional_metrics, in Gong order',
      given: [stat('Talk Ratio', 0.46), stat('Patience', 1.1), stat('Filler Words', 3)],
      metrics: { patience: 1.1 },
      additional: [
        { name: 'Talk Ratio', value: 0.46 },
        { name: 'Filler Words', value: 3 },
      ],
    },
    {
      name: 'missing stats are absent, not zero',
      given: [stat('Interactivity', 0)],
      metrics: { interactivity: 0 },
      additional: [],
    },
    {
      name: 'no stats at all',
      given: [],
      metrics: {},
      additional: [],
    },
    {
      name: 'values that are not finite numbers are dropped, known or not',
      given: [
        stat('Patience', '1.2'),
        stat('Interactivity', null),
        stat('Question Rate', Number.NaN),
        stat('Longest Monologue', Number.POSITIVE_INFINITY),
        stat('Talk Ratio', '0.5'),
        stat('Longest Customer Story', 44),
      ],
      metrics: { longest_customer_story: 44 },
      additional: [],
    },
    {
      name: 'entries without a name are dropped',
      given: [{ value: 3 }, null, stat('Patience', 0.9)],
      metrics: { patience: 0.9 },
      additional: [],
    },
    {
      name: 'a known stat given twice keeps the first value',
      given: [stat('Patience', 0.9), stat('Patience', 2.2)],
      metrics: { patience: 0.9 },
      additional: [],
    },
    {
      name: 'an unknown stat given twice is kept twice, as Gong sent it',
      given: [stat('Talk Ratio', 0.4), stat('Talk Ratio', 0.5)],
      metrics: {},
      additional: [
        { name: 'Talk Ratio', value: 0.4 },
        { name: 'Talk Ratio', value: 0.5 },
      ],
    },
    {
      name: 'names are matched exactly (case matters)',
      given: [stat('patience', 1), stat('Question rate', 9)],
      metrics: {},
      additional: [
        { name: 'patience', value: 1 },
        { name: 'Question rate', value: 9 },
      ],
    },
  ];

  for (const { name, given, metrics, additional } of cases) {
    it(name, () => {
      const record = toInteraction(person(given), WINDOW);
      expect(record.metrics).toStrictEqual(metrics);
      expect(record.additional_metrics).toStrictEqual(additional);
    });
  }

  it('makes one record over the whole window, with Gong’s record as remote_data and nothing invented', () => {
    const gong = person([stat('Patience', 1.12)]);
    const record = toInteraction(gong, WINDOW);
    expect(record).toStrictEqual({
      id: '234599484848423_2026-10-01_2026-11-01',
      user: { id: '234599484848423', emails: [{ email: 'jon.snow@acme-widgets.com', is_primary: true }] },
      start_time: WINDOW.fromDateTime,
      end_time: WINDOW.toDateTime,
      aggregation_period: 'total',
      timezone: 'America/Los_Angeles',
      metrics: { patience: 1.12 },
      additional_metrics: [],
      remote_data: gong,
    });
    expect(record).not.toHaveProperty('created_at');
    expect(record).not.toHaveProperty('updated_at');
    expect(record.user).not.toHaveProperty('name');
  });

  const emails: Array<{ name: string; given: unknown; want: unknown[] }> = [
    { name: 'an address', given: 'a@b.example', want: [{ email: 'a@b.example', is_primary: true }] },
    { name: 'an empty address', given: '', want: [] },
    { name: 'no userEmailAddress at all', given: NO_EMAIL, want: [] },
    { name: 'null', given: null, want: [] },
    { name: 'a number', given: 42, want: [] },
  ];
  for (const { name, given, want } of emails) {
    it(`user.emails from ${name}`, () => {
      expect(toInteraction(person([], given), WINDOW).user?.emails).toStrictEqual(want);
    });
  }
});

describe('unified -> normalized (normalizeInteraction)', () => {
  it('every property present, null where Gong has no value, and no remote_data', () => {
    const normalized = normalizeInteraction(
      toInteraction(person([stat('Patience', 1.12), stat('Talk Ratio', 0.5)], ''), WINDOW),
    );
    expect(normalized).toStrictEqual({
      id: '234599484848423_2026-10-01_2026-11-01',
      user: { id: '234599484848423', emails: [], name: null },
      start_time: WINDOW.fromDateTime,
      end_time: WINDOW.toDateTime,
      aggregation_period: 'total',
      timezone: 'America/Los_Angeles',
      metrics: {
        interactivity: null,
        longest_customer_story: null,
        longest_monologue: null,
        patience: 1.12,
        question_rate: null,
      },
      additional_metrics: [{ name: 'Talk Ratio', value: 0.5 }],
      created_at: null,
      updated_at: null,
    });
  });

  const missing: Array<{ stat: string; metric: string }> = [
    { stat: 'Interactivity', metric: 'interactivity' },
    { stat: 'Longest Customer Story', metric: 'longest_customer_story' },
    { stat: 'Longest Monologue', metric: 'longest_monologue' },
    { stat: 'Patience', metric: 'patience' },
    { stat: 'Question Rate', metric: 'question_rate' },
  ];
  for (const { stat: name, metric } of missing) {
    it(`without "${name}", metrics.${metric} is null in normalized and absent in unified`, () => {
      const all = ['Interactivity', 'Longest Customer Story', 'Longest Monologue', 'Patience', 'Question Rate'];
      const record = toInteraction(person(all.filter((n) => n !== name).map((n) => stat(n, 5))), WINDOW);
      expect(record.metrics).not.toHaveProperty(metric);
      const normalized = normalizeInteraction(record);
      expect(normalized.metrics).toHaveProperty(metric, null);
      expect(Object.values(normalized.metrics ?? {}).filter((v) => v === null)).toHaveLength(1);
    });
  }
});

describe('normalizeInteraction of a record a response mapping made', () => {
  it('a record with its id alone: every other property null', () => {
    expect(normalizeInteraction({ id: 'x' } as Interaction)).toStrictEqual({
      id: 'x',
      user: null,
      start_time: null,
      end_time: null,
      aggregation_period: null,
      timezone: null,
      metrics: null,
      additional_metrics: null,
      created_at: null,
      updated_at: null,
    });
  });

  it('what the record has is kept: a name, no emails, the timestamps', () => {
    const record = {
      id: 'x',
      user: { id: 'u', name: 'Jon Snow' },
      metrics: { question_rate: 3 },
      created_at: '2026-10-01T00:00:00Z',
      updated_at: '2026-10-02T00:00:00Z',
    } as Interaction;
    expect(normalizeInteraction(record)).toMatchObject({
      user: { id: 'u', emails: null, name: 'Jon Snow' },
      metrics: {
        interactivity: null,
        longest_customer_story: null,
        longest_monologue: null,
        patience: null,
        question_rate: 3,
      },
      created_at: '2026-10-01T00:00:00Z',
      updated_at: '2026-10-02T00:00:00Z',
    });
  });
});

describe('a Gong person without personInteractionStats', () => {
  it('has no metrics and no additional metrics', () => {
    const record = toInteraction({ userId: '1', userEmailAddress: 'a@b.c' } as GongPersonInteractionStats, WINDOW);
    expect(record.metrics).toStrictEqual({});
    expect(record.additional_metrics).toStrictEqual([]);
  });
});
