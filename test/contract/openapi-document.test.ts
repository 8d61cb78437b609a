/**
 * Local references in the contract: what counts as a reference object, reading the value a
 * JSON pointer names (escapes, inherited names, pointing through a non-object), and following
 * a chain of references up to its bound.
 */
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src/contract/contract-error.js';
import {
  isReference,
  readReference,
  resolveReference,
  type OpenApiDocument,
} from '../../src/contract/openapi-document.js';

const PREFIX = '[interactions-kit contract] ';

describe('isReference', () => {
  const withRef = Object.assign(() => undefined, { $ref: '#/x' });
  it.each<{ name: string; given: unknown; want: boolean }>([
    { name: 'an object with a $ref text', given: { $ref: '#/components/schemas/A' }, want: true },
    { name: 'null', given: null, want: false },
    { name: 'undefined', given: undefined, want: false },
    { name: 'a text', given: '#/components/schemas/A', want: false },
    { name: 'an object without $ref', given: { type: 'string' }, want: false },
    { name: 'a $ref that is no text', given: { $ref: 1 }, want: false },
    { name: 'a function carrying a $ref', given: withRef, want: false },
  ])('$name: $want', ({ given, want }) => {
    expect(isReference(given)).toBe(want);
  });
});

describe('readReference', () => {
  const document = {
    openapi: '3.1.0',
    info: 'text',
    components: { 'a/b': 1, 'c~d': 2, '~1': 3, 'e f': 4, empty: null },
  } as unknown as OpenApiDocument;

  it.each([
    { ref: '#', want: document },
    { ref: '#/components/a~1b', want: 1 },
    { ref: '#/components/c~0d', want: 2 },
    { ref: '#/components/~01', want: 3 },
    { ref: '#/components/e%20f', want: 4 },
    { ref: '#/components/empty', want: null },
  ])('$ref', ({ ref, want }) => {
    expect(readReference(document, ref)).toBe(want);
  });

  it.each([
    '#/components/nope',
    '#/components/toString',
    '#/info/0',
    '#/info/length',
    '#/components/empty/x',
    '#/openapi/x',
  ])('%s points at nothing', (ref) => {
    const read = () => readReference(document, ref);
    expect(read).toThrow(ContractError);
    expect(read).toThrow(`${PREFIX}the reference ${JSON.stringify(ref)} points at nothing in the contract`);
  });

  it('refuses a reference to another document', () => {
    const read = () => readReference(document, 'other.yaml#/components/a~1b');
    expect(read).toThrow(ContractError);
    expect(read).toThrow(`${PREFIX}only local references are supported, got "other.yaml#/components/a~1b"`);
  });
});

describe('resolveReference', () => {
  /** A document whose `#/c/r0` leads through `length` references to the text 'end'. */
  function chain(length: number): OpenApiDocument {
    const c: Record<string, unknown> = {};
    for (let i = 0; i < length; i++) c[`r${i}`] = { $ref: `#/c/r${i + 1}` };
    c[`r${length}`] = 'end';
    return { openapi: '3.1.0', c } as unknown as OpenApiDocument;
  }

  it('follows a reference to a reference to the value, and leaves a value as it is', () => {
    expect(resolveReference(chain(2), { $ref: '#/c/r0' })).toBe('end');
    const value = { type: 'string' };
    expect(resolveReference(chain(0), value)).toBe(value);
  });

  it('follows 33 hops, and calls a 34th a loop', () => {
    expect(resolveReference(chain(32), { $ref: '#/c/r0' })).toBe('end');
    expect(() => resolveReference(chain(33), { $ref: '#/c/r0' })).toThrow(`${PREFIX}the reference "#/c/r33" loops`);
  });

  it('stops a reference to itself', () => {
    const document = { openapi: '3.1.0', c: { self: { $ref: '#/c/self' } } } as unknown as OpenApiDocument;
    const resolve = () => resolveReference(document, { $ref: '#/c/self' });
    expect(resolve).toThrow(ContractError);
    expect(resolve).toThrow(`${PREFIX}the reference "#/c/self" loops`);
  });
});
