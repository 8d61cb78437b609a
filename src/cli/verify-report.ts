/**
 * `verify`'s reports: the formats, each rendered, and the exit code a report means. Shared by
 * `verify` against a target and `verify --recording`.
 */
import type { ConformanceReport } from '../conformance/check-result.js';
import { formatJunitReport } from '../conformance/format-junit-report.js';
import { formatPrettyReport } from '../conformance/format-pretty-report.js';
import { redactReport } from '../conformance/redact-report.js';

/** The report formats of `verify`. */
export const REPORTERS = ['pretty', 'json', 'junit'] as const;
/** One of {@link REPORTERS}. */
export type Reporter = (typeof REPORTERS)[number];

/** The report in the chosen format. */
export function renderReport(report: ConformanceReport, reporter: Reporter): string {
  if (reporter === 'json') return `${JSON.stringify(redactReport(report), null, 2)}\n`;
  if (reporter === 'junit') return formatJunitReport(report);
  return `${formatPrettyReport(report)}\n`;
}

/** 0 every check passed, 1 a check failed, 2 the target could not be reached. */
export function exitCodeOf(report: ConformanceReport): number {
  if (report.unreachable !== undefined) return 2;
  return report.ok ? 0 : 1;
}
