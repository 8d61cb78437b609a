/**
 * `verify --recording DIR`: offline, a recording of mock A passes and a recording of the broken
 * target fails, with the same reporters as a live run; the drift report finds a field deleted
 * from a recorded body and a field added to one. And the bad input of record, replay and verify:
 * each a clear line, none a stack trace.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { main } from '../../src/cli/main.js';
import type { ConformanceReport } from '../../src/conformance/check-result.js';
import { BROKEN_ACCOUNT, startBrokenTarget } from '../helpers/broken-target.js';
import { ACCOUNT, startMockServer } from '../helpers/mock.js';

const WINDOW = ['--start', '2026-10-01T00:00:00Z', '--end', '2026-11-01T00:00:00Z'];

let root: string;
let recordingA: string;
let recordingBroken: string;
const errors: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ik-verify-recording-'));
  recordingA = join(root, 'a');
  recordingBroken = join(root, 'broken');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const a = await startMockServer(['--seed', '7']);
  try {
    const code = await main([
      'record',
      '--base-url',
      a.url,
      '--token',
      't-a',
      '--account',
      ACCOUNT,
      ...WINDOW,
      '--out',
      recordingA,
    ]);
    expect(code).toBe(0);
  } finally {
    await a.close();
  }
  const broken = await startBrokenTarget();
  try {
    const code = await main([
      'record',
      '--base-url',
      broken.url,
      '--token',
      't-b',
      '--account',
      BROKEN_ACCOUNT,
      ...WINDOW,
      '--out',
      recordingBroken,
      '--max-pages',
      '5',
    ]);
    expect(code).toBe(0);
  } finally {
    await broken.close();
  }
}, 180_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

afterEach(() => {
  errors.length = 0;
});

/** Runs the CLI in-process; stderr lines are collected in `errors`. */
async function run(args: string[]): Promise<number> {
  const spy = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void errors.push(parts.join(' ')));
  try {
    return await main(args);
  } finally {
    spy.mockRestore();
  }
}

async function jsonReport(dir: string, extra: string[] = []): Promise<{ code: number; report: ConformanceReport }> {
  const output = join(root, `report-${Math.random().toString(36).slice(2)}.json`);
  const code = await run(['verify', '--recording', dir, '--reporter', 'json', '--output', output, ...extra]);
  return { code, report: JSON.parse(await readFile(output, 'utf8')) as ConformanceReport };
}

const messagesOf = (report: ConformanceReport, id: string) =>
  report.checks.find((check) => check.id === id)?.messages ?? [];

describe('verify --recording', () => {
  it('passes a recording of mock A, the drift checks included, and notes the fields never shown', async () => {
    const { code, report } = await jsonReport(recordingA);
    const failed = report.checks.filter((check) => check.status === 'fail');
    expect(failed.map((check) => `${check.id}: ${check.messages.join('; ')}`)).toEqual([]);
    expect(code).toBe(0);
    const ids = report.checks.map((check) => check.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'format-raw',
        'pagination-unique-cursors',
        'drift-undocumented-fields',
        'drift-statuses',
        'drift-mock-shape',
      ]),
    );
    expect(report.checks.filter((check) => check.status === 'pass').length).toBeGreaterThan(15);
    // A Gong-backed record has no created_at: the contract documents it, the recording never shows it.
    expect(messagesOf(report, 'drift-unseen-fields')).toContain('truto_response_format=unified: result[].created_at');
  });

  it('fails a recording of the broken target, in JUnit too', async () => {
    const output = join(root, 'broken.xml');
    const code = await run(['verify', '--recording', recordingBroken, '--reporter', 'junit', '--output', output]);
    expect(code).toBe(1);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(await readFile(output, 'utf8')) as {
      testsuites: {
        '@_failures': string;
        testsuite: Array<{ '@_name': string; testcase: Array<{ '@_name': string; failure?: { '#text'?: string } }> }>;
      };
    };
    expect(Number(xml.testsuites['@_failures'])).toBeGreaterThan(5);
    const drift = xml.testsuites.testsuite.find((suite) => suite['@_name'].endsWith('drift'))!;
    const statuses = drift.testcase.find((testcase) => testcase['@_name'].startsWith('drift-statuses'))!;
    expect(statuses.failure?.['#text']).toContain('answered 418');
  });

  it('the drift report finds a field deleted from a recorded body and a field added to one', async () => {
    const edited = join(root, 'edited');
    await cp(recordingA, edited, { recursive: true });
    const index = JSON.parse(await readFile(join(edited, 'index.json'), 'utf8')) as {
      exchanges: Array<{ file: string; url: string; status: number }>;
    };
    const page = index.exchanges.find(
      (entry) =>
        entry.status === 200 &&
        entry.url.includes('truto_response_format=unified') &&
        !entry.url.includes('next_cursor'),
    )!;
    const file = join(edited, page.file);
    const fixture = JSON.parse(await readFile(file, 'utf8')) as {
      response: { body: { result: Array<Record<string, unknown>> } };
    };
    for (const record of fixture.response.body.result) delete record.timezone;
    fixture.response.body.result[0]!.surprise_field = 1;
    await writeFile(file, JSON.stringify(fixture, null, 2));

    const { code, report } = await jsonReport(edited);
    expect(code).toBe(1);
    expect(messagesOf(report, 'drift-undocumented-fields')).toEqual([
      expect.stringMatching(/^truto_response_format=unified: result\[\]\.surprise_field \(first in GET /),
    ]);
    const shape = messagesOf(report, 'drift-mock-shape');
    expect(shape).toContainEqual(
      expect.stringContaining('result[].timezone: the mock has it (string), the recording does not'),
    );
    expect(shape).toContainEqual(
      expect.stringContaining('result[].surprise_field: the recording has it (number), the mock does not'),
    );
    expect(shape).toHaveLength(2);
  });

  it('says which file of a hand-edited recording is not valid JSON', async () => {
    const edited = join(root, 'invalid');
    await cp(recordingA, edited, { recursive: true });
    await writeFile(join(edited, 'exchanges', '0002.json'), '{ "description": "oops", ');
    expect(await run(['verify', '--recording', edited])).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^interactions-kit verify: .*0002\.json: not valid JSON: /);
  });

  it('refuses a missing folder, an empty one, and a recording of another account', async () => {
    expect(await run(['verify', '--recording', join(root, 'nowhere')])).toBe(2);
    expect(errors.at(-1)).toContain('nowhere: no such folder');
    const empty = join(root, 'empty');
    await mkdir(empty);
    expect(await run(['verify', '--recording', empty])).toBe(2);
    expect(errors.at(-1)).toContain('the folder is empty');
    expect(await run(['verify', '--recording', recordingA, '--account', BROKEN_ACCOUNT.replace('62f4', '7777')])).toBe(
      2,
    );
    expect(errors.at(-1)).toContain(`was made with --account ${ACCOUNT}`);
    expect(errors.every((line) => !line.includes('\n') && !line.includes('    at '))).toBe(true);
  });

  it('refuses an index that names a file outside the recording', async () => {
    const edited = join(root, 'outside');
    await cp(recordingA, edited, { recursive: true });
    const indexPath = join(edited, 'index.json');
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as { exchanges: Array<{ file: string }> };
    index.exchanges[0]!.file = '../a/exchanges/0001.json';
    await writeFile(indexPath, JSON.stringify(index));
    expect(await run(['verify', '--recording', edited])).toBe(2);
    expect(errors.at(-1)).toContain('exchanges[0].file "../a/exchanges/0001.json" is outside the recording');
  });
});

describe('record and serve --replay with bad input', () => {
  it('an unreachable target: exit 2, one line', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const code = await run([
      'record',
      '--base-url',
      `http://127.0.0.1:${port}`,
      '--token',
      't',
      '--account',
      ACCOUNT,
      ...WINDOW,
      '--out',
      join(root, 'x'),
    ]);
    expect(code).toBe(2);
    expect(errors).toEqual([
      expect.stringMatching(/^interactions-kit record: cannot reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/),
    ]);
  });

  it('a target that is not this API: a clear message', async () => {
    const server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const code = await run([
        'record',
        '--base-url',
        url,
        '--token',
        't',
        '--account',
        ACCOUNT,
        ...WINDOW,
        '--out',
        join(root, 'y'),
      ]);
      expect(code).toBe(2);
      expect(errors).toEqual([
        expect.stringContaining(
          'does not look like the unified interactions API: GET /unified/conversational-intelligence/interactions?',
        ),
      ]);
      expect(errors[0]).toContain('answered 200 (text/html)');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('serve --replay of a missing or broken recording: a one-line error, no port taken', async () => {
    await expect(startMockServer(['--replay', join(root, 'nowhere')])).rejects.toThrow(CliError);
    await expect(startMockServer(['--replay', join(root, 'nowhere')])).rejects.toThrow(
      /--replay: .*nowhere: no such folder/,
    );
    const broken = join(root, 'broken-index');
    await mkdir(broken);
    await writeFile(join(broken, 'index.json'), '[1, 2');
    await expect(startMockServer(['--replay', broken])).rejects.toThrow(/index\.json: not valid JSON/);
  });

  it('serve refuses flags that do not go together', async () => {
    await expect(startMockServer(['--replay', recordingA, '--proxy', 'http://127.0.0.1:1'])).rejects.toThrow(
      '--replay and --proxy exclude each other',
    );
    await expect(startMockServer(['--replay-fallback', 'world'])).rejects.toThrow(
      '--replay-fallback goes with --replay DIR',
    );
    await expect(startMockServer(['--replay', recordingA, '--replay-fallback', 'mock'])).rejects.toThrow(
      '--replay-fallback takes "world"',
    );
    await expect(startMockServer(['--proxy', 'ftp://x'])).rejects.toThrow('--proxy must be an http(s) URL');
    await expect(startMockServer(['--record', 'x'])).rejects.toThrow('--record goes with --proxy URL');
    await expect(startMockServer(['--replay', recordingA, '--watch', '--world', 'w.yaml'])).rejects.toThrow(
      '--watch reloads a world file; it does not go with --replay',
    );
  });
});
