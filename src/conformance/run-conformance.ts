/**
 * Runs every conformance check against a target, one after the other, and returns the
 * results as data. Nothing here assumes the target is this kit's mock: only the documented
 * unified endpoint is called, with the caller's token, account and window.
 */
import type { CheckContext, ConformanceCheck } from './conformance-check.js';
import type { CheckResult, ConformanceDiagnostic, ConformanceReport, RecordedRequest } from './check-result.js';
import { CONFORMANCE_CHECKS } from './checks/index.js';
import {
  resolveConformance,
  type ConformanceOptions,
  type ConformanceTarget,
  type ResolvedConformance,
} from './conformance-options.js';
import { redactReport } from './redact-report.js';
import { TargetUnreachableError } from './target-errors.js';
import { getUnified, unifiedUrl, type QueryPairs } from './unified-request.js';

/** Contract violations a check keeps; a broken target can produce thousands. */
const MAX_DIAGNOSTICS = 50;

interface RunState {
  resolved: ResolvedConformance;
  window: QueryPairs;
  requests: RecordedRequest[];
  shared: Map<string, Promise<unknown>>;
  unreachable?: string;
}

function headerRecord(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers.entries()].map(([name, value]) => [name.toLowerCase(), value]));
}

function skipped(check: ConformanceCheck, reason: string): CheckResult {
  return {
    id: check.id,
    title: check.title,
    kind: check.kind,
    status: 'skip',
    diagnostics: [],
    messages: [reason],
    requests: [],
    durationMs: 0,
  };
}

async function runCheck(check: ConformanceCheck, run: RunState): Promise<CheckResult> {
  const started = performance.now();
  const messages: string[] = [];
  const diagnostics: ConformanceDiagnostic[] = [];
  const requests: RecordedRequest[] = [];
  let omitted = 0;
  let skipReason: string | undefined;

  const record = (request: RecordedRequest) => {
    requests.push(request);
    run.requests.push(request);
  };
  const context: CheckContext = {
    options: run.resolved,
    window: run.window,
    requests: run.requests,
    async get(request) {
      try {
        const answer = await getUnified(run.resolved, request);
        record({ method: 'GET', url: answer.url, status: answer.status, headers: headerRecord(answer.headers) });
        for (const diagnostic of answer.diagnostics) {
          if (diagnostics.length < MAX_DIAGNOSTICS) diagnostics.push({ ...diagnostic, request: answer.request });
          else omitted++;
        }
        return answer;
      } catch (error) {
        record({ method: 'GET', url: unifiedUrl(run.resolved, request.query), status: null, headers: {} });
        throw error;
      }
    },
    fail: (message) => void messages.push(message),
    skip: (reason) => void (skipReason ??= reason),
    shared<T>(key: string, work: () => Promise<T>): Promise<T> {
      let promise = run.shared.get(key) as Promise<T> | undefined;
      if (promise === undefined) {
        promise = work();
        run.shared.set(key, promise);
      }
      return promise;
    },
  };

  try {
    await check.run(context);
  } catch (error) {
    if (error instanceof TargetUnreachableError) run.unreachable ??= error.message;
    messages.push(error instanceof Error ? error.message : String(error));
  }
  if (omitted > 0) messages.push(`… and ${omitted} more contract violations not listed`);
  const failed = messages.length > 0 || diagnostics.length > 0;
  return {
    id: check.id,
    title: check.title,
    kind: check.kind,
    status: failed ? 'fail' : skipReason !== undefined ? 'skip' : 'pass',
    diagnostics,
    messages: failed || skipReason === undefined ? messages : [skipReason],
    requests,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Runs the conformance suite against `target`: every response format and documented error
 * against the contract, then pagination and the `truto_*` options against the docs.
 *
 * @example
 * ```ts
 * import { runConformance, formatPrettyReport } from 'interactions-kit';
 * const report = await runConformance({
 *   baseUrl: 'http://127.0.0.1:4010', token: 'any-token',
 *   account: '62f44730-dd91-461e-bd6a-aedd9e0ad79d',
 *   start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z',
 * });
 * console.log(formatPrettyReport(report)); // report.ok, report.checks[i].status, ...
 * ```
 */
export async function runConformance(
  target: ConformanceTarget,
  options: ConformanceOptions = {},
): Promise<ConformanceReport> {
  const started = performance.now();
  const resolved = resolveConformance(target, options);
  const run: RunState = {
    resolved,
    window: [
      ['integrated_account_id', target.account],
      ['start_time', target.start],
      ['end_time', target.end],
    ],
    requests: [],
    shared: new Map(),
  };
  const checks: CheckResult[] = [];
  for (const check of CONFORMANCE_CHECKS) {
    if (run.unreachable !== undefined) checks.push(skipped(check, 'not run: the target is unreachable'));
    else if (!resolved.selected(check.id)) checks.push(skipped(check, 'not selected'));
    else checks.push(await runCheck(check, run));
  }
  const count = (status: CheckResult['status']) => checks.filter((check) => check.status === status).length;
  const summary = { total: checks.length, passed: count('pass'), failed: count('fail'), skipped: count('skip') };
  // Reports go to CI logs and artifacts: no credential of the target leaves as data.
  return redactReport({
    target: { baseUrl: resolved.baseUrl, account: target.account, start: target.start, end: target.end },
    checks,
    summary,
    ok: run.unreachable === undefined && summary.failed === 0,
    ...(run.unreachable === undefined ? {} : { unreachable: run.unreachable }),
    durationMs: Math.round(performance.now() - started),
  });
}

/**
 * The ids of every check, in run order (for `only` / `skip`).
 *
 * @example
 * ```ts
 * await runConformance(target, { skip: CONFORMANCE_CHECK_IDS.filter((id) => id.startsWith('error-')) });
 * ```
 */
export const CONFORMANCE_CHECK_IDS: readonly string[] = CONFORMANCE_CHECKS.map((check) => check.id);
