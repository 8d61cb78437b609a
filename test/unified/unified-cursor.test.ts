/**
 * The unified `next_cursor` after its signature: a cursor signed with the right secret is still
 * refused unless its payload is one this API writes (`v: 1`, a Gong cursor or null, a safe
 * non-negative offset, a query fingerprint, a world fingerprint), the world must be the one
 * served and the query fingerprint the request's. Test
 * payloads are signed with the module's own signing function, so only the payload is wrong.
 */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/base64url.js';
import { portableSigner, signature, type SigningKeys } from '../../src/signing.js';
import { decodeUnifiedCursor, encodeUnifiedCursor } from '../../src/unified/unified-cursor.js';

const SECRET = 'test-secret';
const KEYS: SigningKeys = { secret: SECRET, signer: portableSigner };
const QUERY = 'fingerprint-of-q';
const WORLD = '0123456789abcdef';

const NOT_A_CURSOR =
  'next_cursor: not a cursor this API returned; pass back the next_cursor of a previous page unchanged';
const BAD_SIGNATURE =
  'next_cursor: the cursor signature does not match; it was edited or issued by a server with another secret';
const OTHER_WORLD =
  'next_cursor: the world changed since this cursor was issued (the mock now serves other data); start again from the first page, without next_cursor';
const OTHER_QUERY =
  'next_cursor: the cursor belongs to a different query; send the same integrated_account_id, start_time, end_time, users, limit and remote_query as the request that returned it';

/** A cursor holding `json` verbatim, validly signed under `secret`. */
function signed(json: string, secret = SECRET): string {
  const body = toBase64Url(json);
  return `${body}.${signature({ secret, signer: portableSigner }, 'unified', body)}`;
}

describe('a cursor this API wrote', () => {
  it.each([
    { gongCursor: undefined, offset: 0 },
    { gongCursor: 'gong-cursor-1', offset: 0 },
    { gongCursor: 'gong-cursor-1', offset: 99 },
    { gongCursor: '', offset: 5 },
  ])('reads back where it points: %o', (position) => {
    const cursor = encodeUnifiedCursor(KEYS, QUERY, position, WORLD);
    expect(decodeUnifiedCursor(KEYS, cursor, QUERY, WORLD)).toEqual({ position });
  });

  it('is base64url JSON and a 22-character signature', () => {
    const cursor = encodeUnifiedCursor(KEYS, QUERY, { gongCursor: 'g', offset: 3 }, WORLD);
    const [body, sig] = cursor.split('.');
    expect(JSON.parse(Buffer.from(body as string, 'base64url').toString('utf8'))).toEqual({
      v: 1,
      g: 'g',
      o: 3,
      q: QUERY,
      w: WORLD,
    });
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('is refused under another secret, or for another query', () => {
    const cursor = encodeUnifiedCursor(KEYS, QUERY, { gongCursor: undefined, offset: 0 }, WORLD);
    expect(decodeUnifiedCursor({ secret: 'other-secret', signer: portableSigner }, cursor, QUERY, WORLD)).toEqual({
      problem: BAD_SIGNATURE,
    });
    expect(decodeUnifiedCursor(KEYS, cursor, 'another-query', WORLD)).toEqual({ problem: OTHER_QUERY });
  });

  it('from a world with another seed (so another secret) is told the world changed, not that it was edited', () => {
    const cursor = encodeUnifiedCursor(KEYS, QUERY, { gongCursor: 'g', offset: 1 }, WORLD);
    const otherSecret = { secret: 'interactions-kit:8', signer: portableSigner };
    expect(decodeUnifiedCursor(otherSecret, cursor, QUERY, 'fedcba9876543210')).toEqual({ problem: OTHER_WORLD });
  });

  it('is refused by a server serving another world, before the query is compared', () => {
    const cursor = encodeUnifiedCursor(KEYS, QUERY, { gongCursor: 'g', offset: 1 }, WORLD);
    expect(decodeUnifiedCursor(KEYS, cursor, QUERY, 'fedcba9876543210')).toEqual({ problem: OTHER_WORLD });
    expect(decodeUnifiedCursor(KEYS, cursor, 'another-query', 'fedcba9876543210')).toEqual({ problem: OTHER_WORLD });
  });

  it('signs with a key of its own: a fingerprint-style signature does not pass', () => {
    const body = toBase64Url(JSON.stringify({ v: 1, g: null, o: 0, q: QUERY }));
    expect(decodeUnifiedCursor(KEYS, `${body}.${signature(KEYS, 'fingerprint', body)}`, QUERY, WORLD)).toEqual({
      problem: BAD_SIGNATURE,
    });
  });
});

describe('a cursor missing a part', () => {
  // A good payload with no signature, or none at all, is no cursor this API wrote: it is told
  // apart from a signature that does not match, which means an edit or another secret.
  const body = toBase64Url(JSON.stringify({ v: 1, g: null, o: 0, q: QUERY, w: WORLD }));

  it.each<[string, string]>([
    ['a good payload and an empty signature', `${body}.`],
    ['a good payload and no dot', body],
    ['an empty payload and a signature', `.${signature(KEYS, 'unified', body)}`],
    ['a dot alone', '.'],
  ])('%s is not a cursor this API returned', (_name, cursor) => {
    expect(decodeUnifiedCursor(KEYS, cursor, QUERY, WORLD)).toEqual({ problem: NOT_A_CURSOR });
  });
});

describe('a validly signed payload this API never writes', () => {
  const valid = { v: 1, g: null, o: 0, q: QUERY, w: WORLD };

  it('is accepted when it is one (the baseline the cases below edit)', () => {
    expect(decodeUnifiedCursor(KEYS, signed(JSON.stringify(valid)), QUERY, WORLD)).toEqual({
      position: { gongCursor: undefined, offset: 0 },
    });
  });

  it.each<[string, unknown]>([
    ['v: 2', { ...valid, v: 2 }],
    ['v: "1"', { ...valid, v: '1' }],
    ['no v', { g: null, o: 0, q: QUERY }],
    ['g a number', { ...valid, g: 7 }],
    ['g an object', { ...valid, g: {} }],
    ['no g', { v: 1, o: 0, q: QUERY }],
    ['a negative offset', { ...valid, o: -1 }],
    ['a fractional offset', { ...valid, o: 1.5 }],
    ['an offset past the safe integers', { ...valid, o: 2 ** 53 }],
    ['an offset as a string', { ...valid, o: '3' }],
    ['an offset null', { ...valid, o: null }],
    ['no offset', { v: 1, g: null, q: QUERY, w: WORLD }],
    ['q a number', { ...valid, q: 1 }],
    ['q null', { ...valid, q: null }],
    ['no q', { v: 1, g: null, o: 0, w: WORLD }],
    ['w a number', { ...valid, w: 1 }],
    ['w null', { ...valid, w: null }],
    ['no w (a cursor from before cursors named their world)', { v: 1, g: null, o: 0, q: QUERY }],
    ['an array', [1, null, 0, QUERY]],
    ['an empty object', {}],
  ])('%s is not a cursor this API returned', (_name, payload) => {
    expect(decodeUnifiedCursor(KEYS, signed(JSON.stringify(payload)), QUERY, WORLD)).toEqual({ problem: NOT_A_CURSOR });
  });

  it.each<[string, string]>([
    ['null', 'null'],
    ['a number', '1'],
    ['a string', '"cursor"'],
    ['true', 'true'],
    ['not JSON', '{"v":1,'],
  ])('%s, even validly signed, is not a cursor this API returned', (_name, json) => {
    expect(decodeUnifiedCursor(KEYS, signed(json), QUERY, WORLD)).toEqual({ problem: NOT_A_CURSOR });
  });

  it('takes the largest safe offset and a Gong cursor of any text', () => {
    const payload = { v: 1, g: 'x.y', o: Number.MAX_SAFE_INTEGER, q: QUERY, w: WORLD };
    expect(decodeUnifiedCursor(KEYS, signed(JSON.stringify(payload)), QUERY, WORLD)).toEqual({
      position: { gongCursor: 'x.y', offset: Number.MAX_SAFE_INTEGER },
    });
  });

  it('reads the payload before the query: a wrong payload for another query is "not a cursor"', () => {
    const payload = { ...valid, v: 2 };
    expect(decodeUnifiedCursor(KEYS, signed(JSON.stringify(payload)), 'another-query', WORLD)).toEqual({
      problem: NOT_A_CURSOR,
    });
  });
});

describe('what is not a cursor at all', () => {
  const good = encodeUnifiedCursor(KEYS, QUERY, { gongCursor: 'g', offset: 1 }, WORLD);
  const [body, sig] = good.split('.') as [string, string];

  it.each<[string, string, string]>([
    ['empty', '', NOT_A_CURSOR],
    ['no dot', body, NOT_A_CURSOR],
    ['no body', `.${sig}`, NOT_A_CURSOR],
    ['no signature', `${body}.`, NOT_A_CURSOR],
    ['a body that is not base64url', `${body}+.${sig}`, NOT_A_CURSOR],
    ['a body that is not JSON', `${toBase64Url('hello')}.${sig}`, NOT_A_CURSOR],
    ['a JSON body with the wrong signature', `${toBase64Url(JSON.stringify({ v: 1 }))}.${sig}`, BAD_SIGNATURE],
    ['a truncated signature', `${body}.${sig.slice(0, -1)}`, BAD_SIGNATURE],
    [
      'a signature with a character changed',
      `${body}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`,
      BAD_SIGNATURE,
    ],
    ['a second dot in the signature', `${body}.${sig}.x`, BAD_SIGNATURE],
  ])('%s', (_name, cursor, problem) => {
    expect(decodeUnifiedCursor(KEYS, cursor, QUERY, WORLD)).toEqual({ problem });
  });
});
