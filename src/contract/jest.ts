/**
 * `toMatchContract` for jest. Nothing of jest is imported: on import the matcher registers
 * itself with the global `expect` when there is one (jest's default `injectGlobals`), and
 * {@link registerJestMatchers} takes `expect` from `@jest/globals` otherwise. The kit is ESM
 * only: Jest runs it with `node --experimental-vm-modules` and `transform: {}` (see README).
 *
 * @example
 * ```ts
 * import { expect, test } from '@jest/globals';
 * import 'interactions-kit/jest';
 * test('answers per the contract', async () => {
 *   expect(await request(app).get(url).set(auth)).toMatchContract();
 *   await expect(await fetch(url, { headers })).toMatchContract();
 * });
 * ```
 */
import { toMatchContract, type ContractMatcher } from './matchers.js';
import type { FetchRequestInfo, FetchResponseLike } from './response-adapters.js';
// Only for the augmentation below: TypeScript finds the module it augments through an import.
// A type import, gone from the JavaScript: nothing of jest is loaded at run time.
import type {} from 'expect';

/**
 * The part of jest's `expect` used here.
 *
 * @example
 * ```ts
 * import { expect } from '@jest/globals';
 * const jestExpect: JestExpectLike = expect;
 * ```
 */
export interface JestExpectLike {
  extend(matchers: Record<string, ContractMatcher>): void;
}

function globalExpect(): JestExpectLike | undefined {
  const candidate = (globalThis as { expect?: Partial<JestExpectLike> }).expect;
  return typeof candidate?.extend === 'function' ? (candidate as JestExpectLike) : undefined;
}

/**
 * Registers `toMatchContract` with jest's `expect` (default: the global one).
 *
 * @example
 * ```ts
 * import { expect } from '@jest/globals';
 * import { registerJestMatchers } from 'interactions-kit/jest';
 * registerJestMatchers(expect);
 * ```
 */
export function registerJestMatchers(expect: JestExpectLike | undefined = globalExpect()): void {
  if (expect === undefined) {
    throw new TypeError('registerJestMatchers: no global expect; pass the one from @jest/globals');
  }
  expect.extend({ toMatchContract });
}

// Under jest with injected globals (CommonJS or ESM), importing this module is all it takes.
const injected = globalExpect();
if (injected !== undefined) registerJestMatchers(injected);

declare global {
  // The global `expect` of @types/jest: its matchers live in the global `jest` namespace.
  namespace jest {
    interface Matchers<R, T = {}> {
      /** Passes when the response honours openapi.yaml; await it for a fetch `Response`. */
      toMatchContract(request?: FetchRequestInfo): R;
    }
  }
}

// The `expect` of `@jest/globals` (and of jest's own types) is the `expect` package's: its
// `Matchers` are a different interface from the global namespace above, so both are taught.
// The type parameters must be exactly the package's own for the declarations to merge.
declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> {
    /**
     * Passes when the response (supertest, or fetch: then await it) honours openapi.yaml;
     * the failure lists every violation with its pointer, rule and offending value.
     */
    toMatchContract(request?: FetchRequestInfo): T extends FetchResponseLike ? Promise<void> : R;
  }
}

export { createContractMatcher, toMatchContract, type ContractMatcher } from './matchers.js';
