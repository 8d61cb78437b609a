import { describe, expect, it, vi } from 'vitest';
import type { GongPersonInteractionStats, Interaction } from '../schema-types.js';
import { GONG_STAT_NAMES } from '../world/interaction-stats.js';
import { answerJson, interactionJson, interactionLines } from './interaction-json.js';
import { toInteraction } from './map-interaction-stats.js';

const WINDOW = {
  fromDateTime: '2026-10-01T00:00:00-07:00',
  toDateTime: '2026-11-01T00:00:00-07:00',
  timeZone: 'America/Los_Angeles',
};

function record(userId: string): Interaction {
  const person: GongPersonInteractionStats = {
    userId,
    userEmailAddress: `${userId}@acme-widgets.com`,
    personInteractionStats: GONG_STAT_NAMES.map((name, i) => ({
      name,
      value: [202, 87, 5.57, 0.83, 7.36, 0.62][i] as number,
    })),
  };
  return toInteraction(person, WINDOW);
}

/**
 * The text `write` makes, and the objects it handed to JSON.stringify on the way. The template
 * is the module's reason to exist (a third of JSON.stringify's time): an answer that is right but
 * went the slow way is a regression the bytes alone cannot show.
 */
function written(write: () => string): { text: string; handed: unknown[] } {
  const stringify = vi.spyOn(JSON, 'stringify');
  try {
    const text = write();
    const handed = stringify.mock.calls
      .map(([value]) => value as unknown)
      .filter((v) => typeof v === 'object' && v !== null);
    return { text, handed };
  } finally {
    stringify.mockRestore();
  }
}

describe('the template path of interaction-json', () => {
  it('writes a page of toInteraction records handing JSON.stringify no record, array or body', () => {
    const body = { result: [record('1'), record('2'), record('3')], next_cursor: 'abc' };
    const { text, handed } = written(() => answerJson(body));
    expect(text).toBe(JSON.stringify(body));
    expect(handed).toEqual([]);
  });

  it('writes an empty page without JSON.stringify of the array or the body', () => {
    const body = { result: [], next_cursor: null };
    const { text, handed } = written(() => answerJson(body));
    expect(text).toBe('{"result":[],"next_cursor":null}');
    expect(handed).toEqual([]);
  });

  it('writes one record and NDJSON lines from the template', () => {
    const records = [record('1'), record('2')];
    const one = written(() => interactionJson(records[0] as Interaction));
    expect(one.text).toBe(JSON.stringify(records[0]));
    expect(one.handed).toEqual([]);
    const lines = written(() => interactionLines(records));
    expect(lines.text).toBe(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    expect(lines.handed).toEqual([]);
  });

  it('hands JSON.stringify only the record out of the shape, the rest of the page keeps the template', () => {
    const odd = { ...record('2'), created_at: '2026-01-01T00:00:00Z' };
    const body = { result: [record('1'), odd, record('3')], next_cursor: null };
    const { text, handed } = written(() => answerJson(body));
    expect(text).toBe(JSON.stringify(body));
    expect(handed).toHaveLength(1);
    expect(handed[0]).toBe(odd);
  });
});
