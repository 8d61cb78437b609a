/**
 * Calendar days and time zones without a date library: a "day" is a whole number of days
 * since 1970-01-01 on the local calendar, and a ZoneCalendar converts between instants and
 * local days for one IANA zone using Intl (which knows every zone's offsets and DST rules).
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Offsets a ZoneCalendar remembers before it starts over. */
const OFFSET_CACHE_SIZE = 4096;

/** The day number of a `YYYY-MM-DD` string, or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

/** The `YYYY-MM-DD` string of a day number. */
export function formatIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
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
  /** The zone's offset from UTC in minutes at an instant. */
  offsetMinutes(epochMs: number): number;
  /** The local day number of an instant. */
  dayOf(epochMs: number): number;
  /** The instant local midnight of a day begins. */
  startOfDay(day: number): number;
  /** An instant as ISO 8601 with the zone's offset, e.g. `2026-10-01T00:00:00-07:00`. */
  formatInstant(epochMs: number): string;
}

/** Builds a ZoneCalendar; throws a RangeError for a zone Intl does not know. */
export function zoneCalendar(timeZone: string): ZoneCalendar {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  // Asking Intl is slow (microseconds) and the same instants come back again and again (a
  // day's midnight for every page of that day), so answers are remembered, a bounded number.
  const known = new Map<number, number>();

  function offsetMinutes(epochMs: number): number {
    const cached = known.get(epochMs);
    if (cached !== undefined) return cached;
    const offset = askIntl(epochMs);
    if (known.size >= OFFSET_CACHE_SIZE) known.clear();
    known.set(epochMs, offset);
    return offset;
  }

  function askIntl(epochMs: number): number {
    // The only GMT±hh:mm in e.g. "11/24/2026, GMT-08:00" is the offset; format() is about
    // twice as fast as formatToParts(); a zero offset reads "GMT" alone.
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(format.format(epochMs));
    if (match === null) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return match[1] === '-' ? -minutes : minutes;
  }

  return {
    timeZone,
    offsetMinutes,
    dayOf(epochMs) {
      return Math.floor((epochMs + offsetMinutes(epochMs) * 60_000) / MS_PER_DAY);
    },
    startOfDay(day) {
      const localMidnight = day * MS_PER_DAY;
      // Two passes settle on the right offset even when the day starts near a DST change.
      const guess = localMidnight - offsetMinutes(localMidnight) * 60_000;
      return localMidnight - offsetMinutes(guess) * 60_000;
    },
    formatInstant(epochMs) {
      const offset = offsetMinutes(epochMs);
      const local = new Date(epochMs + offset * 60_000).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const hh = String(Math.floor(abs / 60)).padStart(2, '0');
      const mm = String(abs % 60).padStart(2, '0');
      return `${local}${sign}${hh}:${mm}`;
    },
  };
}
