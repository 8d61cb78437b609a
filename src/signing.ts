/**
 * HMAC signatures for stateless cursors: a cursor carries its own position, and the signature
 * proves it was made by a server with the same secret and has not been edited.
 *
 * The engine never chooses how to compute HMAC-SHA256: it is handed a {@link Signer} (in its
 * context). {@link portableSigner} runs anywhere; the Node door passes one built on Node's
 * crypto, which is faster there. Both give the same bytes, so cursors are the same everywhere.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToBase64Url } from './base64url.js';

/**
 * Computes HMAC-SHA256 and SHA-256, synchronously, on every runtime it is made for.
 *
 * @example
 * ```ts
 * const mac = portableSigner.hmacSha256('Jefe', 'what do ya want for nothing?');
 * mac.length; // 32
 * ```
 */
export interface Signer {
  /** HMAC-SHA256 of the UTF-8 bytes of `data` under the UTF-8 bytes of `key`: 32 bytes. */
  hmacSha256(key: string, data: string): Uint8Array;
  /** SHA-256 of the UTF-8 bytes of `data`: 32 bytes (Gong's request ids are made from it). */
  sha256(data: string): Uint8Array;
}

/**
 * What signs cursors: the secret and the signer that computes with it. A `MockContext` is one.
 *
 * @example
 * ```ts
 * const keys: SigningKeys = { secret: 'interactions-kit:42', signer: portableSigner };
 * ```
 */
export interface SigningKeys {
  /** Servers sharing the secret accept each other's cursors. */
  readonly secret: string;
  readonly signer: Signer;
}

/** How many keyed HMAC states the portable signer keeps (a server uses three per secret). */
const KEPT_KEYS = 16;

/**
 * A {@link Signer} in plain JavaScript (`@noble/hashes`): browsers, workers, edge runtimes, Node.
 * It keeps the keyed state of the last few keys, so signing again under a key skips the key setup.
 *
 * @example
 * ```ts
 * const signer = createPortableSigner();
 * signer.hmacSha256('secret:gong', 'header.body').length; // 32
 * ```
 */
export function createPortableSigner(): Signer {
  const keyed = new Map<string, ReturnType<typeof hmac.create>>();
  const encoder = new TextEncoder();
  return {
    hmacSha256(key, data) {
      let state = keyed.get(key);
      if (state === undefined) {
        if (keyed.size >= KEPT_KEYS) keyed.clear();
        state = hmac.create(sha256, encoder.encode(key));
        keyed.set(key, state);
      }
      return state.clone().update(encoder.encode(data)).digest();
    },
    sha256(data) {
      return sha256(encoder.encode(data));
    },
  };
}

/**
 * The engine's default signer: portable, the same bytes as Node's crypto.
 *
 * @example
 * ```ts
 * signature({ secret: 's', signer: portableSigner }, 'gong', 'header.body'); // 22 characters
 * ```
 */
export const portableSigner: Signer = createPortableSigner();

/**
 * The signature of `data` for `purpose` (`gong`, `unified`, ...) under the keys' secret:
 * base64url, 22 characters (the first 128 bits of HMAC-SHA256 keyed by `secret:purpose`).
 *
 * @example
 * ```ts
 * signature({ secret: 'interactions-kit:42', signer: portableSigner }, 'gong', 'data'); // '3RWy1-J3Fo0HaalL8oXD0w'
 * ```
 */
export function signature(keys: SigningKeys, purpose: string, data: string): string {
  return bytesToBase64Url(keys.signer.hmacSha256(`${keys.secret}:${purpose}`, data).subarray(0, 16));
}

/**
 * Whether `claimed` is the signature of `data` for `purpose` (compared in constant time).
 *
 * @example
 * ```ts
 * hasValidSignature(keys, 'gong', 'data', signature(keys, 'gong', 'data')); // true
 * ```
 */
export function hasValidSignature(keys: SigningKeys, purpose: string, data: string, claimed: string): boolean {
  const expected = signature(keys, purpose, data);
  if (expected.length !== claimed.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ claimed.charCodeAt(i);
  return difference === 0;
}

/**
 * A short stable fingerprint of a string (for binding cursors to their query): 16 characters.
 *
 * @example
 * ```ts
 * fingerprint({ secret: 'interactions-kit:42', signer: portableSigner }, 'acct:users:false'); // 'hmIcph3HeamlzEwX'
 * ```
 */
export function fingerprint(keys: SigningKeys, text: string): string {
  return signature(keys, 'fingerprint', text).slice(0, 16);
}
