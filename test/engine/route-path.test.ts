/**
 * How the engine reads a request's target, table by table: split at `?` (absolute-form targets
 * give their path), mount points and routes in any case, the admin API's URLs, Express's
 * "simple" query parser (`+` as a space, repeated keys, malformed escapes kept), a header's one
 * value, and the integrated account a URL names.
 */
import { describe, expect, it } from 'vitest';
import { accountOfUrl } from '../../src/engine/account-of-url.js';
import {
  belowMount,
  headerText,
  isAdminUrl,
  isRoute,
  parseSimpleQuery,
  routerPath,
  splitUrl,
} from '../../src/engine/route-path.js';

describe('splitUrl', () => {
  it.each([
    ['/a/b?x=1&y=2', { path: '/a/b', rawQuery: 'x=1&y=2' }],
    ['/a/b', { path: '/a/b', rawQuery: '' }],
    ['/a/b?', { path: '/a/b', rawQuery: '' }],
    ['/a?b?c', { path: '/a', rawQuery: 'b?c' }],
    ['http://example.test/a/b?x=1', { path: '/a/b', rawQuery: 'x=1' }],
    ['http://example.test', { path: '/', rawQuery: '' }],
    ['http://example.test/a/', { path: '/a/', rawQuery: '' }],
    ['*', { path: '*', rawQuery: '' }],
    ['a/b?x', { path: 'a/b', rawQuery: 'x' }],
  ])('%s -> %o', (url, want) => {
    expect(splitUrl(url)).toStrictEqual(want);
  });
});

describe('belowMount, isRoute and routerPath', () => {
  it.each([
    ['/unified/x', '/unified', '/x'],
    ['/Unified/x', '/unified', '/x'],
    ['/unified', '/unified', ''],
    ['/unified/', '/unified', '/'],
    ['/unifiedx', '/unified', undefined],
    ['/unifie', '/unified', undefined],
    ['/other/unified', '/unified', undefined],
    ['/', '/unified', undefined],
  ])('belowMount(%s, %s) is %s', (path, mount, want) => {
    expect(belowMount(path, mount)).toBe(want);
  });

  it.each([
    ['/v2/users', '/v2/users', true],
    ['/V2/Users/', '/v2/users', true],
    ['/v2/users//', '/v2/users', false],
    ['/v2/user', '/v2/users', false],
    ['', '/v2/users', false],
  ])('isRoute(%s, %s) is %s', (rest, route, want) => {
    expect(isRoute(rest, route)).toBe(want);
  });

  it.each([
    ['', '/'],
    ['/x', '/x'],
  ])('routerPath(%s) is %s', (rest, want) => {
    expect(routerPath(rest)).toBe(want);
  });
});

describe('isAdminUrl', () => {
  it.each([
    ['/__admin', true],
    ['/__admin/requests?limit=1', true],
    ['/__ADMIN/health', true],
    ['http://127.0.0.1:4010/__admin/health', true],
    ['/__adminx', false],
    ['/unified/__admin', false],
    ['/', false],
  ])('%s: %s', (url, want) => {
    expect(isAdminUrl(url)).toBe(want);
  });
});

describe('parseSimpleQuery', () => {
  it.each<[string, Record<string, string | string[]>]>([
    ['', {}],
    ['a=1', { a: '1' }],
    ['a=1&&b=2&', { a: '1', b: '2' }],
    ['a', { a: '' }],
    ['a=', { a: '' }],
    ['a=1&a=2&a=3', { a: ['1', '2', '3'] }],
    ['a+b=c+d', { 'a b': 'c d' }],
    ['a%20b=%C3%A9', { 'a b': 'é' }],
    ['x=1=2', { x: '1=2' }],
    // A malformed escape stays as sent; the good runs beside it are decoded.
    ['q=%41%zz%42', { q: 'A%zzB' }],
    ['q=%C3%A9%zz', { q: 'é%zz' }],
    ['q=%E9%zz', { q: '%E9%zz' }],
    ['%zz=1', { '%zz': '1' }],
  ])('%s -> %o', (rawQuery, want) => {
    expect({ ...parseSimpleQuery(rawQuery) }).toStrictEqual(want);
  });

  it('keeps __proto__ as an ordinary key', () => {
    const parsed = parseSimpleQuery('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(parsed['__proto__']).toBe('x');
    expect(parsed['constructor']).toBe('y');
  });
});

describe('headerText', () => {
  it.each<[string | readonly string[] | undefined, string | undefined]>([
    ['ab', 'ab'],
    [['ab', 'cd'], 'ab'],
    [[], undefined],
    [undefined, undefined],
  ])('%o -> %s', (value, want) => {
    expect(headerText(value)).toBe(want);
  });
});

describe('accountOfUrl', () => {
  const ID = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
  it.each([
    [`/gong/${ID}/v2/users`, ID],
    [`/gong/${ID.toUpperCase()}/v2/users`, ID],
    [`/gong/${ID}`, ID],
    [`/unified/conversational-intelligence/interactions?integrated_account_id=${ID}&limit=2`, ID],
    [`/unified/x?limit=2&integrated_account_id=${ID.toUpperCase()}`, ID],
    [`/unified/x?integrated_account_id=A%42C`, 'abc'],
    // A malformed escape: the id as sent, lower-cased.
    [`/unified/x?integrated_account_id=AB%zz`, 'ab%zz'],
    [`/gong/AB%E9/v2/users`, 'ab%e9'],
    ['/unified/x?limit=2', undefined],
    ['/unified/x?xintegrated_account_id=a', undefined],
    ['/gong/', undefined],
    ['/__admin/requests', undefined],
  ])('%s -> %s', (url, want) => {
    expect(accountOfUrl(url)).toBe(want);
  });
});
