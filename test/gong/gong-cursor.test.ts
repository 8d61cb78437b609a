/**
 * Gong's cursors read back: the page of a good one, and for each way a cursor can be wrong
 * (its shape, its signature, its payload, its world, its request) the problem and Gong's words.
 */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/base64url.js';
import { decodeGongCursor, encodeGongCursor, gongCursorMessage } from '../../src/gong/gong-cursor.js';
import { gongPage, pageOfCursor, type PagingScope } from '../../src/gong/gong-paging.js';
import { portableSigner, signature } from '../../src/signing.js';

const keys = { secret: 'cursor-test', signer: portableSigner };
const HEADER = toBase64Url('{"alg":"HS256","typ":"cursor"}');
const good = { a: 'acct', f: 'filter', p: 2, w: 'world' };

/** A cursor with this payload text, signed with `keys` (or with another secret). */
function signed(payloadText: string, secret = keys.secret): string {
  const body = toBase64Url(payloadText);
  return `${HEADER}.${body}.${signature({ secret, signer: portableSigner }, 'gong', `${HEADER}.${body}`)}`;
}

function decode(cursor: string) {
  return decodeGongCursor(keys, cursor, 'acct', 'filter', 'world');
}

describe('decodeGongCursor', () => {
  it('reads back the page of a cursor it made, in the exact shape encode writes', () => {
    const cursor = encodeGongCursor(keys, good);
    expect(cursor).toBe(signed(JSON.stringify(good)));
    expect(cursor.split('.')[0]).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6ImN1cnNvciJ9');
    expect(decode(cursor)).toEqual({ page: 2 });
    expect(decode(encodeGongCursor(keys, { ...good, p: 1 }))).toEqual({ page: 1 });
  });

  it.each<[string, string, string]>([
    ['two parts', `${HEADER}.${toBase64Url(JSON.stringify(good))}`, 'malformed'],
    ['four parts', `${encodeGongCursor(keys, good)}.x`, 'malformed'],
    ['another header', signed(JSON.stringify(good)).replace(HEADER, toBase64Url('{"alg":"none"}')), 'malformed'],
    ['an empty string', '', 'malformed'],
    ['a bad signature', `${HEADER}.${toBase64Url(JSON.stringify(good))}.AAAAAAAAAAAAAAAAAAAAAA`, 'signature'],
    ['no signature', `${HEADER}.${toBase64Url(JSON.stringify(good))}.`, 'signature'],
    ['another secret, same world', signed(JSON.stringify(good), 'other'), 'signature'],
    ['another secret, another world', signed(JSON.stringify({ ...good, w: 'elsewhere' }), 'other'), 'world'],
    ['another secret, a world that is no string', signed(JSON.stringify({ ...good, w: 7 }), 'other'), 'signature'],
    ['another secret, no payload', signed('not json', 'other'), 'signature'],
    ['signed text that is no JSON', signed('not json'), 'malformed'],
    ['signed body that is no base64url', `${HEADER}.@@@.${signature(keys, 'gong', `${HEADER}.@@@`)}`, 'malformed'],
    ['signed null', signed('null'), 'malformed'],
    ['signed account not a string', signed(JSON.stringify({ ...good, a: 1 })), 'malformed'],
    ['signed filter not a string', signed(JSON.stringify({ ...good, f: 1 })), 'malformed'],
    ['signed world not a string', signed(JSON.stringify({ ...good, w: 1 })), 'malformed'],
    ['signed page 0', signed(JSON.stringify({ ...good, p: 0 })), 'malformed'],
    ['signed page -1', signed(JSON.stringify({ ...good, p: -1 })), 'malformed'],
    ['signed page 1.5', signed(JSON.stringify({ ...good, p: 1.5 })), 'malformed'],
    ['signed page "2"', signed(JSON.stringify({ ...good, p: '2' })), 'malformed'],
    ['signed page 2^53', signed(JSON.stringify({ ...good, p: 2 ** 53 })), 'malformed'],
    ['signed for another world', signed(JSON.stringify({ ...good, w: 'elsewhere' })), 'world'],
    ['signed for another account', signed(JSON.stringify({ ...good, a: 'other' })), 'foreign'],
    ['signed for another filter', signed(JSON.stringify({ ...good, f: 'other' })), 'foreign'],
    ['signed for another world and account', signed(JSON.stringify({ ...good, a: 'x', w: 'elsewhere' })), 'world'],
  ])('%s: %s', (_name, cursor, problem) => {
    expect(decode(cursor)).toEqual({ problem });
  });
});

describe('gongCursorMessage', () => {
  it.each([
    ['malformed', 'cursor: not a cursor returned by this API'],
    ['signature', 'cursor: the cursor has been altered or was issued by another server'],
    [
      'foreign',
      'cursor: the cursor belongs to a different request; send the same filter as the request that returned it',
    ],
    [
      'world',
      'cursor: the world changed since this cursor was issued (the mock now serves other data); start again without a cursor',
    ],
  ] as const)('%s', (problem, message) => {
    expect(gongCursorMessage(problem)).toBe(message);
  });
});

describe('Gong paging', () => {
  const scope: PagingScope = { keys, account: 'acct', fingerprint: 'filter', world: 'world' };

  it('no cursor is page 0; a cursor its page; a bad one Gong’s words', () => {
    expect(pageOfCursor(scope, undefined)).toEqual({ page: 0 });
    expect(pageOfCursor(scope, encodeGongCursor(keys, { ...good, p: 3 }))).toEqual({ page: 3 });
    expect(pageOfCursor(scope, 'x')).toEqual({ problem: 'cursor: not a cursor returned by this API' });
  });

  it.each([
    // total, page, start, end, more
    [0, 0, 0, 0, false],
    [1, 0, 0, 1, false],
    [100, 0, 0, 100, false],
    [101, 0, 0, 100, true],
    [101, 1, 100, 101, false],
    [250, 1, 100, 200, true],
    [250, 2, 200, 250, false],
    [200, 1, 100, 200, false],
  ])('%i items, page %i: [%i, %i), more: %s', (total, page, start, end, more) => {
    expect(gongPage(scope, total, page)).toEqual({
      start,
      end,
      records: {
        totalRecords: total,
        currentPageSize: end - start,
        currentPageNumber: page,
        ...(more ? { cursor: encodeGongCursor(keys, { a: 'acct', f: 'filter', p: page + 1, w: 'world' }) } : {}),
      },
    });
  });

  it.each([
    [0, 1],
    [100, 1],
    [200, 2],
    [250, 3],
  ])('%i items have no page %i', (total, page) => {
    expect(gongPage(scope, total, page)).toBeUndefined();
  });
});
