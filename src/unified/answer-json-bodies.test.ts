import { describe, expect, it } from 'vitest';
import type { GongPersonInteractionStats, Interaction } from '../schema-types.js';
import { GONG_STAT_NAMES } from '../world/interaction-stats.js';
import { answerJson, interactionJson } from './interaction-json.js';
import { toInteraction } from './map-interaction-stats.js';

const WINDOW = {
  fromDateTime: '2026-10-01T00:00:00-07:00',
  toDateTime: '2026-11-01T00:00:00-07:00',
  timeZone: 'America/Los_Angeles',
};

function record(userId: string, values = [100, 50, 5.5, 0.9, 7, 0.5]): Interaction {
  const person: GongPersonInteractionStats = {
    userId,
    userEmailAddress: `${userId}@acme-widgets.com`,
    personInteractionStats: GONG_STAT_NAMES.map((name, i) => ({ name, value: values[i] as number })),
  };
  return toInteraction(person, WINDOW);
}

/** A value whose toJSON writes the key it was asked under, so a wrong key shows in the text. */
const keyed = (): { toJSON: (key: string) => string } => ({ toJSON: (key) => `under ${key}` });

describe('answerJson on bodies of unusual shape', () => {
  // Each body is built inside the test: the order of its keys decides which value is met first.
  it.each([
    { name: 'an empty page', body: () => ({ result: [], next_cursor: null }) },
    { name: 'a page with a null cursor', body: () => ({ result: [record('1')], next_cursor: null }) },
    { name: 'a page with an undefined cursor', body: () => ({ result: [], next_cursor: undefined }) },
    { name: 'the cursor before the records', body: () => ({ next_cursor: null, result: [record('1')] }) },
    { name: 'an empty cursor text', body: () => ({ result: [], next_cursor: '' }) },
    { name: 'a numeric cursor', body: () => ({ result: [], next_cursor: 7 }) },
    { name: 'an undefined result', body: () => ({ result: undefined }) },
    { name: 'a result with a toJSON', body: () => ({ result: keyed() }) },
    { name: 'a cursor with a toJSON before the records', body: () => ({ next_cursor: keyed(), result: [] }) },
    {
      name: 'a cursor that is a function with a toJSON',
      body: () => ({ result: [record('1')], next_cursor: Object.assign(() => 'hidden', keyed()) }),
    },
    { name: 'a result that is a function with a toJSON', body: () => ({ result: Object.assign(() => 1, keyed()) }) },
    { name: 'an undefined record first', body: () => ({ result: [undefined, record('1')] }) },
    { name: 'a null record first', body: () => ({ result: [null, record('1')] }) },
    { name: 'a hole first', body: () => ({ result: [, record('1')] }) },
    { name: 'a text record', body: () => ({ result: ['a record', record('1')] }) },
    { name: 'records under another key', body: () => ({ result: [], others: [record('1'), record('2')] }) },
    { name: 'no body', body: () => undefined },
    { name: 'a text body', body: () => 'a body' },
  ])('writes $name as JSON.stringify does', ({ body }) => {
    const value = body();
    expect(answerJson(value)).toBe(JSON.stringify(value));
  });

  it('asks a function with a toJSON under its own key, as JSON.stringify does', () => {
    const body = { result: [], next_cursor: Object.assign(() => 'hidden', keyed()) };
    expect(answerJson(body)).toBe('{"result":[],"next_cursor":"under next_cursor"}');
  });
});

describe('interactionJson numbers', () => {
  it('writes a number near a remembered hundredth as itself, not as that hundredth', () => {
    // 5.571 and 5.57 round to the same hundredths: only the exact one may share its remembered text.
    const values = [5.57, 5.571, 5.5712, 2.718, 2.71, 2.7];
    for (const value of values) {
      const written = interactionJson(record('1', [value, value, value, value, value, value]));
      expect(written).toContain(`"longest_monologue":${value},`);
      expect(written).toBe(JSON.stringify(record('1', [value, value, value, value, value, value])));
    }
  });
});
