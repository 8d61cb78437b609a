/**
 * The unified `next_cursor`: base64url of a small JSON object holding Gong's cursor and the
 * offset into that Gong page, bound to a fingerprint of the query and of the world, and signed.
 * Any server with the same secret and world can serve the next page; an edited, truncated or
 * foreign cursor, or one from a world since changed, is refused.
 */
import { fromBase64Url, toBase64Url } from '../base64url.js';
import { hasValidSignature, signature, type SigningKeys } from '../signing.js';

/** Where the next unified page starts. */
export interface UnifiedPosition {
  /** Gong's cursor for the Gong page holding the next record; undefined for Gong's first page. */
  gongCursor: string | undefined;
  /** Index of the next record in that Gong page. */
  offset: number;
}

interface Payload {
  v: 1;
  g: string | null;
  o: number;
  q: string;
  w: string;
}

const OTHER_WORLD =
  'next_cursor: the world changed since this cursor was issued (the mock now serves other data); start again from the first page, without next_cursor';

/** Makes the cursor for `position` of the query whose fingerprint is `queryFingerprint`, in `world`. */
export function encodeUnifiedCursor(
  keys: SigningKeys,
  queryFingerprint: string,
  position: UnifiedPosition,
  world: string,
): string {
  const payload: Payload = { v: 1, g: position.gongCursor ?? null, o: position.offset, q: queryFingerprint, w: world };
  const body = toBase64Url(JSON.stringify(payload));
  return `${body}.${signature(keys, 'unified', body)}`;
}

/** Reads a cursor, or explains in a sentence (for a 400) why it cannot be used. */
export function decodeUnifiedCursor(
  keys: SigningKeys,
  cursor: string,
  queryFingerprint: string,
  world: string,
): { position: UnifiedPosition } | { problem: string } {
  const dot = cursor.indexOf('.');
  const body = dot === -1 ? '' : cursor.slice(0, dot);
  const sig = dot === -1 ? '' : cursor.slice(dot + 1);
  const text = body === '' || sig === '' ? undefined : fromBase64Url(body);
  let payload: Partial<Payload> | undefined;
  try {
    payload = text === undefined ? undefined : (JSON.parse(text) as Partial<Payload>);
  } catch {
    payload = undefined;
  }
  if (typeof payload !== 'object' || payload === null) {
    return {
      problem: 'next_cursor: not a cursor this API returned; pass back the next_cursor of a previous page unchanged',
    };
  }
  if (!hasValidSignature(keys, 'unified', body, sig)) {
    // A world with another seed signs with another secret: a cursor naming another world is
    // told so (the claim is unverified, but it only chooses which 400 to give).
    if (typeof payload.w === 'string' && payload.w !== world) return { problem: OTHER_WORLD };
    return {
      problem:
        'next_cursor: the cursor signature does not match; it was edited or issued by a server with another secret',
    };
  }
  const { g, o, q, w } = payload;
  if (
    payload.v !== 1 ||
    !(g === null || typeof g === 'string') ||
    !Number.isSafeInteger(o) ||
    (o as number) < 0 ||
    typeof q !== 'string' ||
    typeof w !== 'string'
  ) {
    return {
      problem: 'next_cursor: not a cursor this API returned; pass back the next_cursor of a previous page unchanged',
    };
  }
  if (w !== world) return { problem: OTHER_WORLD };
  if (q !== queryFingerprint) {
    return {
      problem:
        'next_cursor: the cursor belongs to a different query; send the same integrated_account_id, start_time, end_time, users, limit and remote_query as the request that returned it',
    };
  }
  return { position: { gongCursor: g ?? undefined, offset: o as number } };
}
