/**
 * A user's pinned days as the world reads them: a range's two ends and its ten-year bound,
 * each day's stats (rates and scores in hundredths, -0 read as 0).
 */
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../src/world/calendar.js';
import { MAX_RANGE_DAYS, readPinnedDays, type PinnedValues } from '../../src/world/pinned-days.js';
import type { WorldProblem } from '../../src/world/world-problems.js';
import type { PinnedDay } from '../../src/generated/world-document.js';

const AT = ['accounts', 0, 'users', 0, 'days'];

function read(days: Record<string, PinnedDay>): { pinned: Map<number, PinnedValues>; problems: WorldProblem[] } {
  const problems: WorldProblem[] = [];
  return { pinned: readPinnedDays(days, AT, problems), problems };
}

const day = (text: string) => parseIsoDate(text)!;

describe('ranges of pinned days', () => {
  it('a range from a day to the same day pins that one day', () => {
    const { pinned, problems } = read({ '2026-10-05/2026-10-05': { calls: 2 } });
    expect(problems).toEqual([]);
    expect([...pinned.keys()]).toEqual([day('2026-10-05')]);
  });

  it(`a range of exactly ${MAX_RANGE_DAYS} days is read whole; one day more is refused`, () => {
    expect(MAX_RANGE_DAYS).toBe(3660);
    const longest = read({ '2016-01-01/2026-01-07': { calls: 0 } });
    expect(longest.problems).toEqual([]);
    expect(longest.pinned.size).toBe(3660);
    expect(formatIsoDate(Math.max(...longest.pinned.keys()))).toBe('2026-01-07');
    expect(read({ '2016-01-01/2026-01-08': { calls: 0 } })).toEqual({
      pinned: new Map(),
      problems: [{ path: [...AT, '2016-01-01/2026-01-08'], message: 'a range may cover at most 3660 days' }],
    });
  });

  it('a range whose end is not in the calendar is refused, naming the end', () => {
    expect(read({ '2026-10-05/2026-02-30': { calls: 1 } })).toEqual({
      pinned: new Map(),
      problems: [{ path: [...AT, '2026-10-05/2026-02-30'], message: '2026-02-30 is not a date in the calendar' }],
    });
  });
});

describe("a pinned day's values", () => {
  it('keeps rates and scores in hundredths, the longest in seconds, and reads -0 as 0', () => {
    const { pinned } = read({
      '2026-10-05': { calls: 3, longestMonologue: -0, interactivity: 6.2, patience: -0, talkRatio: 0.555 },
    });
    const values = pinned.get(day('2026-10-05'))!;
    expect(values).toEqual({ calls: 3, longestMonologue: 0, interactivity: 620, patience: 0, talkRatio: 56 });
    expect(Object.is(values.longestMonologue, 0)).toBe(true);
    expect(Object.is(values.patience, 0)).toBe(true);
  });
});
