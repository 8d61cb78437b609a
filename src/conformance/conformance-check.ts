/**
 * What a check is, and what it may do while it runs: ask the target, fail with a message,
 * skip with a reason, and share work with the checks after it.
 */
import type { CheckKind, RecordedRequest } from './check-result.js';
import type { ResolvedConformance } from './conformance-options.js';
import type { QueryPairs, UnifiedAnswer, UnifiedRequest } from './unified-request.js';

/** What a check sees while it runs. */
export interface CheckContext {
  readonly options: ResolvedConformance;
  /** The account and window of the target: `integrated_account_id`, `start_time`, `end_time`. */
  readonly window: QueryPairs;
  /**
   * GETs the unified endpoint; the answer's contract violations count against this check.
   * Throws when the target cannot be reached or does not answer in time.
   */
  get(request: UnifiedRequest): Promise<UnifiedAnswer>;
  /** Records a behaviour failure; the check goes on and fails at the end. */
  fail(message: string): void;
  /** Ends the check as skipped (unless it already failed). */
  skip(reason: string): void;
  /**
   * Runs `work` once per run and shares its result: the first check to ask owns the requests
   * (and their violations); later ones reuse the result.
   */
  shared<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Every request of the run so far, every check's. */
  readonly requests: readonly RecordedRequest[];
}

/**
 * One conformance check.
 *
 * @example
 * ```ts
 * const check: ConformanceCheck = {
 *   id: 'error-no-token', title: 'a request without a token gets 401', kind: 'schema',
 *   async run(context) {
 *     const answer = await context.get({ query: context.window, auth: false });
 *     if (answer.status !== 401) context.fail(`expected status 401, got ${answer.status}`);
 *   },
 * };
 * ```
 */
export interface ConformanceCheck {
  id: string;
  title: string;
  kind: CheckKind;
  run(context: CheckContext): Promise<void>;
}

/** `expected status 200, got 418` when the status is not the one expected. */
export function expectStatus(context: CheckContext, answer: UnifiedAnswer, expected: number): boolean {
  if (answer.status === expected) return true;
  const excerpt = answer.text.length > 160 ? `${answer.text.slice(0, 159)}…` : answer.text;
  context.fail(
    `expected status ${expected}, got ${answer.status} for ${answer.request}${excerpt === '' ? '' : `: ${excerpt}`}`,
  );
  return false;
}
