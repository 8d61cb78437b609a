/**
 * The query string as the unified endpoint splits it: `+` is a space, a parameter without `=`
 * is an empty value, brackets become segments, repeated names stay in order, and a malformed
 * encoding is a problem, never a guess.
 */
import { describe, expect, it } from 'vitest';
import { parseQueryString, spell, type QueryEntry } from '../../src/unified/parse-query-string.js';
import { parseUnifiedQuery } from '../../src/unified/unified-query.js';
import { ACCOUNT } from '../helpers/mock.js';

/** The parsed pairs as `[name, segments, value]`, in the order they were sent. */
function pairs(rawQuery: string): Array<[string, string[], string]> | string {
  const parsed = parseQueryString(rawQuery);
  if ('problem' in parsed) return parsed.problem;
  return [...parsed.entries.values()].flat().map((entry) => [entry.name, entry.segments, entry.value]);
}

describe('parseQueryString', () => {
  it.each<[string, string, Array<[string, string[], string]>]>([
    ['nothing', '', []],
    ['one pair', 'limit=10', [['limit', [], '10']]],
    ['+ in a value is a space', 'truto_key_by=a+b', [['truto_key_by', [], 'a b']]],
    ['+ in a name is a space too', 'a+b=1', [['a b', [], '1']]],
    [
      '%2B is a plus',
      'start_time=2026-10-01T00%3A00%3A00%2B02%3A00',
      [['start_time', [], '2026-10-01T00:00:00+02:00']],
    ],
    ['a parameter without = is empty', 'next_cursor', [['next_cursor', [], '']]],
    ['a bracketed parameter without =', 'users[][id]', [['users', ['', 'id'], '']]],
    ['only the first = splits', 'remote_query[a]=x=y', [['remote_query', ['a'], 'x=y']]],
    ['a trailing =', 'limit=', [['limit', [], '']]],
    ['empty pairs are skipped', '&&limit=1&&', [['limit', [], '1']]],
    ['brackets become segments', 'users[0][id]=7', [['users', ['0', 'id'], '7']]],
    ['an empty bracket is an empty segment', 'truto_exclude_fields[]=a', [['truto_exclude_fields', [''], 'a']]],
    ['encoded brackets are brackets', 'users%5B%5D%5Bid%5D=1', [['users', ['', 'id'], '1']]],
    [
      'a repeated name keeps every value, in order',
      'users[][id]=1&limit=5&users[][id]=2',
      [
        ['users', ['', 'id'], '1'],
        ['users', ['', 'id'], '2'],
        ['limit', [], '5'],
      ],
    ],
  ])('%s: %s', (_name, rawQuery, want) => {
    expect(pairs(rawQuery)).toEqual(want);
  });

  it.each<[string, string, RegExp]>([
    ['a bad percent-encoding in a value', 'a=%E0%A4%A', /^query string: malformed percent-encoding in "a=%E0%A4%A"$/],
    ['a bad percent-encoding in a name', '%ZZ=1', /^query string: malformed percent-encoding in "%ZZ=1"$/],
    ['a lone %', 'limit=100%', /malformed percent-encoding in "limit=100%"/],
    ['an unclosed bracket', 'users[0=1', /^query string: malformed parameter name "users\[0"$/],
    ['a bracket inside a bracket', 'a[[b]]=1', /malformed parameter name "a\[\[b\]\]"/],
    ['text after the brackets', 'a[b]c=1', /malformed parameter name "a\[b\]c"/],
    ['brackets without a name', '[a]=1', /malformed parameter name "\[a\]"/],
    ['an empty name', '=1', /malformed parameter name ""/],
  ])('refuses %s: %s', (_name, rawQuery, want) => {
    expect(pairs(rawQuery)).toMatch(want);
  });

  it('quotes at most 60 characters of what is malformed', () => {
    const long = `x${'%'.repeat(100)}`;
    expect(pairs(`${long}=1`)).toBe(`query string: malformed percent-encoding in "${long.slice(0, 60)}"`);
    const name = `a[${'b'.repeat(100)}`;
    expect(pairs(`${name}=1`)).toBe(`query string: malformed parameter name "${name.slice(0, 60)}"`);
  });
});

describe('spell', () => {
  it.each<[QueryEntry, string]>([
    [{ name: 'limit', segments: [], value: '' }, 'limit'],
    [{ name: 'users', segments: ['', 'id'], value: '' }, 'users[][id]'],
    [{ name: 'users', segments: ['0', 'name'], value: '' }, 'users[0][name]'],
  ])('writes %o as %s', (entry, want) => {
    expect(spell(entry)).toBe(want);
  });
});

describe('what that means for a unified request', () => {
  const base = `integrated_account_id=${ACCOUNT}&end_time=2026-11-01T00:00:00Z`;

  it('an unencoded + in an offset is a space: the date-time is refused, quoted as read', () => {
    const parsed = parseUnifiedQuery(`${base}&start_time=2026-10-01T00:00:00+02:00`);
    expect(parsed).toMatchObject({ error: { status: 400 } });
    expect('error' in parsed && parsed.error.body.message).toBe(
      'start_time: must be an ISO 8601 date-time such as 2026-10-01T00:00:00Z (or a date, read as UTC), got "2026-10-01T00:00:00 02:00"',
    );
  });

  it('%2B in an offset is a plus', () => {
    const parsed = parseUnifiedQuery(`${base}&start_time=2026-10-01T00:00:00%2B02:00`);
    expect(parsed).toMatchObject({ query: { startMs: Date.parse('2026-09-30T22:00:00Z') } });
  });

  it('a bare optional parameter is absent, as an empty one is', () => {
    const parsed = parseUnifiedQuery(`${base}&start_time=2026-10-01&limit&truto_key_by&next_cursor`);
    expect(parsed).toMatchObject({ query: { limit: 100, keyBy: undefined, nextCursor: undefined } });
  });

  it('a bare required parameter is missing', () => {
    const parsed = parseUnifiedQuery(`${base}&start_time`);
    expect('error' in parsed && parsed.error.body.message).toBe('Missing required query parameters: start_time');
  });
});
