/**
 * `toMatchContract`, framework-neutral: the matcher function vitest's and jest's
 * `expect.extend` take. A supertest response is checked at once; a fetch `Response` is read
 * from a clone, so the matcher returns a promise (`await expect(response).toMatchContract()`)
 * and the test can still read the body afterwards.
 */
import { loadContract, type Contract } from './contract.js';
import { ContractError } from './contract-error.js';
import { describeViolations, type Diagnostic } from './diagnostics.js';
import {
  isFetchResponse,
  type FetchRequestInfo,
  type FetchResponseLike,
  type SupertestResponseLike,
} from './response-adapters.js';

/**
 * A test framework's matcher context (`this` in a matcher). The frameworks invert `pass`
 * under `.not` themselves, so nothing of it is read; it is typed so any framework's fits.
 */
export interface MatcherContextLike {
  /** True under `.not`. */
  isNot?: boolean;
}

/** What a matcher returns to vitest or jest. */
export interface MatcherResult {
  pass: boolean;
  message(): string;
}

/**
 * The matcher: `received` is a fetch `Response` or a supertest response.
 *
 * @example
 * ```ts
 * const toMatchContract: ContractMatcher = createContractMatcher();
 * expect.extend({ toMatchContract });
 * ```
 */
export type ContractMatcher = (
  this: MatcherContextLike,
  received: unknown,
  request?: FetchRequestInfo,
) => MatcherResult | Promise<MatcherResult>;

function isSupertestResponse(value: unknown): value is SupertestResponseLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SupertestResponseLike).status === 'number' &&
    typeof (value as SupertestResponseLike).headers === 'object'
  );
}

function describeReceived(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'object';
}

function label(method: string | undefined, url: string | undefined, status: number): string {
  return `${(method ?? 'GET').toUpperCase()} ${url === undefined || url === '' ? '(unknown URL)' : url} → ${status}`;
}

function result(what: string, diagnostics: Diagnostic[]): MatcherResult {
  const pass = diagnostics.length === 0;
  return {
    pass,
    message: () =>
      pass
        ? `expected ${what} to break the contract, but it honours openapi.yaml`
        : `expected ${what} to honour the contract (openapi.yaml)\n\n${describeViolations(diagnostics)}`,
  };
}

/**
 * A `toMatchContract` matcher checking against `contract` (default: the package's
 * openapi.yaml, loaded on first use).
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { createContractMatcher, loadContract } from 'interactions-kit';
 * expect.extend({ toMatchContract: createContractMatcher(loadContract('my-openapi.yaml')) });
 * ```
 */
export function createContractMatcher(contract?: Contract): ContractMatcher {
  let loaded = contract;
  const current = () => (loaded ??= loadContract());
  return function toMatchContract(this: MatcherContextLike, received: unknown, request: FetchRequestInfo = {}) {
    if (isFetchResponse(received)) {
      const response = received as FetchResponseLike & { bodyUsed?: boolean; clone?: () => FetchResponseLike };
      if (response.bodyUsed === true) {
        throw new ContractError(
          'toMatchContract: the Response body was already read; assert before reading it, or pass response.clone()',
        );
      }
      const what = label(request.method, request.url ?? response.url, response.status);
      const copy = typeof response.clone === 'function' ? response.clone() : response;
      return current()
        .validate(copy, request)
        .then((diagnostics) => result(what, diagnostics));
    }
    if (isSupertestResponse(received)) {
      const what = label(request.method ?? received.req?.method, request.url ?? received.req?.path, received.status);
      return result(what, current().validate(received, request));
    }
    throw new ContractError(
      `toMatchContract expects a fetch Response or a supertest response, got ${describeReceived(received)}`,
    );
  };
}

/**
 * `expect(response).toMatchContract()`: passes when the response honours openapi.yaml; the
 * failure message lists every violation with its pointer, rule and offending value. Register
 * it with `import 'interactions-kit/vitest'` or `import 'interactions-kit/jest'`.
 *
 * A supertest response is judged by the bytes the server sent (`res.text`), not by `res.body`:
 * `body` is superagent's parse of them, which hides what the contract is about (duplicate keys,
 * number formatting, a body of the wrong content type). `body` is read only when superagent
 * left `text` undefined, as it does for types it does not read as text (NDJSON among them).
 *
 * @example
 * ```ts
 * expect(await request(app).get(url).set(auth)).toMatchContract();   // supertest: sync
 * await expect(await fetch(url, { headers })).toMatchContract();     // fetch: await it
 * await expect(new Response(body, init)).toMatchContract({ url });   // a Response built by hand
 * ```
 */
export const toMatchContract: ContractMatcher = createContractMatcher();
