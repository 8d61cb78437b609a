/**
 * A report for a human: one line per check, and under a failing check its first messages and
 * contract violations (pointer, rule, offending value), grouped by request.
 */
import { describeViolations } from '../contract/diagnostics.js';
import type { CheckResult, ConformanceReport } from './check-result.js';
import { redactReport } from './redact-report.js';

/**
 * Options of {@link formatPrettyReport}; all optional.
 *
 * @example
 * ```ts
 * formatPrettyReport(report, { maxDiagnostics: 20, maxMessages: 20 });
 * ```
 */
export interface PrettyReportOptions {
  /** Contract violations shown per check. Default 5. */
  maxDiagnostics?: number;
  /** Messages shown per check. Default 5. */
  maxMessages?: number;
}

const MARK = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;

function details(check: CheckResult, maxDiagnostics: number, maxMessages: number): string[] {
  // A passing check says something only when it carries notes (the drift report's unseen fields).
  if (check.status === 'pass') {
    const notes = check.messages.slice(0, maxMessages).map((message) => `      note: ${message}`);
    if (check.messages.length > maxMessages)
      notes.push(`      … ${check.messages.length - maxMessages} more notes (see --reporter json)`);
    return notes;
  }
  if (check.status === 'skip') return check.messages.map((message) => `      ${message}`);
  const lines = check.messages.slice(0, maxMessages).map((message) => `      ${message}`);
  if (check.messages.length > maxMessages) lines.push(`      … ${check.messages.length - maxMessages} more messages`);
  const shown = check.diagnostics.slice(0, maxDiagnostics);
  const requests = [...new Set(shown.map((diagnostic) => diagnostic.request))];
  for (const request of requests) {
    lines.push(`      ${request}`);
    const text = describeViolations(shown.filter((diagnostic) => diagnostic.request === request));
    // Drop describeViolations' own heading; the count follows below.
    lines.push(
      ...text
        .split('\n')
        .slice(1)
        .map((line) => `      ${line}`),
    );
  }
  if (check.diagnostics.length > maxDiagnostics) {
    lines.push(`      … ${check.diagnostics.length - maxDiagnostics} more contract violations (see --reporter json)`);
  }
  return lines;
}

/**
 * A report as text for a terminal: one line per check, and the first messages and contract
 * violations under each failing one (secret-looking values redacted).
 *
 * @example
 * ```ts
 * console.log(formatPrettyReport(await runConformance(target)));
 * // interactions-kit verify http://127.0.0.1:4010 (account 62f4..., 2026-10-01T00:00:00Z to ...)
 * //   PASS format-unified        truto_response_format=unified answers 200 ...
 * //   FAIL error-bad-cursor      a garbage next_cursor gets 400
 * //       expected status 400, got 200 for GET /unified/...
 * // 17 checks: 16 passed, 1 failed, 0 skipped
 * ```
 */
export function formatPrettyReport(given: ConformanceReport, options: PrettyReportOptions = {}): string {
  // Printed to CI logs: a report built by hand must not put a credential there either.
  const report = redactReport(given);
  const { maxDiagnostics = 5, maxMessages = 5 } = options;
  const { target, summary } = report;
  const width = Math.max(...report.checks.map((check) => check.id.length));
  const lines = [
    `interactions-kit verify ${target.baseUrl} (account ${target.account}, ${target.start} to ${target.end})`,
    '',
  ];
  for (const check of report.checks) {
    lines.push(`  ${MARK[check.status]} ${check.id.padEnd(width)}  ${check.title}`);
    lines.push(...details(check, maxDiagnostics, maxMessages));
  }
  lines.push('');
  if (report.unreachable !== undefined) lines.push(`The target is unreachable: ${report.unreachable}`);
  lines.push(`${summary.total} checks: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
  return lines.join('\n');
}
