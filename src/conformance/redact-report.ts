/**
 * A conformance report with the credentials it could carry removed: a base URL with user-info
 * (`https://user:pw@host`), secret query parameters, the target's secret headers (`Set-Cookie`,
 * `X-Api-Key`, ...) and whatever a message quotes of them. Reports go to CI logs and artifacts,
 * so every reporter passes its report through here.
 */
import { isSecretName, REDACTED, redactHeaders, redactJson, redactText, redactUrl } from '../redact.js';
import type { CheckResult, ConformanceReport } from './check-result.js';

function redactCheck(check: CheckResult): CheckResult {
  return {
    ...check,
    diagnostics: check.diagnostics.map((diagnostic) => ({
      ...diagnostic,
      request: redactText(diagnostic.request),
      message: redactText(diagnostic.message),
      // The offending value of a secret header (`/headers/set-cookie`) or field is hidden too.
      ...('value' in diagnostic
        ? { value: isSecretName(diagnostic.pointer.split('/').at(-1) ?? '') ? REDACTED : redactJson(diagnostic.value) }
        : {}),
    })),
    messages: check.messages.map(redactText),
    requests: check.requests.map((request) => ({
      ...request,
      url: redactUrl(request.url),
      headers: redactHeaders(request.headers),
    })),
  };
}

/**
 * The report with every secret replaced by `[REDACTED]`; the same report when it has none.
 * Idempotent, so a reporter may redact a report `runConformance` already redacted.
 *
 * @example
 * ```ts
 * redactReport(report).target.baseUrl; // 'https://[REDACTED]@api.example.com'
 * ```
 */
export function redactReport(report: ConformanceReport): ConformanceReport {
  return {
    ...report,
    target: { ...report.target, baseUrl: redactUrl(report.target.baseUrl) },
    checks: report.checks.map(redactCheck),
    ...(report.unreachable === undefined ? {} : { unreachable: redactText(report.unreachable) }),
  };
}
