/**
 * `toMatchContract` for jest. Nothing of jest is imported: on import the matcher registers
 * itself with the global `expect` when there is one (jest's default `injectGlobals`), and
 * {@link registerJestMatchers} takes `expect` from `@jest/globals` otherwise.
 *
 * @example
 * ```ts
 * // jest.config.js: setupFilesAfterEnv: ['interactions-kit/jest']
 * test('answers per the contract', async () => {
 *   expect(await request(app).get(url).set(auth)).toMatchContract();
 *   await expect(await fetch(url, { headers })).toMatchContract();
 * });
 * ```
 */
import { toMatchContract, type ContractMatcher } from './matchers.js';
import type { FetchRequestInfo } from './response-adapters.js';

/** The part of jest's `expect` used here. */
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
  // jest's own typing convention (@types/jest); merges with it when it is installed.
  namespace jest {
    interface Matchers<R, T = {}> {
      /** Passes when the response honours openapi.yaml; await it for a fetch `Response`. */
      toMatchContract(request?: FetchRequestInfo): R;
    }
  }
}

export { createContractMatcher, toMatchContract, type ContractMatcher } from './matchers.js';
