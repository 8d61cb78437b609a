/**
 * Gong's `requestId`: 19 lowercase base-36 characters. Derived from the request itself so the
 * same request always gets the same answer, byte for byte.
 */
import { portableSigner, type Signer } from '../signing.js';

/**
 * The request id of `parts`, hashed (SHA-256) by `signer`: the context's signer on the hot
 * paths, so the Node door hashes with Node's crypto.
 *
 * @example
 * ```ts
 * requestIdWith(context.signer, '42', account.id, 'users', '', 'false'); // 19 characters of [0-9a-z]
 * ```
 */
export function requestIdWith(signer: Signer, ...parts: string[]): string {
  const digest = signer.sha256(parts.join('\u0000'));
  let id = '';
  for (let i = 0; i < 19; i++) id += ((digest[i] ?? 0) % 36).toString(36);
  return id;
}

/**
 * The request id of `parts`, hashed by the portable signer: for answers off the hot path
 * (errors, faults), where no context is at hand. Same bytes as {@link requestIdWith}.
 *
 * @example
 * ```ts
 * requestIdFor('error', '400', 'filter: missing'); // 19 characters of [0-9a-z]
 * ```
 */
export function requestIdFor(...parts: string[]): string {
  return requestIdWith(portableSigner, ...parts);
}
