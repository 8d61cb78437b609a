/**
 * A report as JUnit XML, the format CI systems read: one `<testsuite>` per kind of check
 * (schema, behaviour), one `<testcase>` per check, `<failure>` with the messages and contract
 * violations, `<skipped>` with the reason, and `<error>` for the check that found the target
 * unreachable.
 */
import { describeViolations } from '../contract/diagnostics.js';
import type { CheckKind, CheckResult, ConformanceReport } from './check-result.js';
import { redactReport } from './redact-report.js';

/** Text safe in XML content and attributes (characters XML 1.0 cannot carry are dropped). */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function failureText(check: CheckResult): string {
  const parts = [...check.messages];
  if (check.diagnostics.length > 0) {
    const requests = [...new Set(check.diagnostics.map((diagnostic) => diagnostic.request))];
    for (const request of requests) {
      parts.push(
        `${request}\n${describeViolations(check.diagnostics.filter((diagnostic) => diagnostic.request === request))}`,
      );
    }
  }
  return parts.join('\n');
}

function testcase(check: CheckResult, unreachable: string | undefined): string {
  const open = `    <testcase classname="interactions-kit.${check.kind}" name="${escapeXml(`${check.id}: ${check.title}`)}" time="${seconds(check.durationMs)}"`;
  if (check.status === 'pass' && check.messages.length === 0) return `${open}/>`;
  if (check.status === 'pass')
    return `${open}>\n      <system-out>${escapeXml(check.messages.join('\n'))}</system-out>\n    </testcase>`;
  if (check.status === 'skip')
    return `${open}>\n      <skipped message="${escapeXml(check.messages[0] ?? '')}"/>\n    </testcase>`;
  const first = check.messages[0] ?? `${check.diagnostics.length} contract violations`;
  const element = unreachable !== undefined && check.messages.includes(unreachable) ? 'error' : 'failure';
  const type = check.diagnostics.length > 0 ? 'contract' : 'behaviour';
  return `${open}>\n      <${element} message="${escapeXml(first)}" type="${type}">${escapeXml(failureText(check))}</${element}>\n    </testcase>`;
}

/**
 * A report as JUnit XML for CI: a `<testsuite>` per kind of check, a `<testcase>` per check
 * (secret-looking values redacted).
 *
 * @example
 * ```ts
 * await writeFile('conformance.xml', formatJunitReport(await runConformance(target)));
 * ```
 */
export function formatJunitReport(given: ConformanceReport): string {
  // A JUnit file is a CI artifact: a report built by hand must not put a credential there either.
  const report = redactReport(given);
  // The drift suite exists only for a recording's report, so a live run's file keeps its two suites.
  const kinds: CheckKind[] = ['schema', 'behaviour'];
  if (report.checks.some((check) => check.kind === 'drift')) kinds.push('drift');
  const suites = kinds.map((kind) => {
    const checks = report.checks.filter((check) => check.kind === kind);
    const cases = checks.map((check) => testcase(check, report.unreachable));
    const errors = cases.filter((text) => text.includes('<error ')).length;
    const failures = checks.filter((check) => check.status === 'fail').length - errors;
    const skipped = checks.filter((check) => check.status === 'skip').length;
    const time = checks.reduce((sum, check) => sum + check.durationMs, 0);
    return [
      `  <testsuite name="interactions-kit verify: ${kind}" tests="${checks.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(time)}">`,
      `    <properties>`,
      `      <property name="baseUrl" value="${escapeXml(report.target.baseUrl)}"/>`,
      `      <property name="account" value="${escapeXml(report.target.account)}"/>`,
      `      <property name="start" value="${escapeXml(report.target.start)}"/>`,
      `      <property name="end" value="${escapeXml(report.target.end)}"/>`,
      `    </properties>`,
      ...cases,
      `  </testsuite>`,
    ].join('\n');
  });
  const errors = report.unreachable === undefined ? 0 : 1;
  const { total, failed, skipped } = report.summary;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="interactions-kit verify" tests="${total}" failures="${failed - errors}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
