/**
 * HMAC signatures for stateless cursors: a cursor carries its own position, and the signature
 * proves it was made by a server with the same secret and has not been edited.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64url of a UTF-8 string. */
export function toBase64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The UTF-8 text of a base64url string, or undefined when it is not base64url. */
export function fromBase64Url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  return Buffer.from(text, 'base64url').toString('utf8');
}

/** The signature of `data` under `secret`, base64url, 22 characters (128 bits). */
export function signature(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest().subarray(0, 16).toString('base64url');
}

/** Whether `claimed` is the signature of `data` under `secret` (constant time). */
export function hasValidSignature(secret: string, data: string, claimed: string): boolean {
  const expected = Buffer.from(signature(secret, data));
  const given = Buffer.from(claimed);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A short stable fingerprint of a string (for binding cursors to their query). */
export function fingerprint(secret: string, text: string): string {
  return signature(`${secret}:fingerprint`, text).slice(0, 16);
}
