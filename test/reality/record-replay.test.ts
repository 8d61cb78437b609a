/**
 * Record mock A (seed 7) as "the real service", stop it, replay the recording on B: a client's
 * full walk through B gets A's status, content type and body bytes in every recorded format,
 * whatever its token and its parameter order; the recording holds no token; an unrecorded
 * request gets a 404 naming its near misses, and `--replay-fallback world` answers it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { RunningServer } from '../../src/cli/start-server.js';
import { loadContract } from '../../src/contract/index.js';
import { ACCOUNT, startMockServer, UNIFIED_PATH } from '../helpers/mock.js';

const TOKEN = 'rec-secret-7f3a9c';
const START = '2026-10-01T00:00:00Z';
const END = '2026-11-01T00:00:00Z';
const FORMATS = ['unified', 'raw', 'normalized', 'debug', 'stream'] as const;

interface Seen {
  url: string;
  status: number;
  contentType: string | null;
  text: string;
}

/** Every page of a format, the query in another order than `record` sent it. */
async function walkFormat(base: string, format: string, token: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  let cursor: string | undefined = format === 'unified' ? '' : undefined; // the SDK's empty first cursor
  for (let page = 0; page < 100; page++) {
    const query = new URLSearchParams(<Array<[string, string]>>[
      ['truto_response_format', format],
      ['limit', '25'],
      ['end_time', END],
      ['start_time', START],
      ['integrated_account_id', ACCOUNT],
      ...(cursor === undefined ? [] : [['next_cursor', cursor] as [string, string]]),
    ]);
    const url = `${UNIFIED_PATH}?${query}`;
    const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    seen.push({ url, status: res.status, contentType: res.headers.get('content-type'), text });
    if (format === 'stream' || res.status !== 200) return seen;
    const next = (JSON.parse(text) as { next_cursor: string | null }).next_cursor;
    if (next === null) return seen;
    cursor = next;
  }
  throw new Error('the walk did not end');
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('record, then replay', () => {
  let dir: string;
  const fromA = new Map<string, Seen[]>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ik-recording-'));
    const a = await startMockServer(['--seed', '7']);
    try {
      for (const format of FORMATS) fromA.set(format, await walkFormat(a.url, format, TOKEN));
      const code = await main([
        'record',
        '--base-url',
        a.url,
        '--token',
        TOKEN,
        '--account',
        ACCOUNT,
        '--start',
        START,
        '--end',
        END,
        '--out',
        dir,
      ]);
      expect(code).toBe(0);
    } finally {
      await a.close();
    }
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('walked several pages of A in each paged format', () => {
    for (const format of FORMATS.filter((f) => f !== 'stream')) expect(fromA.get(format)!.length).toBeGreaterThan(3);
  });

  it('keeps no token anywhere in the recording', async () => {
    const files = await filesBelow(dir);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(TOKEN);
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as { account: string };
    expect(index.account).toBe(ACCOUNT);
  });

  describe('replayed on B, with A stopped', () => {
    let b: RunningServer;
    beforeAll(async () => {
      b = await startMockServer(['--replay', dir]);
    });
    afterAll(async () => {
      await b.close();
    });

    it.each(FORMATS)('a full %s walk through B returns A’s bytes, with another token', async (format) => {
      const replayed = await walkFormat(b.url, format, 'another-token');
      const recorded = fromA.get(format)!;
      expect(replayed.map((page) => page.status)).toEqual(recorded.map((page) => page.status));
      expect(replayed.map((page) => page.contentType)).toEqual(recorded.map((page) => page.contentType));
      for (const [i, page] of replayed.entries()) expect(page.text, `page ${i + 1}`).toBe(recorded[i]!.text);
    });

    it('answers a request without a token with the recorded 401', async () => {
      const res = await fetch(
        `${b.url}${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&start_time=${START}&end_time=${END}`,
      );
      expect(res.status).toBe(401);
    });

    it('names the near misses of an unrecorded request in a 404 of the API’s error shape', async () => {
      const url = `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&start_time=${START}&end_time=${END}&limit=7&truto_response_format=raw`;
      const res = await fetch(`${b.url}${url}`, { headers: { authorization: 'Bearer x' } });
      const text = await res.text();
      expect(res.status).toBe(404);
      const body = JSON.parse(text) as {
        statusCode: number;
        error: string;
        message: string;
        truto_error_insight: { replay_near_misses: { value: Array<{ request: string; differences: string[] }> } };
      };
      expect(body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect(body.message).toContain('no recorded exchange matches');
      const [closest] = body.truto_error_insight.replay_near_misses.value;
      expect(closest!.request).toContain('truto_response_format=raw');
      expect(closest!.differences).toEqual(['limit: asked "7", recorded "25"']);
      const diagnostics = loadContract().validateResponse({
        method: 'GET',
        path: url,
        status: 404,
        headers: { 'content-type': res.headers.get('content-type')! },
        body: text,
      });
      expect(diagnostics).toEqual([]);
    });

    it('answers the admin API from the world', async () => {
      expect((await fetch(`${b.url}/__admin/health`)).status).toBe(200);
    });
  });

  it('--replay-fallback world answers an unrecorded request from the world', async () => {
    const b = await startMockServer(['--replay', dir, '--replay-fallback', 'world']);
    try {
      const url = `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&start_time=${START}&end_time=${END}&limit=7`;
      const res = await fetch(`${b.url}${url}`, { headers: { authorization: 'Bearer x' } });
      expect(res.status).toBe(200);
      expect((JSON.parse(await res.text()) as { result: unknown[] }).result).toHaveLength(7);
      // A recorded request is still the recording's.
      const recorded = fromA.get('raw')![0]!;
      const again = await fetch(`${b.url}${recorded.url}`, { headers: { authorization: 'Bearer x' } });
      expect(await again.text()).toBe(recorded.text);
    } finally {
      await b.close();
    }
  });
});
