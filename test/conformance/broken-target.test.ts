/**
 * Every check can fail: against a target with one defect per check, each check fails and its
 * report names the defect (pointer, rule, status, the looping cursor, ...).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_CHECK_IDS, formatPrettyReport, runConformance } from '../../src/conformance/index.js';
import type { ConformanceReport } from '../../src/conformance/index.js';
import { BROKEN_ACCOUNT, startBrokenTarget, type BrokenTarget } from '../helpers/broken-target.js';

const WINDOW = { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' };

// check id -> what its failure must say: contract violations as `rule pointer`, and messages.
const DEFECTS: Record<string, { diagnostics?: string[]; message?: RegExp }> = {
  'format-unified': { diagnostics: ['type /body/result/0/user/id', 'type /body/result/1/user/id'] },
  'format-raw': { diagnostics: ['required /body/result/0/userId', 'required /body/result/1/userId'] },
  'format-normalized': {
    diagnostics: ['type /body/result/0/metrics/interactivity', 'type /body/result/1/metrics/interactivity'],
  },
  'format-debug': { diagnostics: ['required /body/debug'] },
  'format-stream': { diagnostics: ['content-type /headers/content-type'] },
  'format-key-by': { diagnostics: ['type /body/result'] },
  'error-no-token': { message: /^expected status 401, got 200/ },
  'error-missing-start-time': { message: /^expected status 400, got 500/ },
  'error-missing-end-time': { diagnostics: ['status-documented /status'], message: /^expected status 400, got 418/ },
  'error-unknown-account': { message: /^expected status 404, got 200/ },
  'error-bad-cursor': { message: /^expected status 400, got 200/ },
  'pagination-ends': { message: /^page 2 returned next_cursor "c1" as page 1 did: following it loops forever$/ },
  'pagination-unique-records': { message: /^record "r1" on page 2 already came on page 1$/ },
  'pagination-unique-cursors': { message: /^page 2 returned next_cursor "c1" as page 1 did/ },
  'key-by': { message: /^result is an array, not an object keyed by id$/ },
  'exclude-fields': {
    diagnostics: ['excluded-field-present /body/result/0/timezone'],
    message:
      /^record 0 still has timezone although truto_exclude_fields\[\]=timezone&truto_exclude_fields\[\]=user\.emails excluded it$/,
  },
  'ignore-remote-data': {
    diagnostics: ['remote-data-present /body/result/0/remote_data'],
    message: /^2 of 2 records still carry remote_data/,
  },
  'no-server-errors': {
    message:
      /^500 from GET http:\/\/127\.0\.0\.1:\d+\/unified\/conversational-intelligence\/interactions\?integrated_account_id=/,
  },
};

describe('the conformance suite against a broken target', () => {
  let target: BrokenTarget;
  let report: ConformanceReport;

  beforeAll(async () => {
    target = await startBrokenTarget();
    report = await runConformance(
      { baseUrl: target.url, token: 't', account: BROKEN_ACCOUNT, ...WINDOW },
      { maxPages: 10 },
    );
  });
  afterAll(() => target?.close());

  it('covers every check, and every check fails', () => {
    expect(Object.keys(DEFECTS).sort()).toEqual([...CONFORMANCE_CHECK_IDS].sort());
    expect(report.checks.filter((check) => check.status !== 'fail').map((check) => check.id)).toEqual([]);
    expect(report.ok).toBe(false);
    expect(report.unreachable).toBeUndefined();
    expect(report.summary).toEqual({
      total: CONFORMANCE_CHECK_IDS.length,
      passed: 0,
      failed: CONFORMANCE_CHECK_IDS.length,
      skipped: 0,
    });
  });

  for (const [id, defect] of Object.entries(DEFECTS)) {
    it(`${id} names its defect`, () => {
      const check = report.checks.find((candidate) => candidate.id === id)!;
      for (const expected of defect.diagnostics ?? []) {
        expect(check.diagnostics.map((d) => `${d.rule} ${d.pointer}`)).toContain(expected);
      }
      if (defect.message !== undefined)
        expect(
          check.messages.some((m) => defect.message!.test(m)),
          check.messages.join('\n'),
        ).toBe(true);
    });
  }

  it('the readable report shows pointer, rule and offending value under each failing check', () => {
    const text = formatPrettyReport(report);
    expect(text).toContain('  FAIL format-unified');
    expect(text).toMatch(/\/body\/result\/0\/user\/id \[type\] must be string \(got 42\)/);
    expect(text).toMatch(/\/status \[status-documented\] status 418 is not documented/);
    expect(text).toMatch(/\/headers\/content-type \[content-type\]/);
    expect(text).toContain(
      `${CONFORMANCE_CHECK_IDS.length} checks: 0 passed, ${CONFORMANCE_CHECK_IDS.length} failed, 0 skipped`,
    );
  });
});
