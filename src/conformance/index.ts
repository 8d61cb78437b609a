/**
 * The conformance suite: one set of checks that runs unchanged against any implementation of
 * the unified interactions API (this kit's mock, Prism, the real service), with results as data.
 *
 * @example
 * ```ts
 * import { runConformance, formatPrettyReport } from 'interactions-kit';
 * const report = await runConformance({ baseUrl, token, account, start, end }, { timeoutMs: 10_000 });
 * if (!report.ok) console.error(formatPrettyReport(report));
 * ```
 */
export { runConformance, CONFORMANCE_CHECK_IDS } from './run-conformance.js';
export { ConformanceOptionsError, type ConformanceOptions, type ConformanceTarget } from './conformance-options.js';
export type {
  CheckKind,
  CheckResult,
  CheckStatus,
  ConformanceDiagnostic,
  ConformanceReport,
  ConformanceSummary,
  RecordedRequest,
} from './check-result.js';
export { formatPrettyReport, type PrettyReportOptions } from './format-pretty-report.js';
export { formatJunitReport } from './format-junit-report.js';
export { recentFullMonth } from './recent-full-month.js';
