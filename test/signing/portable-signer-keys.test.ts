/**
 * The portable signer keeps the keyed HMAC state of its last 16 keys: a server signs under three
 * keys per secret, and setting a key up costs two SHA-256 blocks a signature in the browser.
 * `hmac.create` (the key setup) is counted through a wrapped module.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const setups = vi.hoisted(() => ({ count: 0 }));

vi.mock('@noble/hashes/hmac.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('@noble/hashes/hmac.js')>();
  const counted = Object.assign((...args: Parameters<typeof original.hmac>) => original.hmac(...args), {
    create: (...args: Parameters<typeof original.hmac.create>) => {
      setups.count++;
      return original.hmac.create(...args);
    },
  });
  return { ...original, hmac: counted };
});

const { createPortableSigner } = await import('../../src/signing.js');
const { nodeSigner } = await import('../../src/server/node-signer.js');

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

beforeEach(() => {
  setups.count = 0;
});

describe('the portable signer keeps its keys set up', () => {
  it('sets a key up once, however often and in whatever order it signs under it', () => {
    const signer = createPortableSigner();
    for (const key of ['a:gong', 'a:unified', 'a:gong', 'a:fingerprint', 'a:unified', 'a:gong'])
      expect(hex(signer.hmacSha256(key, `data under ${key}`))).toBe(
        hex(nodeSigner.hmacSha256(key, `data under ${key}`)),
      );
    expect(setups.count).toBe(3);
  });

  it('keeps 16 keys: a 17th starts over, and the first is set up again', () => {
    const signer = createPortableSigner();
    const keys = Array.from({ length: 16 }, (_, i) => `secret-${i}:gong`);
    for (const key of keys) signer.hmacSha256(key, 'x');
    for (const key of keys) signer.hmacSha256(key, 'y');
    expect(setups.count).toBe(16);
    signer.hmacSha256('secret-16:gong', 'x');
    expect(setups.count).toBe(17);
    expect(hex(signer.hmacSha256(keys[0]!, 'z'))).toBe(hex(nodeSigner.hmacSha256(keys[0]!, 'z')));
    expect(setups.count).toBe(18);
    // The 17th was kept after the start over.
    signer.hmacSha256('secret-16:gong', 'y');
    expect(setups.count).toBe(18);
  });
});
