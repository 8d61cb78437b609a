/**
 * `import 'interactions-kit/vitest'` registers `toMatchContract` with vitest's `expect` and
 * teaches TypeScript about it. Import it in a test file or in `setupFiles`.
 *
 * @example
 * ```ts
 * import 'interactions-kit/vitest';
 * import request from 'supertest';
 * import { createApp } from 'interactions-kit';
 *
 * it('answers per the contract', async () => {
 *   expect(await request(createApp()).get(url).set(auth)).toMatchContract();
 *   await expect(await fetch(`${base}${url}`, { headers: auth })).toMatchContract();
 * });
 * ```
 */
import { expect } from 'vitest';
import { toMatchContract } from './matchers.js';
import type { FetchRequestInfo, FetchResponseLike } from './response-adapters.js';

expect.extend({ toMatchContract });

declare module 'vitest' {
  // T is vitest's own name for the received type; it must stay `T = any` to merge.
  interface Assertion<T = any> {
    /**
     * Passes when the response (supertest, or fetch: then await it) honours openapi.yaml;
     * the failure lists every violation with its pointer, rule and offending value.
     * `request` says what a fetch `Response` cannot: `{ url, method }` of a hand-built one.
     */
    toMatchContract(request?: FetchRequestInfo): T extends FetchResponseLike ? Promise<void> : void;
  }
}

export { createContractMatcher, toMatchContract, type ContractMatcher } from './matchers.js';
