import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  formatIsoDate,
  ISO_DATE_RANGE,
  parseIsoDate,
  weekday,
  weekOf,
  zoneCalendar,
} from '../../src/world/calendar.js';
import { parseDateTime } from '../../src/world/date-time.js';

const day = (iso: string) => parseIsoDate(iso) as number;
const at = (iso: string) => parseDateTime(iso) as number;

describe('calendar days', () => {
  it.each([
    ['2026-02-30', undefined],
    ['2026-02-29', undefined],
    ['1900-02-29', undefined],
    ['2026-04-31', undefined],
    ['2026-13-01', undefined],
    ['2026-00-10', undefined],
    ['2026-01-00', undefined],
    ['2026-1-01', undefined],
    ['2024-02-29', 19_782],
    ['2000-02-29', 11_016],
    ['1970-01-01', 0],
    ['0000-01-01', -719_528],
    ['0000-02-29', -719_469],
    ['9999-12-31', 2_932_896],
  ])('parseIsoDate(%s) is %s (impossible dates fail the round trip)', (text, want) => {
    expect(parseIsoDate(text)).toBe(want);
  });

  it.each([2024, 2026, 2100, 0, 9999])(
    'accepts in %s exactly the months 01-12 and the days of each month, of every MM and DD written',
    (year) => {
      const yyyy = String(year).padStart(4, '0');
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
      const wrong: string[] = [];
      for (let month = 0; month <= 99; month++) {
        for (let dd = 0; dd <= 99; dd++) {
          const text = `${yyyy}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
          const real = month >= 1 && month <= 12 && dd >= 1 && dd <= (lengths[month - 1] as number);
          const parsed = parseIsoDate(text);
          if (real ? parsed === undefined || formatIsoDate(parsed) !== text : parsed !== undefined) wrong.push(text);
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it('writes the first and last years of YYYY-MM-DD plainly, with their zeros', () => {
    expect(formatIsoDate(ISO_DATE_RANGE.first)).toBe('0000-01-01');
    expect(formatIsoDate(ISO_DATE_RANGE.last)).toBe('9999-12-31');
  });

  it.each([
    ['1970-01-01', 4, 0], // a Thursday, in the week of Monday 1969-12-29
    ['1970-01-04', 0, 0], // Sunday ends that week
    ['1970-01-05', 1, 1], // Monday starts the next
    ['1969-12-29', 1, 0],
    ['1969-12-28', 0, -1],
    ['1969-12-31', 3, 0],
    ['2026-11-24', 2, 2969],
    ['0001-01-01', 1, -102_737],
  ])('%s: weekday %s (0 is Sunday), Monday-based week %s', (date, dow, week) => {
    expect(weekday(day(date))).toBe(dow);
    expect(weekOf(day(date))).toBe(week);
  });

  it('reads years 0000-0099 as themselves, not as 1900-1999 (Date.UTC does)', () => {
    expect(formatIsoDate(day('0001-01-01'))).toBe('0001-01-01');
    expect(formatIsoDate(day('0099-12-31'))).toBe('0099-12-31');
    expect(day('0100-01-01') - day('0099-12-31')).toBe(1);
    expect(day('0001-01-01') - day('0000-01-01')).toBe(366); // year 0 is a leap year
  });

  it('agrees with Date on every day from 1900 to 2100 and round-trips every year 0000-9999', () => {
    const mismatches: string[] = [];
    for (let n = day('1900-01-01'); n <= day('2100-12-31'); n++) {
      const viaDate = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (formatIsoDate(n) !== viaDate || parseIsoDate(viaDate) !== n) mismatches.push(viaDate);
    }
    for (let year = 0; year <= 9999; year += 7) {
      for (const [month, last] of [
        [2, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28],
        [12, 31],
      ] as const) {
        const n = daysFromCivil(year, month, last);
        if (JSON.stringify(civilFromDays(n)) !== JSON.stringify({ year, month, day: last }))
          mismatches.push(`${year}-${month}-${last}`);
        if (civilFromDays(n + 1).day !== 1) mismatches.push(`${year}-${month}-${last} + 1`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('writes days outside 0000-9999 in the expanded form, never as a plausible YYYY-MM-DD', () => {
    expect(formatIsoDate(ISO_DATE_RANGE.first - 1)).toBe('-000001-12-31');
    expect(formatIsoDate(ISO_DATE_RANGE.last + 1)).toBe('+010000-01-01');
    expect(parseIsoDate(formatIsoDate(ISO_DATE_RANGE.first - 1))).toBeUndefined();
  });
});

describe('zone calendars', () => {
  it.each([
    // Half-hour and 45-minute offsets.
    ['Asia/Kolkata', '2026-10-01', '2026-10-01T00:00:00+05:30', '2026-09-30T18:30:00.000Z'],
    ['Asia/Kathmandu', '2026-10-01', '2026-10-01T00:00:00+05:45', '2026-09-30T18:15:00.000Z'],
    ['Australia/Adelaide', '2026-10-04', '2026-10-04T00:00:00+09:30', '2026-10-03T14:30:00.000Z'],
    ['Australia/Adelaide', '2026-10-05', '2026-10-05T00:00:00+10:30', '2026-10-04T13:30:00.000Z'],
    // East of UTC, where a first guess at midnight lands across the change and the second
    // pass corrects it (Auckland leaves +13 at 03:00 on 2026-04-05).
    ['Pacific/Auckland', '2026-04-05', '2026-04-05T00:00:00+13:00', '2026-04-04T11:00:00.000Z'],
    ['Pacific/Auckland', '2026-04-06', '2026-04-06T00:00:00+12:00', '2026-04-05T12:00:00.000Z'],
    ['Pacific/Kiritimati', '2026-10-01', '2026-10-01T00:00:00+14:00', '2026-09-30T10:00:00.000Z'],
    ['Pacific/Chatham', '2026-01-15', '2026-01-15T00:00:00+13:45', '2026-01-14T10:15:00.000Z'],
    ['Asia/Tokyo', '2026-10-01', '2026-10-01T00:00:00+09:00', '2026-09-30T15:00:00.000Z'],
    // West of UTC and at UTC.
    ['America/Los_Angeles', '2026-03-08', '2026-03-08T00:00:00-08:00', '2026-03-08T08:00:00.000Z'],
    ['America/St_Johns', '2026-10-01', '2026-10-01T00:00:00-02:30', '2026-10-01T02:30:00.000Z'],
    ['UTC', '2026-10-01', '2026-10-01T00:00:00+00:00', '2026-10-01T00:00:00.000Z'],
    // Clocks that skip midnight: the day starts when they jump.
    ['America/Havana', '2026-03-08', '2026-03-08T01:00:00-04:00', '2026-03-08T05:00:00.000Z'],
    ['America/Santiago', '2026-09-06', '2026-09-06T01:00:00-03:00', '2026-09-06T04:00:00.000Z'],
    // A jump across midnight that starts before it: Toronto went from 23:30 to 00:30 on
    // 1919-03-31, so the day starts half an hour after midnight and no offset's midnight is real.
    ['America/Toronto', '1919-03-31', '1919-03-31T00:30:00-04:00', '1919-03-31T04:30:00.000Z'],
  ])('%s: %s starts at %s', (timeZone, date, printed, instant) => {
    const zone = zoneCalendar(timeZone);
    const start = zone.startOfDay(day(date));
    expect(new Date(start).toISOString()).toBe(instant);
    expect(zone.formatInstant(start)).toBe(printed);
    expect(zone.dayOf(start)).toBe(day(date));
    expect(zone.dayOf(start - 1)).toBe(day(date) - 1);
  });

  it('gives offsets in minutes, half and three-quarter hours included', () => {
    expect(zoneCalendar('Asia/Kathmandu').offsetMinutes(at('2026-10-01T00:00:00Z'))).toBe(345);
    expect(zoneCalendar('Australia/Adelaide').offsetMinutes(at('2026-07-01T00:00:00Z'))).toBe(570);
    expect(zoneCalendar('Australia/Adelaide').offsetMinutes(at('2026-12-01T00:00:00Z'))).toBe(630);
    expect(zoneCalendar('America/St_Johns').offsetMinutes(at('2026-12-01T00:00:00Z'))).toBe(-210);
  });

  it('prints the same instant east and west of UTC with its own local date', () => {
    const instant = at('2026-10-01T03:30:00Z');
    expect(zoneCalendar('Asia/Tokyo').formatInstant(instant)).toBe('2026-10-01T12:30:00+09:00');
    expect(zoneCalendar('Asia/Kolkata').formatInstant(instant)).toBe('2026-10-01T09:00:00+05:30');
    expect(zoneCalendar('America/Los_Angeles').formatInstant(instant)).toBe('2026-09-30T20:30:00-07:00');
  });

  it('handles early years: 0100-01-01T00:00:00Z is 0099-12-31 in Los Angeles', () => {
    const la = zoneCalendar('America/Los_Angeles');
    expect(formatIsoDate(la.dayOf(at('0100-01-01T00:00:00Z')))).toBe('0099-12-31');
    expect(formatIsoDate(zoneCalendar('Asia/Tokyo').dayOf(at('0099-12-31T20:00:00Z')))).toBe('0100-01-01');
  });

  it('prints a local mean time (offset with seconds) with the offset rounded up to the minute, the instant kept', () => {
    // Los Angeles before 1883 was -07:52:58: midnight prints 58 s later at -07:52, the same
    // instant, still on its own date.
    const la = zoneCalendar('America/Los_Angeles');
    const start = la.startOfDay(day('0001-01-01'));
    expect(new Date(start).toISOString()).toBe('0001-01-01T07:52:58.000Z');
    expect(la.formatInstant(start)).toBe('0001-01-01T00:00:58-07:52');
    expect(parseDateTime(la.formatInstant(start))).toBe(start);
  });
});
