/**
 * Gong's cursors: JWT-like strings (`header.payload.signature`, base64url) that carry the
 * next page number, a fingerprint of the request that made them and the fingerprint of the
 * world that answered it, so a cursor works on any server with the same secret and the same
 * world, and only for the request it came from.
 */
import { fromBase64Url, toBase64Url } from '../base64url.js';
import { hasValidSignature, signature, type SigningKeys } from '../signing.js';

const HEADER = toBase64Url('{"alg":"HS256","typ":"cursor"}');

/**
 * What a Gong cursor carries, in short keys to keep the cursor short.
 *
 * @example
 * ```ts
 * encodeGongCursor(keys, { a: account.id, f: fingerprint, p: 2, w: world.fingerprint }); // page 2
 * ```
 */
export interface GongCursorPayload {
  /** Integrated account id. */
  a: string;
  /** Fingerprint of the request's filter. */
  f: string;
  /** The page number the cursor points at. */
  p: number;
  /** Fingerprint of the world that issued it. */
  w: string;
}

/** Makes the cursor of page `payload.p`. */
export function encodeGongCursor(keys: SigningKeys, payload: GongCursorPayload): string {
  const body = toBase64Url(JSON.stringify(payload));
  return `${HEADER}.${body}.${signature(keys, 'gong', `${HEADER}.${body}`)}`;
}

/** Why a cursor was refused, in words for Gong's `errors`. */
export type GongCursorProblem = 'malformed' | 'signature' | 'foreign' | 'world';

/** Reads a cursor made for `account` and `filterFingerprint` in `world`, or says what is wrong with it. */
export function decodeGongCursor(
  keys: SigningKeys,
  cursor: string,
  account: string,
  filterFingerprint: string,
  world: string,
): { page: number } | { problem: GongCursorProblem } {
  const parts = cursor.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { problem: 'malformed' };
  const [, body = '', sig = ''] = parts;
  const text = fromBase64Url(body);
  let payload: unknown;
  try {
    payload = text === undefined ? undefined : JSON.parse(text);
  } catch {
    payload = undefined;
  }
  const p = payload as Partial<GongCursorPayload> | undefined;
  if (!hasValidSignature(keys, 'gong', `${HEADER}.${body}`, sig)) {
    // A world with another seed signs with another secret: a cursor naming another world is
    // told so (the claim is unverified, but it only chooses which 400 to give).
    return typeof p?.w === 'string' && p.w !== world ? { problem: 'world' } : { problem: 'signature' };
  }
  if (payload === undefined) return { problem: 'malformed' };
  if (
    typeof p?.a !== 'string' ||
    typeof p.f !== 'string' ||
    typeof p.w !== 'string' ||
    !Number.isSafeInteger(p.p) ||
    (p.p as number) < 1
  ) {
    return { problem: 'malformed' };
  }
  if (p.w !== world) return { problem: 'world' };
  if (p.a !== account || p.f !== filterFingerprint) return { problem: 'foreign' };
  return { page: p.p as number };
}

/** Gong-style wording of a cursor problem. */
export function gongCursorMessage(problem: GongCursorProblem): string {
  switch (problem) {
    case 'malformed':
      return 'cursor: not a cursor returned by this API';
    case 'signature':
      return 'cursor: the cursor has been altered or was issued by another server';
    case 'foreign':
      return 'cursor: the cursor belongs to a different request; send the same filter as the request that returned it';
    case 'world':
      return 'cursor: the world changed since this cursor was issued (the mock now serves other data); start again without a cursor';
  }
}
