/**
 * `interactions-kit verify`: flags, reporters, and exit codes through the real binary
 * (0 every check passed, 1 a check failed, 2 unreachable target or bad flags), with a JUnit
 * file parsed back the way a CI would read it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import type { RunningServer } from '../../src/cli/start-server.js';
import { parseVerifyFlags, TOKEN_ENV } from '../../src/cli/verify.js';
import { CONFORMANCE_CHECK_IDS } from '../../src/conformance/index.js';
import { BROKEN_ACCOUNT, startBrokenTarget, type BrokenTarget } from '../helpers/broken-target.js';
import { spawnCli } from '../helpers/cli.js';
import { ACCOUNT, startMockServer } from '../helpers/mock.js';
import { findFreePort } from '../helpers/prism.js';

const WINDOW = ['--start', '2026-10-01T00:00:00Z', '--end', '2026-11-01T00:00:00Z'];
const CHECKS = CONFORMANCE_CHECK_IDS.length;

interface JunitCase {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '#text'?: string };
  error?: { '@_message': string };
  skipped?: { '@_message': string };
}
interface JunitSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  testcase: JunitCase[];
}
interface Junit {
  testsuites: {
    '@_tests': string;
    '@_failures': string;
    '@_errors': string;
    '@_skipped': string;
    testsuite: JunitSuite[];
  };
}

function parseJunit(xml: string): Junit {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml, true) as Junit;
}

async function verify(args: string[]): Promise<{ code: number | null; output: string }> {
  const cli = spawnCli(['verify', ...args]);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

describe('parseVerifyFlags', () => {
  const base = ['--base-url', 'http://127.0.0.1:4010', '--token', 't', '--account', ACCOUNT];

  it('defaults to the last full month before today, pretty, to stdout', () => {
    const flags = parseVerifyFlags(base, {}, new Date('2026-11-24T17:00:00Z'));
    expect(flags).toMatchObject({
      target: {
        baseUrl: 'http://127.0.0.1:4010',
        token: 't',
        account: ACCOUNT,
        start: '2026-10-01T00:00:00Z',
        end: '2026-11-01T00:00:00Z',
      },
      options: { timeoutMs: 15_000, limit: 25, maxPages: 200 },
      reporter: 'pretty',
      output: undefined,
    });
    // On the 1st, last month has not been over for a whole day everywhere: take the one before.
    expect(parseVerifyFlags(base, {}, new Date('2026-01-01T03:00:00Z'))).toMatchObject({
      target: { start: '2025-11-01T00:00:00Z', end: '2025-12-01T00:00:00Z' },
    });
  });

  it('reads the token from the environment when --token is absent', () => {
    const flags = parseVerifyFlags(['--base-url', 'https://api.truto.one', '--account', ACCOUNT], {
      [TOKEN_ENV]: 'from-env',
    });
    expect(flags).toMatchObject({ target: { token: 'from-env' } });
  });

  it.each([
    [[...base.slice(2)], /--base-url is required/],
    [['--base-url', 'localhost:4010', ...base.slice(2)], /--base-url must be an http\(s\) URL/],
    [['--base-url', 'http://x', '--account', ACCOUNT], /--token is required \(or set INTERACTIONS_KIT_TOKEN\)/],
    [[...base.slice(0, 4)], /--account is required/],
    [[...base, '--start', '2026-10-01T00:00:00Z'], /--start and --end go together/],
    [[...base, '--start', '2026-10-01', '--end', '2026-11-01T00:00:00Z'], /--start must be an ISO 8601 date-time/],
    [[...base, '--start', '2026-11-01T00:00:00Z', '--end', '2026-10-01T00:00:00Z'], /--end must be after --start/],
    [[...base, '--reporter', 'tap'], /--reporter must be one of pretty, json, junit, got "tap"/],
    [[...base, '--only', 'format-xml'], /--only "format-xml" is not a check/],
    [[...base, '--timeout', '0'], /--timeout must be a whole number from 1/],
    [[...base, '--colour'], /Unknown option '--colour'/],
  ])('refuses %j', (args, message) => {
    expect(() => parseVerifyFlags(args, {})).toThrow(CliError);
    expect(() => parseVerifyFlags(args, {})).toThrow(message);
  });
});

describe('interactions-kit verify, the real binary', () => {
  let mock: RunningServer;
  let broken: BrokenTarget;
  let dir: string;
  beforeAll(async () => {
    [mock, broken, dir] = await Promise.all([
      startMockServer(),
      startBrokenTarget(),
      mkdtemp(join(tmpdir(), 'verify-')),
    ]);
  });
  afterAll(async () => {
    await Promise.all([mock?.close(), broken?.close()]);
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 against the mock and writes JUnit XML a CI can read', async () => {
    const file = join(dir, 'pass.xml');
    const { code, output } = await verify([
      '--base-url',
      mock.url,
      '--token',
      't',
      '--account',
      ACCOUNT,
      ...WINDOW,
      '--reporter',
      'junit',
      '--output',
      file,
    ]);
    expect(output).toBe(`interactions-kit verify: ${CHECKS} passed, 0 failed, 0 skipped; report written to ${file}\n`);
    expect(code).toBe(0);
    const junit = parseJunit(await readFile(file, 'utf8'));
    expect(junit.testsuites).toMatchObject({
      '@_tests': String(CHECKS),
      '@_failures': '0',
      '@_errors': '0',
      '@_skipped': '0',
    });
    expect(junit.testsuites.testsuite.map((suite) => suite['@_name'])).toEqual([
      'interactions-kit verify: schema',
      'interactions-kit verify: behaviour',
    ]);
    const cases = junit.testsuites.testsuite.flatMap((suite) => suite.testcase);
    expect(cases.map((testcase) => testcase['@_name'].split(':')[0])).toEqual(CONFORMANCE_CHECK_IDS);
    expect(cases.filter((testcase) => testcase.failure !== undefined || testcase.skipped !== undefined)).toEqual([]);
  });

  it('exits 1 against a broken target; the JUnit file has a failure per check', async () => {
    const file = join(dir, 'fail.xml');
    const { code } = await verify([
      '--base-url',
      broken.url,
      '--token',
      't',
      '--account',
      BROKEN_ACCOUNT,
      ...WINDOW,
      '--max-pages',
      '5',
      '--reporter',
      'junit',
      '--output',
      file,
    ]);
    expect(code).toBe(1);
    const junit = parseJunit(await readFile(file, 'utf8'));
    expect(junit.testsuites).toMatchObject({
      '@_tests': String(CHECKS),
      '@_failures': String(CHECKS),
      '@_errors': '0',
    });
    const suites = junit.testsuites.testsuite;
    expect(suites.map((suite) => Number(suite['@_failures'])).reduce((a, b) => a + b)).toBe(CHECKS);
    const cases = suites.flatMap((suite) => suite.testcase);
    expect(cases.every((testcase) => testcase.failure !== undefined)).toBe(true);
    const raw = cases.find((testcase) => testcase['@_name'].startsWith('format-raw:'))!;
    expect(raw.failure!['@_message']).toBe('2 contract violations');
    expect(raw.failure!['#text']).toContain('/body/result/0/userId [required]');
    const cursor = cases.find((testcase) => testcase['@_name'].startsWith('pagination-unique-cursors:'))!;
    expect(cursor.failure!['@_message']).toBe(
      'page 2 returned next_cursor "c1" as page 1 did: following it loops forever',
    );
  });

  it('prints a readable report naming each defect, and JSON on request', async () => {
    const { code, output } = await verify([
      '--base-url',
      broken.url,
      '--token',
      't',
      '--account',
      BROKEN_ACCOUNT,
      ...WINDOW,
      '--max-pages',
      '5',
    ]);
    expect(code).toBe(1);
    expect(output).toContain(
      `interactions-kit verify ${broken.url} (account ${BROKEN_ACCOUNT}, 2026-10-01T00:00:00Z to 2026-11-01T00:00:00Z)`,
    );
    expect(output).toMatch(/FAIL format-unified +truto_response_format=unified/);
    expect(output).toMatch(/\/body\/result\/0\/user\/id \[type\] must be string \(got 42\)/);
    expect(output).toMatch(/\/status \[status-documented\] status 418 is not documented/);
    expect(output).toMatch(
      /\/headers\/content-type \[content-type\] truto_response_format=stream answers NDJSON, not application\/json/,
    );
    expect(output).toContain('expected status 401, got 200');
    expect(output).toContain('loops forever');
    expect(output).toContain(`${CHECKS} checks: 0 passed, ${CHECKS} failed, 0 skipped`);
    expect(output).not.toContain('Bearer');

    const file = join(dir, 'report.json');
    const json = await verify([
      '--base-url',
      mock.url,
      '--token',
      't',
      '--account',
      ACCOUNT,
      ...WINDOW,
      '--only',
      'format-raw',
      '--reporter',
      'json',
      '--output',
      file,
    ]);
    expect(json.code).toBe(0);
    const report = JSON.parse(await readFile(file, 'utf8')) as {
      ok: boolean;
      checks: Array<{ id: string; status: string }>;
    };
    expect(report.ok).toBe(true);
    expect(report.checks.filter((check) => check.status === 'pass').map((check) => check.id)).toEqual(['format-raw']);
  });

  it('exits 2 when the target cannot be reached, and says so', async () => {
    const port = await findFreePort();
    const file = join(dir, 'unreachable.xml');
    const { code, output } = await verify([
      '--base-url',
      `http://127.0.0.1:${port}`,
      '--token',
      't',
      '--account',
      ACCOUNT,
      ...WINDOW,
      '--reporter',
      'junit',
      '--output',
      file,
    ]);
    expect(code).toBe(2);
    expect(output).toMatch(
      new RegExp(`interactions-kit verify: cannot reach http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
    const junit = parseJunit(await readFile(file, 'utf8'));
    expect(junit.testsuites).toMatchObject({ '@_errors': '1', '@_failures': '0', '@_skipped': String(CHECKS - 1) });
  });

  it('exits 2 on a bad flag, with one line', async () => {
    const { code, output } = await verify(['--base-url', mock.url, '--token', 't']);
    expect(code).toBe(2);
    expect(output).toBe('interactions-kit verify: --account is required\n');
  });
});
