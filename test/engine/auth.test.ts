/**
 * Gong's Basic credentials, decoded without Node's Buffer: the same decisions as the Buffer
 * reading they replace, for any base64-looking text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gongAuthorized } from '../../src/engine/auth.js';

/** The decision as it was made with Buffer. */
function withBuffer(header: string, tokens: ReadonlySet<string> | undefined): boolean {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic === null) return gongAuthorized(header, tokens);
  const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return false;
  return tokens === undefined || tokens.has(decoded.slice(colon + 1)) || tokens.has(decoded);
}

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('gongAuthorized with Basic credentials', () => {
  it.each([
    [basic('key:secret'), undefined, true],
    [basic('key:secret'), new Set(['secret']), true],
    [basic('key:secret').replace(/=+$/, ''), new Set(['secret']), true],
    [basic('key:other'), new Set(['secret']), false],
    [basic(':secret'), undefined, false],
    [basic('key:'), undefined, false],
    [basic('clé:sécret'), new Set(['sécret']), true],
  ])('%s with tokens %o: %s', (header, tokens, want) => {
    expect(gongAuthorized(header, tokens)).toBe(want);
  });

  it('decides as the Buffer reading did, for any base64-looking text', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9+/=]{1,24}$/),
        fc.constantFrom(undefined, new Set(['secret', 'k:secret'])),
        (text, tokens) => {
          expect(gongAuthorized(`Basic ${text}`, tokens)).toBe(withBuffer(`Basic ${text}`, tokens));
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });
});
