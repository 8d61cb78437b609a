/**
 * The Node door's signer: HMAC-SHA256 and SHA-256 from Node's crypto, faster in Node than the portable
 * one and byte for byte the same, so a cursor made by either reads with the other.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Signer } from '../signing.js';

/**
 * A {@link Signer} on `node:crypto`; the Node server and the Express app sign with it.
 *
 * @example
 * ```ts
 * nodeSigner.hmacSha256('Jefe', 'what do ya want for nothing?').length; // 32
 * ```
 */
export const nodeSigner: Signer = {
  hmacSha256(key, data) {
    return createHmac('sha256', key).update(data).digest();
  },
  sha256(data) {
    return createHash('sha256').update(data).digest();
  },
};
