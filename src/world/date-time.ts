/**
 * RFC 3339 date-times, the `format: date-time` of the contract: strict, because a mock that
 * accepts what the real service rejects teaches clients bad habits.
 */
import { parseIsoDate } from './calendar.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/** The epoch ms of an RFC 3339 date-time, or undefined when the text is not one. */
export function parseDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [, date = '', hh, mm, ss, fraction, , sign, oh, om] = match;
  const day = parseIsoDate(date);
  const [h, m, s] = [Number(hh), Number(mm), Number(ss)];
  if (day === undefined || h > 23 || m > 59 || s > 59) return undefined;
  let offset = 0;
  if (sign !== undefined) {
    const [offH, offM] = [Number(oh), Number(om)];
    if (offH > 23 || offM > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0${fraction}`) * 1000);
  return day * 86_400_000 + ((h * 60 + m - offset) * 60 + s) * 1000 + ms;
}
