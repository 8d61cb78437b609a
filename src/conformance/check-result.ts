/**
 * What a conformance run returns, as data: one result per check, each with the contract
 * violations and the behaviour failures it found, and the requests it made.
 */
import type { Diagnostic } from '../contract/diagnostics.js';

/**
 * How a check ended.
 *
 * @example
 * ```ts
 * report.checks.filter((check) => check.status === 'fail');
 * ```
 */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/**
 * `schema`: answers honour openapi.yaml; `behaviour`: the API does what the docs say; `drift`: a
 * recording against the contract and the mock (`verify --recording`).
 *
 * @example
 * ```ts
 * report.checks.filter((check) => check.kind === 'schema'); // the contract checks
 * ```
 */
export type CheckKind = 'schema' | 'behaviour' | 'drift';

/**
 * A contract violation, with the request whose answer broke the contract.
 *
 * @example
 * ```ts
 * const diagnostic: ConformanceDiagnostic = {
 *   pointer: '/body/next_cursor', rule: 'type', message: 'must be string,null', request: 'GET /unified/...?limit=25',
 * };
 * ```
 */
export interface ConformanceDiagnostic extends Diagnostic {
  /** `GET /unified/...?...`: the request, relative to the target's base URL. */
  request: string;
}

/**
 * One request a check made and what came back (bodies are left out; the diagnostics say what
 * was wrong with them).
 *
 * @example
 * ```ts
 * for (const { method, url, status } of check.requests) console.log(method, url, status);
 * ```
 */
export interface RecordedRequest {
  method: 'GET';
  /** The full URL. */
  url: string;
  /** The answer's status; `null` when none came (timeout, unreachable). */
  status: number | null;
  /** The answer's headers, names in lower case. */
  headers: Record<string, string>;
}

/**
 * The result of one check.
 *
 * @example
 * ```ts
 * const result: CheckResult = {
 *   id: 'error-bad-cursor', title: 'a garbage next_cursor gets 400', kind: 'schema', status: 'fail',
 *   diagnostics: [], messages: ['expected status 400, got 200'], requests: [...], durationMs: 12,
 * };
 * ```
 */
export interface CheckResult {
  /** Stable id, kebab-case: `format-raw`, `pagination-unique-cursors`, ... */
  id: string;
  title: string;
  kind: CheckKind;
  status: CheckStatus;
  /** Contract violations in the answers this check got. */
  diagnostics: ConformanceDiagnostic[];
  /** Behaviour failures (wrong status, a repeated record, ...), or why the check was skipped. */
  messages: string[];
  requests: RecordedRequest[];
  durationMs: number;
}

/**
 * Counts of a run.
 *
 * @example
 * ```ts
 * const { total, passed, failed, skipped } = report.summary; // e.g. 17, 16, 1, 0
 * ```
 */
export interface ConformanceSummary {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * The result of a run.
 *
 * @example
 * ```ts
 * const report = await runConformance(target);
 * if (report.unreachable !== undefined) console.error(report.unreachable);
 * else if (!report.ok) console.error(formatPrettyReport(report));
 * ```
 */
export interface ConformanceReport {
  /** What was checked (the token is never part of a report). */
  target: { baseUrl: string; account: string; start: string; end: string };
  checks: CheckResult[];
  summary: ConformanceSummary;
  /** True when every check passed or was skipped, and the target was reachable. */
  ok: boolean;
  /** Set when the target could not be reached at all; the checks after that were not run. */
  unreachable?: string;
  durationMs: number;
}
