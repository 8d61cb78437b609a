/**
 * RFC 3339 date-times, the `format: date-time` of the contract: every value RFC 3339 allows
 * (years 0000-9999, a leap second, any number of fraction digits) and nothing else, because a
 * mock that accepts what the real service rejects teaches clients bad habits. The unified
 * window also takes the ISO 8601 forms Python's `isoformat()` sends, read as UTC.
 */
import { parseIsoDate } from './calendar.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;
/** A date-time without an offset, as a naive `datetime.isoformat()` writes it. */
const NAIVE_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;

/** Epoch ms of a local date and clock, or undefined when a field is out of range. */
function instantOf(date: string, hh: string, mm: string, ss: string, fraction: string | undefined): number | undefined {
  const day = parseIsoDate(date);
  const [h, m, s] = [Number(hh), Number(mm), Number(ss)];
  if (day === undefined || h > 23 || m > 59 || s > 60) return undefined;
  // A leap second (`23:59:60`) is read as the last second of its minute, as Java's
  // DateTimeFormatter does: the instant stays on the date it was written on. RFC 3339 lets
  // one appear at any minute (the offset moves it), so no table of leap seconds is asked.
  const second = Math.min(s, 59);
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  return day * 86_400_000 + ((h * 60 + m) * 60 + second) * 1000 + ms;
}

/**
 * The epoch ms of an RFC 3339 date-time, or undefined when the text is not one.
 *
 * @example
 * parseDateTime('2026-06-30T23:59:60Z'); // the instant of 2026-06-30T23:59:59Z
 */
export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, date = '', hh = '', mm = '', ss = '', fraction, , sign, oh, om] = match;
  const local = instantOf(date, hh, mm, ss, fraction);
  if (local === undefined) return undefined;
  if (sign === undefined) return local;
  const [offH, offM] = [Number(oh), Number(om)];
  if (offH > 23 || offM > 59) return undefined;
  return local - (sign === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
}

/**
 * A window bound of the unified endpoint: an RFC 3339 date-time, or a date (`2026-10-01`) or
 * a date-time without an offset (`2026-10-01T00:00:00`), both read as UTC (the kit's reading:
 * the service converts ISO 8601 dates for the provider, and these are what Python's
 * `date.isoformat()` and a naive `datetime.isoformat()` send).
 *
 * @example
 * parseWindowTime('2026-10-01') === parseDateTime('2026-10-01T00:00:00Z'); // true
 */
export function parseWindowTime(text: string): number | undefined {
  const day = text.length === 10 ? parseIsoDate(text) : undefined;
  if (day !== undefined) return day * 86_400_000;
  const naive = NAIVE_DATE_TIME.exec(text);
  if (naive !== null) {
    const [, date = '', hh = '', mm = '', ss = '', fraction] = naive;
    return instantOf(date, hh, mm, ss, fraction);
  }
  return parseDateTime(text);
}
