/**
 * The conformance suite against this kit's mock: in-process (createApp behind a port-0 node
 * server) and through `serve` on a real port. Also: what it says about the mock's own
 * misbehaving accounts, a bounded walk, an unreachable target and a target that hangs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/start-server.js';
import {
  CONFORMANCE_CHECK_IDS,
  ConformanceOptionsError,
  runConformance,
  type ConformanceReport,
} from '../../src/conformance/index.js';
import { createApp, requestListener } from '../../src/server/create-app.js';
import { findFreePort } from '../helpers/prism.js';
import { ACCOUNT, NOW, startMockServer } from '../helpers/mock.js';

const WINDOW = { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' };
const LOOPING_ACCOUNT = '100b0000-0000-4000-8000-00000000100b';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}
function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
const failures = (report: ConformanceReport) =>
  report.checks
    .filter((check) => check.status !== 'pass')
    .map((check) => ({ id: check.id, status: check.status, messages: check.messages, diagnostics: check.diagnostics }));

describe('the conformance suite against createApp in-process', () => {
  const server = createServer(requestListener(createApp({ now: NOW })));
  let url: string;
  beforeAll(async () => {
    url = await listen(server);
  });
  afterAll(() => close(server));

  it('passes every check, and every check made requests', async () => {
    const report = await runConformance({ baseUrl: url, token: 'test-token', account: ACCOUNT, ...WINDOW });
    expect(failures(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.id)).toEqual(CONFORMANCE_CHECK_IDS);
    // Shared pages are counted once, against the check that asked first; the sweep reads them all.
    const askers = report.checks.filter((check) => check.requests.length > 0).map((check) => check.id);
    expect(askers).toEqual(
      CONFORMANCE_CHECK_IDS.filter(
        (id) => !['pagination-unique-records', 'pagination-unique-cursors', 'key-by', 'no-server-errors'].includes(id),
      ),
    );
    // 260 users (less those without calls in October), 25 a page: a walk of several pages.
    expect(report.checks.find((check) => check.id === 'pagination-ends')!.requests.length).toBeGreaterThan(5);
  });

  it('passes the looping account: the service stops where Gong repeats its cursor', async () => {
    const report = await runConformance({ baseUrl: url, token: 'test-token', account: LOOPING_ACCOUNT, ...WINDOW });
    // Without the stop, pagination-ends and pagination-unique-cursors fail (a cursor comes back).
    expect(failures(report)).toEqual([]);
    expect(report.checks.find((check) => check.id === 'pagination-ends')!.requests.length).toBeGreaterThan(1);
  });

  it('bounds the walk by maxPages', async () => {
    const report = await runConformance(
      { baseUrl: url, token: 'test-token', account: ACCOUNT, ...WINDOW },
      { only: ['pagination-ends'], maxPages: 3, limit: 10 },
    );
    const walk = report.checks.find((check) => check.id === 'pagination-ends')!;
    expect(walk.messages).toEqual(['the walk did not end within 3 pages of limit=10 (next_cursor never became null)']);
    expect(walk.requests).toHaveLength(3);
    expect(report.checks.filter((check) => check.status === 'skip')).toHaveLength(CONFORMANCE_CHECK_IDS.length - 1);
  });

  it('skips the behaviour checks of an empty window instead of passing them vacuously', async () => {
    const empty = 'e0e00000-0000-4000-8000-000000000000';
    const report = await runConformance({ baseUrl: url, token: 'test-token', account: empty, ...WINDOW });
    expect(report.ok).toBe(true);
    expect(report.checks.filter((check) => check.status === 'skip').map((check) => check.id)).toEqual([
      'pagination-unique-records',
      'key-by',
      'exclude-fields',
      'ignore-remote-data',
    ]);
  });

  it('refuses a target it cannot use', async () => {
    await expect(runConformance({ baseUrl: 'ftp://x', token: 't', account: ACCOUNT, ...WINDOW })).rejects.toThrow(
      ConformanceOptionsError,
    );
    await expect(runConformance({ baseUrl: url, token: '', account: ACCOUNT, ...WINDOW })).rejects.toThrow(
      /token must not be empty/,
    );
  });
});

describe('the conformance suite against serve on a real port', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startMockServer(['--token', 'secret-token']);
  });
  afterAll(() => running.close());

  it('passes every check with the configured token', async () => {
    const report = await runConformance({
      baseUrl: `${running.url}/`,
      token: 'secret-token',
      account: ACCOUNT,
      ...WINDOW,
    });
    expect(failures(report)).toEqual([]);
    expect(report.target.baseUrl).toBe(running.url);
  });

  it('with a token the mock does not accept, every check but the 401 one fails', async () => {
    const report = await runConformance(
      { baseUrl: running.url, token: 'wrong-token', account: ACCOUNT, ...WINDOW },
      { only: ['format-raw', 'error-no-token'] },
    );
    expect(report.checks.filter((check) => check.status === 'fail').map((check) => check.id)).toEqual(['format-raw']);
    expect(report.checks.find((check) => check.id === 'format-raw')!.messages[0]).toMatch(
      /^expected status 200, got 401/,
    );
  });
});

describe('targets that do not answer', () => {
  it('reports an unreachable target distinctly and runs nothing after it', async () => {
    const port = await findFreePort();
    const report = await runConformance({
      baseUrl: `http://127.0.0.1:${port}`,
      token: 't',
      account: ACCOUNT,
      ...WINDOW,
    });
    expect(report.unreachable).toMatch(new RegExp(`^cannot reach http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ status: 'fail', messages: [report.unreachable] });
    expect(report.checks.slice(1).every((check) => check.status === 'skip')).toBe(true);
    expect(report.checks[0]!.requests).toEqual([expect.objectContaining({ status: null })]);
  });

  it('fails a check whose request gets no answer in time, and goes on', async () => {
    const hanging = createServer(() => {
      // never answers
    });
    const url = await listen(hanging);
    try {
      const report = await runConformance(
        { baseUrl: url, token: 't', account: ACCOUNT, ...WINDOW },
        { timeoutMs: 100, only: ['format-raw', 'format-debug'] },
      );
      expect(report.unreachable).toBeUndefined();
      expect(
        report.checks.filter((check) => check.status === 'fail').map((check) => [check.id, check.messages]),
      ).toEqual([
        [
          'format-raw',
          [
            expect.stringMatching(
              /^no answer within 100 ms to GET \/unified\/conversational-intelligence\/interactions\?/,
            ),
          ],
        ],
        ['format-debug', [expect.stringMatching(/^no answer within 100 ms/)]],
      ]);
    } finally {
      await close(hanging);
    }
  });

  it('fails, not unreachable, when the target drops the connection instead of answering', async () => {
    const dropping = createServer((req) => req.socket.destroy());
    const url = await listen(dropping);
    try {
      const report = await runConformance(
        { baseUrl: url, token: 't', account: ACCOUNT, ...WINDOW },
        { only: ['error-no-token'] },
      );
      expect(report.unreachable).toBeUndefined();
      expect(report.checks.find((check) => check.id === 'error-no-token')!.messages[0]).toMatch(
        /^no HTTP answer to GET \/unified\/.*: /,
      );
    } finally {
      await close(dropping);
    }
  });
});
