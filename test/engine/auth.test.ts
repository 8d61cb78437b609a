/**
 * Gong's Basic credentials, decoded without Node's Buffer: the same decisions as the Buffer
 * reading they replace, for any base64-looking text; and the Authorization header as each API
 * reads it (scheme in any case, one token, spaces around it, nothing before or after).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gongAuthorized, unifiedAuthProblem } from '../../src/engine/auth.js';

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

describe('the Authorization header, read as each API reads it', () => {
  const TOKENS = new Set(['tok']);
  const MISSING = 'Missing bearer token: send Authorization: Bearer <api token>';
  const SHAPE = 'Authorization must be "Bearer <api token>"';

  it.each<[string | undefined, ReadonlySet<string> | undefined, string | undefined]>([
    [undefined, undefined, MISSING],
    ['', undefined, MISSING],
    ['   ', undefined, MISSING],
    ['Bearer tok', undefined, undefined],
    ['bearer  tok  ', undefined, undefined],
    ['Bearer tok', TOKENS, undefined],
    ['Bearer other', TOKENS, 'Invalid API token'],
    ['Bearer', undefined, SHAPE],
    ['Bearertok', undefined, SHAPE],
    ['Bearer tok extra', undefined, SHAPE],
    ['Bearer tok!extra', undefined, undefined],
    ['x Bearer tok', undefined, SHAPE],
    ['Basic a2V5OnRvaw==', undefined, SHAPE],
  ])('unified: %o with tokens %o -> %s', (header, tokens, want) => {
    expect(unifiedAuthProblem(header, tokens)).toBe(want);
  });

  it.each<[string | undefined, ReadonlySet<string> | undefined, boolean]>([
    [undefined, undefined, false],
    ['', undefined, false],
    ['Bearer tok', undefined, true],
    ['bearer  tok ', TOKENS, true],
    ['Bearer other', TOKENS, false],
    ['Bearer tok extra', undefined, false],
    ['Bearer  ', undefined, false],
    ['x Bearer tok', undefined, false],
    ['Bearertok', undefined, false],
    ['Bearer toktok', TOKENS, false],
    [basic('key:tok'), TOKENS, true],
    [`${basic('key:tok')} `, TOKENS, true],
    [basic('key:tok').replace('Basic ', 'basic   '), TOKENS, true],
    [`x ${basic('key:tok')}`, undefined, false],
    [`${basic('key:tok')} extra`, undefined, false],
    [`Basic${basic('key:tok').slice(6)}`, undefined, false],
    ['Basic !!!', undefined, false],
    ['Digest abc', undefined, false],
  ])('Gong: %o with tokens %o -> %s', (header, tokens, want) => {
    expect(gongAuthorized(header, tokens)).toBe(want);
  });
});
