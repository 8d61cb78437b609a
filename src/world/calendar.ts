/**
 * Calendar days and time zones without a date library: a "day" is a whole number of days
 * since 1970-01-01 on the local (proleptic Gregorian) calendar, and a ZoneCalendar converts
 * between instants and local days for one IANA zone using Intl (which knows every zone's
 * offsets and DST rules).
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Offsets a ZoneCalendar remembers before it starts over (of whole UTC days, and of instants). */
const OFFSET_CACHE_SIZE = 4096;
/** The last instant a Date (and so Intl) can hold, either side of 1970. */
const MAX_INSTANT_MS = 8.64e15;
/** Further from a local midnight than any zone's offset ever was (local mean times reach 15:56). */
const AROUND_MIDNIGHT_MS = 18 * 3_600_000;

/**
 * The day number of a proleptic Gregorian date, for any year (Hinnant's days_from_civil).
 * Plain arithmetic on purpose: `Date.UTC` reads years 0-99 as 1900-1999.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1; // from March 1st
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian date of a day number (Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // 0 is March
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** First and last day a `YYYY-MM-DD` can name: 0000-01-01 and 9999-12-31. */
export const ISO_DATE_RANGE = { first: daysFromCivil(0, 1, 1), last: daysFromCivil(9999, 12, 31) } as const;

/** The day number of a `YYYY-MM-DD` string (years 0000-9999), or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const dayNumber = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  // The round trip refuses what does not exist: 2026-02-30 comes back as 2026-03-02, month 13
  // as January of the next year, day 00 as the last of the month before.
  return formatIsoDate(dayNumber) === text ? dayNumber : undefined;
}

/** The `YYYY-MM-DD` string of a day number; outside years 0000-9999, ISO 8601's expanded `±YYYYYY-MM-DD`. */
export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  const yyyy =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week of a day number: 0 is Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Monday-based week number of a day number, for things that last a week. */
export function weekOf(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** Local days and instants of one IANA time zone. */
export interface ZoneCalendar {
  readonly timeZone: string;
  /** The zone's offset from UTC in minutes at an instant (a fraction for local mean times, e.g. -472.97). */
  offsetMinutes(epochMs: number): number;
  /** The local day number of an instant. */
  dayOf(epochMs: number): number;
  /** The first instant whose local date is the day (local midnight, or the end of a gap that swallowed it). */
  startOfDay(day: number): number;
  /** An instant as ISO 8601 with the zone's offset, e.g. `2026-10-01T00:00:00-07:00`. */
  formatInstant(epochMs: number): string;
}

/** Builds a ZoneCalendar; throws a RangeError for a zone Intl does not know. */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  // Asking Intl is slow (microseconds), and under a load of distinct requests slower still (its
  // tables leave the CPU's caches between requests), so answers are remembered, a bounded
  // number: for a whole UTC day when the offset is the same at its first and last
  // millisecond (nearly every day of every zone; no zone changes and changes back within a
  // day), else for the instant. Requests of any day then share its day's answer.
  const steadyDays = new Map<number, number>();
  const instants = new Map<number, number>();

  function remember(kept: Map<number, number>, key: number, offset: number): number {
    if (kept.size >= OFFSET_CACHE_SIZE) kept.clear();
    kept.set(key, offset);
    return offset;
  }

  /** The offset through the whole UTC day, or NaN when it changes within it. */
  function steadyOffset(utcDay: number): number {
    const first = askIntl(Math.max(utcDay * MS_PER_DAY, -MAX_INSTANT_MS));
    const last = askIntl(Math.min(utcDay * MS_PER_DAY + MS_PER_DAY - 1, MAX_INSTANT_MS));
    return first === last ? first : NaN;
  }

  /** The offset in ms: seconds count, local mean times before standard time have them. */
  function offsetMs(epochMs: number): number {
    // What no Date can hold is Intl's to refuse, as before (a RangeError).
    if (!(Math.abs(epochMs) <= MAX_INSTANT_MS)) return askIntl(epochMs);
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    const steady = steadyDays.get(utcDay) ?? remember(steadyDays, utcDay, steadyOffset(utcDay));
    if (!Number.isNaN(steady)) return steady;
    return instants.get(epochMs) ?? remember(instants, epochMs, askIntl(epochMs));
  }

  function askIntl(epochMs: number): number {
    // The only GMT±hh:mm[:ss] in e.g. "11/24/2026, GMT-08:00" is the offset; format() is about
    // twice as fast as formatToParts(); a zero offset reads "GMT" alone.
    const match = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(format.format(epochMs));
    if (match === null) return 0;
    const ms = ((Number(match[2]) * 60 + Number(match[3])) * 60 + Number(match[4] ?? 0)) * 1000;
    return match[1] === '-' ? -ms : ms;
  }

  function dayOf(epochMs: number): number {
    return Math.floor((epochMs + offsetMs(epochMs)) / MS_PER_DAY);
  }

  function startOfDay(day: number): number {
    const localMidnight = day * MS_PER_DAY;
    // 18 hours either side of the local midnight is further than any offset, so the day's
    // midnight lies between: the same offset at both ends and at midnight means no change near
    // it (the common case, three asks).
    const early = offsetMs(localMidnight - AROUND_MIDNIGHT_MS);
    const late = offsetMs(localMidnight + AROUND_MIDNIGHT_MS);
    if (early === late && offsetMs(localMidnight - early) === early) return localMidnight - early;
    // Near a change: the two ends give the offsets on either side of it, and the two-pass
    // guess (the second ask corrects a first that landed across the change) the one at midnight.
    const first = offsetMs(localMidnight);
    const second = offsetMs(localMidnight - first);
    const offsets = new Set([early, first, second, offsetMs(localMidnight - second), late]);
    // A midnight is real when the clock reads it: the offset at that instant is the one used.
    // Where midnight happens twice (clocks going back to 00:00), the day starts at the first.
    let start: number | undefined;
    for (const offset of offsets) {
      const instant = localMidnight - offset;
      if (offsetMs(instant) === offset && (start === undefined || instant < start)) start = instant;
    }
    if (start !== undefined) return start;
    // No midnight (America/Havana on 2026-03-08 goes from 23:59:59 to 01:00): the day starts
    // where the clock jumps, found by halving between an instant of the day before and one of
    // the day.
    let before = localMidnight - Math.max(...offsets);
    let after = localMidnight - Math.min(...offsets);
    while (after - before > 1) {
      const middle = before + Math.floor((after - before) / 2);
      if (dayOf(middle) >= day) after = middle;
      else before = middle;
    }
    return after;
  }

  return {
    timeZone,
    offsetMinutes: (epochMs) => offsetMs(epochMs) / 60_000,
    dayOf,
    startOfDay,
    formatInstant(epochMs) {
      // RFC 3339 offsets have no seconds: a local mean time's offset is shown rounded up to the
      // minute, and the clock with it, so the text is still the exact instant and a day's
      // start never reads as the day before.
      const offset = Math.ceil(offsetMs(epochMs) / 60_000);
      const local = new Date(epochMs + offset * 60_000).toISOString();
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const hh = String(Math.floor(abs / 60)).padStart(2, '0');
      const mm = String(abs % 60).padStart(2, '0');
      return `${formatIsoDate(Math.floor((epochMs + offset * 60_000) / MS_PER_DAY))}T${local.slice(-13, -5)}${sign}${hh}:${mm}`;
    },
  };
}
