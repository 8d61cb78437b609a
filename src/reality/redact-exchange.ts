/**
 * Takes the secrets out of an exchange before it reaches a file, with the rules of
 * `src/redact.ts`: secret headers (`Authorization` keeps its scheme), secret query parameters
 * and user-info in the URL, secret-named fields of a JSON body, and the token's own value
 * wherever it appears (a target that echoes it back in a body or a header).
 */
import { redactHeaders, redactJson, redactUrl, redactValues } from '../redact.js';
import type { FixtureFile } from '../fixtures/fixture-file.js';

/** The body text with secrets removed; a JSON body keeps its bytes when it carries no secret. */
export function redactBodyText(text: string, secrets: readonly string[]): string {
  const redacted = redactValues(text, secrets);
  try {
    const body: unknown = JSON.parse(redacted);
    const clean = redactJson(body);
    // Re-serialized only when a field was hidden, so a clean body stays byte for byte.
    return JSON.stringify(clean) === JSON.stringify(body) ? redacted : JSON.stringify(clean);
  } catch {
    // NDJSON: each line on its own.
    if (!redacted.includes('\n')) return redacted;
    return redacted
      .split('\n')
      .map((line) => (line.trim() === '' ? line : redactBodyText(line, [])))
      .join('\n');
  }
}

function redactRecord(headers: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const redacted = redactHeaders(headers);
  return Object.fromEntries(Object.entries(redacted).map(([name, value]) => [name, redactValues(value, secrets)]));
}

/**
 * The exchange with every secret replaced by `[REDACTED]`.
 *
 * @example
 * redactExchange(fixture, body, ['my-token']); // { fixture: {... authorization: 'Bearer [REDACTED]' }, bodyText }
 */
export function redactExchange(
  fixture: FixtureFile,
  bodyText: string,
  secrets: readonly string[],
): { fixture: FixtureFile; bodyText: string } {
  const url = redactValues(redactUrl(fixture.request.url), secrets);
  const path = url.split('?')[0] ?? url;
  const query = fixture.request.query === undefined ? undefined : queryRecordOf(url);
  return {
    fixture: {
      description: redactValues(fixture.description, secrets),
      request: {
        ...fixture.request,
        url,
        path,
        ...(query === undefined ? {} : { query }),
        headers: redactRecord(fixture.request.headers, secrets),
        ...(fixture.request.body === undefined ? {} : { body: redactJson(fixture.request.body) }),
      },
      response: { ...fixture.response, headers: redactRecord(fixture.response.headers, secrets) },
    },
    bodyText: redactBodyText(bodyText, secrets),
  };
}

/** The query of a (redacted) URL as the fixture keeps it: decoded, a repeated name as a list. */
export function queryRecordOf(url: string): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  const search = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  for (const [name, value] of new URLSearchParams(search)) {
    const current = record[name];
    record[name] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value];
  }
  return record;
}
