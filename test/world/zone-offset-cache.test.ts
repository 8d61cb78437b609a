/**
 * A zone calendar asks Intl once for a whole UTC day whose offset does not change within it,
 * and instant by instant on a day with a change: distinct requests on the same days then cost
 * no Intl call at all, and the offsets stay exactly Intl's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zoneCalendar } from '../../src/world/calendar.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Counts the calls of `format` on every Intl.DateTimeFormat made while the spy is on. */
function countFormats(): { calls: () => number } {
  const Real = Intl.DateTimeFormat;
  let calls = 0;
  vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(((...args: ConstructorParameters<typeof Real>) => {
    const real = new Real(...args);
    return {
      format: (date?: number | Date) => {
        calls++;
        return real.format(date);
      },
    };
  }) as unknown as typeof Real);
  return { calls: () => calls };
}

/** The offset in minutes Intl gives, asked directly. */
function intlOffset(timeZone: string, epochMs: number): number {
  const text = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format(epochMs);
  const match = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (match === null) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
  return match[1] === '-' ? -minutes : minutes;
}

afterEach(() => vi.restoreAllMocks());

describe('zone offsets', () => {
  it('asks Intl twice for a steady UTC day, however many of its instants are asked', () => {
    const counter = countFormats();
    const zone = zoneCalendar('America/Los_Angeles');
    const day = Date.UTC(2026, 9, 14);
    const offsets = new Set(Array.from({ length: 500 }, (_, i) => zone.offsetMinutes(day + i * 172_799)));
    expect([...offsets]).toEqual([-420]);
    expect(counter.calls()).toBe(2);
    // Another day is asked for anew, and once.
    expect(zone.offsetMinutes(day + DAY + 5)).toBe(-420);
    expect(zone.offsetMinutes(day + DAY + 6)).toBe(-420);
    expect(counter.calls()).toBe(4);
  });

  it('asks instant by instant on a day with a change, and gets both sides of it', () => {
    const counter = countFormats();
    const zone = zoneCalendar('America/Los_Angeles');
    // 2026-03-08: clocks go forward at 10:00 UTC (02:00 PST).
    const change = Date.UTC(2026, 2, 8, 10);
    expect(zone.offsetMinutes(change - 1)).toBe(-480);
    expect(zone.offsetMinutes(change)).toBe(-420);
    expect(zone.offsetMinutes(Date.UTC(2026, 2, 8, 0, 0, 1))).toBe(-480);
    expect(zone.offsetMinutes(Date.UTC(2026, 2, 8, 23, 59, 59))).toBe(-420);
    // Two for the day's ends, one for each of the four instants.
    expect(counter.calls()).toBe(6);
    // An instant asked again is remembered.
    expect(zone.offsetMinutes(change)).toBe(-420);
    expect(counter.calls()).toBe(6);
  });

  it("gives Intl's offset at every instant, in zones with odd offsets and rare changes", () => {
    const zones = [
      'America/Los_Angeles',
      'Europe/Berlin',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/Havana',
      'Pacific/Apia',
      'Pacific/Kwajalein',
      'Antarctica/Troll',
      'Africa/Casablanca',
      'Europe/Dublin',
      'America/St_Johns',
    ];
    // A fixed stream of instants, 1850 to 2100: a linear congruential walk, the same every run.
    let seed = 20_261_202;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const from = Date.UTC(1850, 0, 1);
    const span = Date.UTC(2100, 0, 1) - from;
    for (const timeZone of zones) {
      const zone = zoneCalendar(timeZone);
      for (let i = 0; i < 300; i++) {
        const instant = from + Math.floor(next() * span);
        // Near the instant too: the same day's other instants come from the day's answer.
        for (const at of [instant, instant + 7 * HOUR, instant - 11 * HOUR])
          expect(zone.offsetMinutes(at), `${timeZone} at ${new Date(at).toISOString()}`).toBe(intlOffset(timeZone, at));
      }
    }
  });

  it('leaves an instant no Date can hold to Intl, which refuses it', () => {
    const zone = zoneCalendar('Europe/Berlin');
    expect(() => zone.offsetMinutes(8.64e15 + 1)).toThrow(RangeError);
    expect(() => zone.offsetMinutes(Number.NaN)).toThrow(RangeError);
    // The last instant a Date holds is read, though its UTC day ends past it.
    expect(zone.offsetMinutes(8.64e15)).toBe(intlOffset('Europe/Berlin', 8.64e15));
    expect(zone.offsetMinutes(-8.64e15)).toBe(intlOffset('Europe/Berlin', -8.64e15));
  });
});
