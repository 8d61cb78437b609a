import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint, hasValidSignature, portableSigner, signature, type SigningKeys } from '../../src/signing.js';
import { nodeSigner } from '../../src/server/node-signer.js';
import { requestIdFor, requestIdWith } from '../../src/gong/request-id.js';

const REQUEST_ID = 'y8zltaozig8d2xx2ws2';

const keysOf = (signer: SigningKeys['signer']): SigningKeys => ({ secret: 'interactions-kit:42', signer });

describe('signers', () => {
  // RFC 4231 test case 2: key "Jefe".
  it.each([
    ['portable', portableSigner],
    ['node', nodeSigner],
  ])('%s signer computes HMAC-SHA256 (RFC 4231 case 2)', (_name, signer) => {
    const mac = signer.hmacSha256('Jefe', 'what do ya want for nothing?');
    expect(mac).toBeInstanceOf(Uint8Array);
    expect(Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('the portable signer agrees with Node, whatever the key and data (keys reused or not)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (key, data) => {
          expect(portableSigner.hmacSha256(key, data)).toEqual(new Uint8Array(nodeSigner.hmacSha256(key, data)));
          expect(portableSigner.hmacSha256(key, data)).toEqual(new Uint8Array(nodeSigner.hmacSha256(key, data)));
        },
      ),
    );
  });

  it('a signature and a fingerprint are the same with either signer (values from before the split)', () => {
    for (const signer of [portableSigner, nodeSigner]) {
      const keys = keysOf(signer);
      expect(signature(keys, 'unified', 'eyJ2IjoxfQ')).toBe('YE2-H_kO-Of3JIrk0sb24g');
      expect(fingerprint(keys, 'acct:users:false')).toBe('hmIcph3HeamlzEwX');
    }
  });

  it('hasValidSignature accepts the signature and nothing else', () => {
    const keys = keysOf(portableSigner);
    const good = signature(keys, 'gong', 'data');
    expect(good).toBe('3RWy1-J3Fo0HaalL8oXD0w');
    expect(hasValidSignature(keys, 'gong', 'data', good)).toBe(true);
    expect(hasValidSignature(keys, 'unified', 'data', good)).toBe(false);
    expect(hasValidSignature(keys, 'gong', 'datA', good)).toBe(false);
    expect(hasValidSignature(keys, 'gong', 'data', good.slice(0, -1))).toBe(false);
    expect(hasValidSignature(keys, 'gong', 'data', `${good}A`)).toBe(false);
    expect(hasValidSignature(keys, 'gong', 'data', `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`)).toBe(
      false,
    );
    expect(hasValidSignature(keys, 'gong', 'data', '')).toBe(false);
  });
});

describe('request ids', () => {
  it('are the same with either signer, and the same as before the split', () => {
    const parts = ['42', '62f44730-dd91-461e-bd6a-aedd9e0ad79d', 'users', '', 'false'];
    expect(requestIdWith(nodeSigner, ...parts)).toBe(REQUEST_ID);
    expect(requestIdWith(portableSigner, ...parts)).toBe(REQUEST_ID);
    expect(requestIdFor(...parts)).toBe(REQUEST_ID);
  });

  it('the portable SHA-256 agrees with Node', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (data) => {
        expect(portableSigner.sha256(data)).toEqual(new Uint8Array(nodeSigner.sha256(data)));
      }),
    );
  });
});
