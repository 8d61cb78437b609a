/**
 * Every IANA zone Intl knows, against luxon as the reference: around each clock change of
 * 2020-2030 (the days before, of and after it), a local day starts at the first instant whose
 * local date is that day, and instants print with the zone's offset. Only the days around
 * changes are checked: everywhere else the offset is constant and midnight is plain.
 */
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate, zoneCalendar } from '../../src/world/calendar.js';

const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2031, 0, 1);
/** Coarse steps of the scan for changes; two changes of one zone are always further apart. */
const STEP = 14 * 86_400_000;

/** The offset at an instant in ms, read by a formatter of the test's own (not the code under test). */
function scanner(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return (ms) => format.format(ms).split(', ')[1] ?? '';
}

/** The instants 2020-2030 at which a zone's offset changes, pinned to the ms with luxon. */
function transitions(timeZone: string): number[] {
  const coarse = scanner(timeZone);
  const zone = IANAZone.create(timeZone);
  const found: number[] = [];
  let previous = coarse(FROM);
  for (let t = FROM + STEP; t < TO + STEP; t += STEP) {
    const now = coarse(t);
    if (now === previous) continue;
    let [before, after] = [t - STEP, t];
    while (after - before > 1) {
      const middle = before + Math.floor((after - before) / 2);
      if (zone.offset(middle) === zone.offset(before)) before = middle;
      else after = middle;
    }
    found.push(after);
    previous = now;
  }
  return found;
}

/**
 * The first instant whose local date is `day`, near one change at `change`, in luxon's terms:
 * either a midnight the clock really reads (under the offset before or after the change) or
 * the change itself when the clock jumps over midnight.
 */
function referenceStartOfDay(timeZone: string, day: string, change: number): number {
  const zone = IANAZone.create(timeZone);
  const midnightUtc = DateTime.fromISO(day, { zone: 'utc' }).toMillis();
  const localDate = (ms: number) => DateTime.fromMillis(ms, { zone: timeZone }).toISODate();
  const candidates = [
    midnightUtc - zone.offset(change - 1) * 60_000,
    midnightUtc - zone.offset(change) * 60_000,
    change,
  ].filter((ms) => localDate(ms) === day && (ms === change || zone.offset(ms) === (midnightUtc - ms) / 60_000));
  return Math.min(...candidates);
}

const ZONES = Intl.supportedValuesOf('timeZone');

describe('time zones against luxon around every change of 2020-2030', () => {
  it('knows a good number of zones and changes', () => {
    // A guard against a scan that silently finds nothing.
    expect(ZONES.length).toBeGreaterThan(300);
    expect(ZONES).toContain('America/Havana');
    expect(transitions('America/Havana').length).toBeGreaterThanOrEqual(20);
  });

  it('starts every day around a change at its first instant, and prints it as luxon does', () => {
    const problems: string[] = [];
    let daysChecked = 0;
    for (const timeZone of ZONES) {
      const calendar = zoneCalendar(timeZone);
      for (const change of transitions(timeZone)) {
        const dayBefore = calendar.dayOf(change - 1);
        for (let day = dayBefore - 1; day <= dayBefore + 2; day++) {
          const iso = formatIsoDate(day);
          const want = referenceStartOfDay(timeZone, iso, change);
          const got = calendar.startOfDay(day);
          daysChecked++;
          if (got !== want) {
            problems.push(`${timeZone} ${iso}: ${new Date(got).toISOString()}, want ${new Date(want).toISOString()}`);
            continue;
          }
          const printed = DateTime.fromMillis(want, { zone: timeZone }).toISO({ suppressMilliseconds: true });
          if (calendar.formatInstant(got) !== printed)
            problems.push(`${timeZone} ${iso}: printed ${calendar.formatInstant(got)}, want ${printed}`);
          if (calendar.dayOf(got) !== day || calendar.dayOf(got - 1) !== day - 1)
            problems.push(`${timeZone} ${iso}: dayOf disagrees at the start`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(daysChecked).toBeGreaterThan(5000);
  });

  it('starts the Havana and Santiago days whose midnight the clocks skip at 01:00', () => {
    const havana = zoneCalendar('America/Havana');
    const march8 = parseIsoDate('2026-03-08') as number;
    expect(havana.formatInstant(havana.startOfDay(march8))).toBe('2026-03-08T01:00:00-04:00');
    const santiago = zoneCalendar('America/Santiago');
    const september6 = parseIsoDate('2026-09-06') as number;
    expect(santiago.formatInstant(santiago.startOfDay(september6))).toBe('2026-09-06T01:00:00-03:00');
  });

  it('starts a day whose midnight happens twice at the first one (Havana, clocks back from 01:00 to 00:00)', () => {
    const havana = zoneCalendar('America/Havana');
    const november1 = parseIsoDate('2026-11-01') as number;
    expect(havana.formatInstant(havana.startOfDay(november1))).toBe('2026-11-01T00:00:00-04:00');
  });
});
