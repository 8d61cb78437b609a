/**
 * The contract is a valid OpenAPI 3.1 document, and Redocly's recommended rules find nothing
 * in it: no errors, no warnings.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';

const SPEC = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REDOCLY = fileURLToPath(new URL('../../node_modules/.bin/redocly', import.meta.url));

interface RedoclyReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: Array<{ ruleId: string; severity: string; message: string; location?: Array<{ pointer?: string }> }>;
}

describe('openapi.yaml', () => {
  it('parses and validates as OpenAPI 3.1 (@readme/openapi-parser)', async () => {
    const result = await validate(SPEC);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.specification).toBe('OpenAPI');
    expect(result.warnings).toEqual([]);
  });

  it('passes redocly lint with no errors and no warnings', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [REDOCLY, 'lint', SPEC, '--format=json'], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as RedoclyReport;
    const problems = report.problems.map(
      (p) => `${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer ?? ''}: ${p.message}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
