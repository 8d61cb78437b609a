/**
 * The unified parameters that take more than one plain value, request in, parsed query or 400
 * message out: `truto_ignore_limit`, `users` in the two encodings clients send (README,
 * Parameters), `truto_exclude_fields` with its prototype guard, `remote_query`'s nesting, and
 * the 1,000-item caps.
 */
import { describe, expect, it } from 'vitest';
import { parseQueryString } from '../../src/unified/parse-query-string.js';
import { readBoolean, readFieldList, readNestedObject, readUsers } from '../../src/unified/query-values.js';
import { parseUnifiedQuery, type UnifiedQuery } from '../../src/unified/unified-query.js';
import { ACCOUNT } from '../helpers/mock.js';

const BASE = `integrated_account_id=${ACCOUNT}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;

/** The parsed query of BASE plus `extra`, or the 400's message. */
function read(extra: string): UnifiedQuery | string {
  const parsed = parseUnifiedQuery(`${BASE}&${extra}`);
  if ('query' in parsed) return parsed.query;
  expect(parsed.error.status).toBe(400);
  return parsed.error.body.message;
}

/** The entries of one parameter, as the query parser hands them to a reader. */
function entriesOf(rawQuery: string, name: string) {
  const parsed = parseQueryString(rawQuery);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.entries.get(name);
}

describe('truto_ignore_limit', () => {
  it.each<[string, string, number]>([
    ['absent: the limit applies', 'limit=10', 10],
    ['false: the limit applies', 'limit=10&truto_ignore_limit=false', 10],
    ['true: a page is as long as a Gong page', 'limit=10&truto_ignore_limit=true', 100],
    ['empty is absent', 'limit=10&truto_ignore_limit=', 10],
    ['false does not undo a stream', 'limit=10&truto_ignore_limit=false&truto_response_format=stream', 100],
  ])('%s (%s)', (_name, extra, limit) => {
    expect(read(extra)).toMatchObject({ limit });
  });

  it.each<[string, string]>([
    ['truto_ignore_limit=False', 'truto_ignore_limit: must be true or false, got "False"'],
    ['truto_ignore_limit=0', 'truto_ignore_limit: must be true or false, got "0"'],
    ['truto_ignore_limit=true&truto_ignore_limit=true', 'truto_ignore_limit: given 2 times; send it once'],
    ['truto_ignore_limit[]=true', 'truto_ignore_limit[]: truto_ignore_limit takes a single value, not brackets'],
    ['truto_ignore_remote_data=no', 'truto_ignore_remote_data: must be true or false, got "no"'],
  ])('refuses %s', (extra, message) => {
    expect(read(extra)).toBe(message);
  });

  it('quotes at most 60 characters of a bad value', () => {
    const value = 'y'.repeat(100);
    expect(read(`truto_ignore_limit=${value}`)).toBe(
      `truto_ignore_limit: must be true or false, got "${'y'.repeat(57)}..."`,
    );
  });

  it('quotes a bad value of exactly 60 characters whole, and cuts one of 61', () => {
    expect(read(`truto_ignore_limit=${'y'.repeat(60)}`)).toBe(
      `truto_ignore_limit: must be true or false, got "${'y'.repeat(60)}"`,
    );
    expect(read(`truto_ignore_limit=${'y'.repeat(61)}`)).toBe(
      `truto_ignore_limit: must be true or false, got "${'y'.repeat(57)}..."`,
    );
  });

  it.each<[string | undefined, object]>([
    [undefined, { value: undefined }],
    ['true', { value: true }],
    ['false', { value: false }],
    ['TRUE', { problem: 'flag: must be true or false, got "TRUE"' }],
    ['', { problem: 'flag: must be true or false, got ""' }],
  ])('readBoolean(%s)', (raw, want) => {
    expect(readBoolean('flag', raw)).toEqual(want);
  });

  it('reads truto_ignore_remote_data true, false and absent', () => {
    expect(read('truto_ignore_remote_data=true')).toMatchObject({ ignoreRemoteData: true });
    expect(read('truto_ignore_remote_data=false')).toMatchObject({ ignoreRemoteData: false });
    expect(read('limit=5')).toMatchObject({ ignoreRemoteData: false });
  });
});

describe('users', () => {
  it.each<[string, string, string[] | undefined]>([
    ['absent', 'limit=5', undefined],
    ['empty is absent', 'users=', undefined],
    ['the documented form', 'users[][id]=1&users[][id]=2', ['1', '2']],
    ["the TypeScript SDK's form", 'users[0][id]=1&users[1][id]=2', ['1', '2']],
    ['indices in index order, not sending order', 'users[1][id]=b&users[0][id]=a', ['a', 'b']],
    [
      'indices >= 10 in numeric order, not text order',
      'users[10][id]=ten&users[9][id]=nine&users[2][id]=two',
      ['two', 'nine', 'ten'],
    ],
    ['indices may skip numbers', 'users[3][id]=3&users[7][id]=7', ['3', '7']],
    ['four-digit indices', 'users[9999][id]=1', ['1']],
    [
      'indexed users first, then the appended ones',
      'users[][id]=appended&users[0][id]=indexed',
      ['indexed', 'appended'],
    ],
    ['ids are trimmed', 'users[][id]=%201%20&users[0][id]=%092', ['2', '1']],
    ['a repeated id once, at its first place', 'users[][id]=1&users[][id]=2&users[][id]=1', ['1', '2']],
    ['a repeated id in both forms once', 'users[0][id]=1&users[][id]=1', ['1']],
    ['ids that differ only in spaces are one id', 'users[][id]=1&users[][id]=+1', ['1']],
    [
      "a user's other properties are ignored",
      'users[0][name]=Jon&users[0][id]=1&users[0][emails][0][email]=j%40x.io',
      ['1'],
    ],
    ['other properties after the id', 'users[0][id]=1&users[0][name]=Jon', ['1']],
    ['an appended user with other properties', 'users[][id]=1&users[][name]=Jon', ['1']],
  ])('%s: %s', (_name, extra, userIds) => {
    expect(read(extra)).toMatchObject({ userIds });
  });

  it.each<[string, string]>([
    ['users[]=1', 'users[]: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users[0]=1', 'users[0]: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users[foo]=1', 'users[foo]: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users[foo][id]=1', 'users[foo][id]: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users=1', 'users: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users[-1][id]=1', 'users[-1][id]: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users[1.5][id]=1', 'users[1.5][id]: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users[10000][id]=1', 'users[10000][id]: unknown form; send users[][id]=123 or users[0][id]=123'],
    ['users[][id]=%20', 'users[][id]: a user id must not be empty'],
    ['users[0][id]=', 'users[0][id]: a user id must not be empty'],
    ['users[][id][0]=1', "users[][id][0]: a user's id is one value, e.g. users[][id]=123"],
    ['users[0][id]=1&users[0][id]=1', 'users[0][id]: users[0] is given twice'],
    ['users[0][id]=1&users[2][name]=Jon', 'users[2]: has no id; send users[2][id]=123'],
    ['users[5][name]=Jon&users[3][name]=Ann', 'users[3]: has no id; send users[3][id]=123'],
    ['users[][name]=Jon', 'users[][name]: a user needs an id; send users[][id]=123'],
    ['users[][name]=Jon&users[][email]=j', 'users[][name]: a user needs an id; send users[][id]=123'],
    ['users[0][id]=1&users[][name]=Jon', 'users[][name]: a user needs an id; send users[][id]=123'],
  ])('refuses %s', (extra, message) => {
    expect(read(extra)).toBe(message);
  });

  it('takes 1,000 users, not 1,001 (counted before repeats are dropped)', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `users[][id]=${i % 3}`).join('&');
    expect(readUsers(entriesOf(ids(1000), 'users'))).toEqual({ value: ['0', '1', '2'] });
    expect(readUsers(entriesOf(ids(1001), 'users'))).toEqual({ problem: 'users: at most 1000 users, got 1001' });
    const indexed = Array.from({ length: 1001 }, (_, i) => `users[${i}][id]=${i}`).join('&');
    expect(readUsers(entriesOf(indexed, 'users'))).toEqual({ problem: 'users: at most 1000 users, got 1001' });
  });
});

describe('truto_exclude_fields', () => {
  it.each<[string, string, string[]]>([
    ['absent', 'limit=5', []],
    ['one field', 'truto_exclude_fields=id', ['id']],
    ['a comma list, trimmed, empty items skipped', 'truto_exclude_fields=id,+user.id+,,', ['id', 'user.id']],
    ['the [] form', 'truto_exclude_fields[]=id&truto_exclude_fields[]=user.emails', ['id', 'user.emails']],
    ['the indexed form', 'truto_exclude_fields[0]=id&truto_exclude_fields[1]=timezone', ['id', 'timezone']],
    [
      'indices of up to four digits',
      'truto_exclude_fields[10]=id&truto_exclude_fields[9999]=timezone',
      ['id', 'timezone'],
    ],
    ['a repeated field once', 'truto_exclude_fields=id&truto_exclude_fields=id,timezone', ['id', 'timezone']],
    ['empty means none', 'truto_exclude_fields=', []],
    ['underscores and digits in names', 'truto_exclude_fields=_a1.b_2', ['_a1.b_2']],
  ])('%s: %s', (_name, extra, excludeFields) => {
    expect(read(extra)).toMatchObject({ excludeFields });
  });

  it.each<[string, string]>([
    ['truto_exclude_fields=a.__proto__', 'truto_exclude_fields: "a.__proto__" is not a field name'],
    ['truto_exclude_fields=user.constructor', 'truto_exclude_fields: "user.constructor" is not a field name'],
    ['truto_exclude_fields=prototype.x', 'truto_exclude_fields: "prototype.x" is not a field name'],
    ['truto_exclude_fields[]=a.b.__proto__', 'truto_exclude_fields: "a.b.__proto__" is not a field name'],
    ['truto_exclude_fields=a..b', 'truto_exclude_fields: "a..b" is not a field name'],
    ['truto_exclude_fields=1a', 'truto_exclude_fields: "1a" is not a field name'],
    ['truto_exclude_fields=a.', 'truto_exclude_fields: "a." is not a field name'],
    ['truto_exclude_fields=a-b', 'truto_exclude_fields: "a-b" is not a field name'],
    [
      'truto_exclude_fields[x]=a',
      'truto_exclude_fields[x]: send truto_exclude_fields[]=field or truto_exclude_fields=a,b',
    ],
    [
      'truto_exclude_fields[10000]=a',
      'truto_exclude_fields[10000]: send truto_exclude_fields[]=field or truto_exclude_fields=a,b',
    ],
    [
      'truto_exclude_fields[0][1]=a',
      'truto_exclude_fields[0][1]: send truto_exclude_fields[]=field or truto_exclude_fields=a,b',
    ],
  ])('refuses %s', (extra, message) => {
    expect(read(extra)).toBe(message);
  });

  it('quotes at most 60 characters of a field that is not a name', () => {
    expect(read(`truto_exclude_fields=${'-'.repeat(80)}`)).toBe(
      `truto_exclude_fields: "${'-'.repeat(57)}..." is not a field name`,
    );
  });

  it('takes 1,000 fields, not 1,001 (counted before repeats are dropped)', () => {
    const list = (n: number) => `truto_exclude_fields=${Array.from({ length: n }, () => 'id').join(',')}`;
    expect(read(list(1000))).toMatchObject({ excludeFields: ['id'] });
    expect(read(list(1001))).toBe('truto_exclude_fields: at most 1000 fields');
    expect(readFieldList('f', entriesOf(list(1001).replace('truto_exclude_fields', 'f'), 'f'))).toEqual({
      problem: 'f: at most 1000 fields',
    });
  });
});

describe('remote_query', () => {
  it.each<[string, string, Record<string, unknown> | undefined]>([
    ['absent', 'limit=5', undefined],
    ['empty is absent', 'remote_query=', undefined],
    ['one key', 'remote_query[a]=1', { a: '1' }],
    ['an empty value', 'remote_query[a]=', { a: '' }],
    ['nested keys', 'remote_query[filter][fromDate]=2026-10-01', { filter: { fromDate: '2026-10-01' } }],
    ['siblings share their parent', 'remote_query[a][b]=1&remote_query[a][c]=2', { a: { b: '1', c: '2' } }],
    ['[] appends, in order', 'remote_query[a][]=1&remote_query[a][]=2', { a: ['1', '2'] }],
    ['[] with an empty value is a one-item list', 'remote_query[a][]=', { a: [''] }],
    ['[] under a nested key', 'remote_query[a][b][]=x', { a: { b: ['x'] } }],
    ['six levels', 'remote_query[a][b][c][d][e][f]=1', { a: { b: { c: { d: { e: { f: '1' } } } } } }],
    ['six levels, the last an append', 'remote_query[a][b][c][d][e][]=1', { a: { b: { c: { d: { e: ['1'] } } } } }],
    // The TypeScript SDK (qs) sends lists with indexes; qs reads 0 to 20 as a list's.
    ['indexes make a list', 'remote_query[a][0]=x&remote_query[a][1]=y', { a: ['x', 'y'] }],
    ['in index order', 'remote_query[a][1]=y&remote_query[a][0]=x', { a: ['x', 'y'] }],
    ['gaps closed', 'remote_query[a][0]=x&remote_query[a][20]=y', { a: ['x', 'y'] }],
    ['a list of objects', 'remote_query[a][0][id]=1&remote_query[a][1][id]=2', { a: [{ id: '1' }, { id: '2' }] }],
    ['a list deeper down', 'remote_query[f][ids][0]=9', { f: { ids: ['9'] } }],
    ['an index past 20 is a key', 'remote_query[a][21]=x', { a: { 21: 'x' } }],
    ['a leading zero is a key', 'remote_query[a][01]=x', { a: { '01': 'x' } }],
    ['indexes beside a name: an object', 'remote_query[a][0]=x&remote_query[a][b]=y', { a: { 0: 'x', b: 'y' } }],
    ['the top level stays an object', 'remote_query[0]=x', { 0: 'x' }],
  ])('%s: %s', (_name, extra, remoteQuery) => {
    expect(read(extra)).toMatchObject({ remoteQuery });
  });

  it('builds objects without a prototype, so no key can reach Object.prototype', () => {
    const read = readNestedObject('remote_query', entriesOf('remote_query[a][b]=1', 'remote_query'));
    expect('value' in read && Object.getPrototypeOf(read.value)).toBeNull();
    expect('value' in read && Object.getPrototypeOf(read.value?.a)).toBeNull();
  });

  it.each<[string, string]>([
    ['remote_query=x', 'remote_query: remote_query takes keys, e.g. remote_query[key]=value'],
    ['remote_query[]=x', 'remote_query[]: remote_query takes keys, e.g. remote_query[key]=value'],
    [
      'remote_query[a]=1&remote_query[a]=2',
      'remote_query[a]: given twice or conflicts with another remote_query parameter',
    ],
    [
      'remote_query[a][b]=1&remote_query[a][b]=2',
      'remote_query[a][b]: given twice or conflicts with another remote_query parameter',
    ],
    [
      'remote_query[a][]=1&remote_query[a]=2',
      'remote_query[a]: given twice or conflicts with another remote_query parameter',
    ],
    ['remote_query[a]=1&remote_query[a][]=2', 'remote_query[a][]: conflicts with another remote_query parameter'],
    ['remote_query[a][b]=1&remote_query[a][]=2', 'remote_query[a][]: conflicts with another remote_query parameter'],
    ['remote_query[a]=1&remote_query[a][b]=2', 'remote_query[a][b]: conflicts with another remote_query parameter'],
    ['remote_query[a][]=1&remote_query[a][b]=2', 'remote_query[a][b]: conflicts with another remote_query parameter'],
    ['remote_query[a][b][c][d][e][f][g]=1', 'remote_query[a][b][c][d][e][f][g]: nested too deeply'],
    ['remote_query[a][__proto__]=1', 'remote_query[a][__proto__]: "__proto__" is not allowed as a key'],
    ['remote_query[prototype]=1', 'remote_query[prototype]: "prototype" is not allowed as a key'],
    ['remote_query[a][constructor][]=1', 'remote_query[a][constructor][]: "constructor" is not allowed as a key'],
  ])('refuses %s', (extra, message) => {
    expect(read(extra)).toBe(message);
  });

  // The key before a `[]` used to store the value and stop, dropping what followed (`{ a: ['1'] }`).
  it('refuses [] before another key: remote_query[a][][b]=1', () => {
    expect(read('remote_query[a][][b]=1')).toBe('remote_query[a][][b]: [] may only come last');
  });
});

describe('every problem at once', () => {
  it('names each wrong parameter in one 400, in the order the parameters are read', () => {
    expect(read('users[]=1&truto_ignore_limit=no&truto_exclude_fields=a.__proto__&remote_query[]=1')).toBe(
      [
        'users[]: unknown form; send users[][id]=123 or users[0][id]=123',
        'truto_ignore_limit: must be true or false, got "no"',
        'truto_exclude_fields: "a.__proto__" is not a field name',
        'remote_query[]: remote_query takes keys, e.g. remote_query[key]=value',
      ].join('; '),
    );
  });
});
