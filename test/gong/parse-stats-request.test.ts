/**
 * Gong's stats request body, read as Gong reads it: body in, the company's day window or
 * Gong's error messages out. The default account keeps Los Angeles time; the clock is pinned
 * to 2026-11-24T00:00:00Z, which is still November 23rd there.
 */
import { describe, expect, it } from 'vitest';
import { parseStatsRequest } from '../../src/gong/parse-stats-request.js';
import { parseIsoDate } from '../../src/world/calendar.js';
import { createWorld } from '../../src/world/world.js';
import { ACCOUNT, NOW } from '../helpers/mock.js';

const account = createWorld().account(ACCOUNT)!;
const now = Date.parse(NOW);
const OCTOBER = { fromDate: '2026-10-01', toDate: '2026-11-01' };
const day = (date: string) => parseIsoDate(date) as number;
const parse = (body: unknown) => parseStatsRequest(account, body, now);
const errorsOf = (body: unknown) => {
  const result = parse(body);
  return 'errors' in result ? result.errors : [];
};

describe('the window', () => {
  it('is the filter dates as local days, toDate exclusive', () => {
    expect(parse({ filter: OCTOBER })).toEqual({
      request: expect.objectContaining({
        fromDay: day('2026-10-01'),
        toDay: day('2026-11-01'),
        fromDate: day('2026-10-01'),
        toDate: day('2026-11-01'),
        userIds: undefined,
        cursor: undefined,
      }),
    });
  });

  it.each<[string, object, string[]]>([
    ['toDate on the current day is fine', { fromDate: '2026-11-01', toDate: '2026-11-23' }, []],
    [
      'toDate the day after the current day is not',
      { fromDate: '2026-11-01', toDate: '2026-11-24' },
      ['filter.toDate: must not be after the current day (2026-11-23 in America/Los_Angeles)'],
    ],
    [
      'toDate equal to fromDate',
      { fromDate: '2026-10-01', toDate: '2026-10-01' },
      ['filter.toDate: must be after filter.fromDate (toDate is exclusive)'],
    ],
    ['toDate one day after fromDate', { fromDate: '2026-10-01', toDate: '2026-10-02' }, []],
    [
      'both dates missing: both said',
      {},
      [
        'filter.fromDate: required, a date in the format YYYY-MM-DD',
        'filter.toDate: required, a date in the format YYYY-MM-DD',
      ],
    ],
    [
      'an impossible date',
      { fromDate: '2026-02-01', toDate: '2026-02-30' },
      ['filter.toDate: must be a date in the format YYYY-MM-DD, got "2026-02-30"'],
    ],
    [
      'a date inside an array (its text would read as the date)',
      { fromDate: ['2026-10-01'], toDate: '2026-11-01' },
      ['filter.fromDate: must be a date in the format YYYY-MM-DD, got ["2026-10-01"]'],
    ],
    [
      'a date that is not a string',
      { fromDate: 20261001, toDate: '2026-11-01' },
      ['filter.fromDate: must be a date in the format YYYY-MM-DD, got 20261001'],
    ],
  ])('%s', (_name, filter, errors) => {
    expect(errorsOf({ filter })).toEqual(errors);
  });
});

describe('createdFromDateTime and createdToDateTime', () => {
  const created = (from?: string, to?: string) =>
    parse({
      filter: {
        ...OCTOBER,
        ...(from === undefined ? {} : { createdFromDateTime: from }),
        ...(to === undefined ? {} : { createdToDateTime: to }),
      },
    });

  it('narrow the window to the local days they touch', () => {
    // 2026-10-10T12:00:00Z is October 10th in Los Angeles; 2026-10-20T12:00:00Z is October 20th.
    expect(created('2026-10-10T12:00:00Z', '2026-10-20T12:00:00Z')).toMatchObject({
      request: { fromDay: day('2026-10-10'), toDay: day('2026-10-21'), fromDate: day('2026-10-01') },
    });
  });

  it('an end at a local midnight takes no day past it (the end is exclusive)', () => {
    // 2026-10-20T07:00:00Z is midnight starting October 20th in Los Angeles (UTC-7).
    expect(created(undefined, '2026-10-20T07:00:00Z')).toMatchObject({
      request: { fromDay: day('2026-10-01'), toDay: day('2026-10-20') },
    });
    expect(created(undefined, '2026-10-20T07:00:01Z')).toMatchObject({ request: { toDay: day('2026-10-21') } });
  });

  it('never widen the window past the filter dates', () => {
    expect(created('2026-09-01T00:00:00Z', '2026-12-01T00:00:00Z')).toMatchObject({
      request: { fromDay: day('2026-10-01'), toDay: day('2026-11-01') },
    });
  });

  it.each<[string, string]>([
    ['equal', '2026-10-10T00:00:00Z'],
    ['reversed', '2026-10-09T00:00:00Z'],
  ])('%s bounds are refused', (_name, to) => {
    expect(created('2026-10-10T00:00:00Z', to)).toEqual({
      errors: ['filter.createdToDateTime: must be after filter.createdFromDateTime'],
    });
  });

  it('a bound one millisecond after the other is fine', () => {
    expect(created('2026-10-10T00:00:00.000Z', '2026-10-10T00:00:00.001Z')).toHaveProperty('request');
  });

  it('a bound that is not a date-time is said by name', () => {
    expect(errorsOf({ filter: { ...OCTOBER, createdFromDateTime: 'yesterday' } })).toEqual([
      'filter.createdFromDateTime: must be an ISO-8601 date-time, got "yesterday"',
    ]);
    expect(errorsOf({ filter: { ...OCTOBER, createdToDateTime: 5 } })).toEqual([
      'filter.createdToDateTime: must be an ISO-8601 date-time, got 5',
    ]);
  });
});

describe('userIds and cursor', () => {
  it.each<[string, unknown, string[] | undefined]>([
    ['absent: every user', undefined, undefined],
    ['null: every user', null, undefined],
    ['[]: every user', [], undefined],
    ['some ids', ['2', '1', '2'], ['1', '2']],
    ['twenty digits', ['12345678901234567890'], ['12345678901234567890']],
  ])('%s', (_name, userIds, want) => {
    const result = parse({ filter: { ...OCTOBER, userIds } });
    expect(result).toHaveProperty('request');
    const got = 'request' in result ? result.request.userIds : 'refused';
    expect(got === undefined ? undefined : [...(got as Set<string>)].sort()).toEqual(want);
  });

  it('binds a cursor to the filter: the same users in any order are one filter, other users another', () => {
    const key = (userIds: unknown) => {
      const result = parse({ filter: { ...OCTOBER, userIds } });
      return 'request' in result ? result.request.filterKey : 'refused';
    };
    expect(key(['1', '2'])).toBe(key(['2', '1']));
    expect(key(['1', '2'])).not.toBe(key(['1']));
    expect(key(null)).toBe(key([]));
    expect(key(null)).not.toBe(key(['1']));
  });

  it.each<[string, unknown, string]>([
    ['not an array', '1,2', 'filter.userIds: must be an array of user ids, got "1,2"'],
    ['a number inside', [1], 'filter.userIds: every id must be a string of 1 to 20 digits, got 1'],
    [
      '21 digits',
      ['1'.repeat(21)],
      `filter.userIds: every id must be a string of 1 to 20 digits, got "${'1'.repeat(21)}"`,
    ],
    ['an empty id', [''], 'filter.userIds: every id must be a string of 1 to 20 digits, got ""'],
    ['letters', ['12a'], 'filter.userIds: every id must be a string of 1 to 20 digits, got "12a"'],
  ])('userIds %s is refused', (_name, userIds, message) => {
    expect(errorsOf({ filter: { ...OCTOBER, userIds } })).toEqual([message]);
  });

  it.each<[string, unknown]>([
    ['empty', ''],
    ['a number', 5],
    ['null', null],
  ])('a cursor that is %s is refused', (_name, cursor) => {
    expect(errorsOf({ filter: OCTOBER, cursor })).toEqual([
      `cursor: must be the non-empty string a previous page returned, got ${JSON.stringify(cursor)}`,
    ]);
  });

  it('a cursor is handed on as given', () => {
    expect(parse({ filter: OCTOBER, cursor: 'abc' })).toMatchObject({ request: { cursor: 'abc' } });
  });

  it('quotes at most 60 characters of a bad value, and a value of exactly 60 whole', () => {
    const sixty = 'x'.repeat(58); // with its quotes, 60 characters
    expect(errorsOf({ filter: { ...OCTOBER, createdFromDateTime: sixty } })).toEqual([
      `filter.createdFromDateTime: must be an ISO-8601 date-time, got "${sixty}"`,
    ]);
    expect(errorsOf({ filter: { ...OCTOBER, createdFromDateTime: `${sixty}x` } })).toEqual([
      `filter.createdFromDateTime: must be an ISO-8601 date-time, got "${'x'.repeat(56)}...`,
    ]);
  });
});

describe('the body', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'The request body must be a JSON object with a filter'],
    ['an array', [{ filter: OCTOBER }], 'The request body must be a JSON object with a filter'],
    ['no filter', {}, 'filter: required, an object with fromDate and toDate'],
    ['a filter array', { filter: [OCTOBER] }, 'filter: required, an object with fromDate and toDate'],
    ['a filter null', { filter: null }, 'filter: required, an object with fromDate and toDate'],
  ])('%s is refused', (_name, body, message) => {
    expect(errorsOf(body)).toEqual([message]);
  });
});
