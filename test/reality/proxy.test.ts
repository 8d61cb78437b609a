/**
 * `serve --proxy URL`: in front of mock A the client gets A's exact answers and the journal
 * shows no violation; in front of the broken target each defect is in the journal. The
 * client's token reaches the target but neither the journal nor the log; a stream keeps its
 * backpressure through the proxy; `--record DIR` saves what passed, replayable.
 */
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../src/cli/start-server.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { proxyDoor } from '../../src/proxy/proxy-door.js';
import { sendStream } from '../../src/server/send.js';
import { BROKEN_ACCOUNT, startBrokenTarget, type BrokenTarget } from '../helpers/broken-target.js';
import { ACCOUNT, startMockServer, UNIFIED_PATH } from '../helpers/mock.js';

const TOKEN = 'proxy-secret-41d2e8';
const WINDOW = `start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive']);

interface JournalEntry {
  path: string;
  query: string;
  status: number;
  violations?: Array<{ pointer: string; rule: string; message: string }>;
  responseHeaders?: Record<string, string>;
  responseBody?: { text: string; truncated: boolean };
}

async function journal(base: string): Promise<JournalEntry[]> {
  const res = await fetch(`${base}/__admin/requests?limit=1000`);
  return ((await res.json()) as { requests: JournalEntry[] }).requests;
}

function headersOf(res: Response): Record<string, string> {
  return Object.fromEntries([...res.headers].filter(([name]) => !PER_CONNECTION.has(name)));
}

describe('serve --proxy in front of mock A', () => {
  let a: RunningServer;
  let proxy: RunningServer;
  let dir: string;
  const logged: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ik-proxy-recording-'));
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
      );
    a = await startMockServer(['--seed', '7']);
    proxy = await startMockServer(['--proxy', a.url, '--record', dir, '--log-level', 'debug']);
  });
  afterAll(async () => {
    await proxy.close();
    await a.close();
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  const requests = [
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&limit=30`,
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&truto_response_format=raw`,
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&truto_response_format=normalized&limit=5`,
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&truto_response_format=debug&limit=5`,
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&truto_response_format=stream`,
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&truto_key_by=id&limit=3`,
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&start_time=2026-10-01T00:00:00Z`,
    `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&next_cursor=garbage`,
    `/gong/${ACCOUNT}/v2/users`,
  ];

  it('gives the client A’s exact status, headers and bytes, and journals zero violations and the start of each answer', async () => {
    const bodies: string[] = [];
    for (const url of requests) {
      const init = { headers: { authorization: `Bearer ${TOKEN}` } };
      const direct = await fetch(`${a.url}${url}`, init);
      const through = await fetch(`${proxy.url}${url}`, init);
      expect(through.status, url).toBe(direct.status);
      expect(headersOf(through), url).toEqual(headersOf(direct));
      const bytes = Buffer.from(await through.arrayBuffer());
      expect(bytes.equals(Buffer.from(await direct.arrayBuffer())), url).toBe(true);
      bodies.push(bytes.toString('utf8'));
    }
    const entries = await journal(proxy.url);
    expect(entries).toHaveLength(requests.length);
    for (const [at, entry] of entries.entries()) {
      expect(entry.violations, `${entry.path}?${entry.query}`).toEqual([]);
      expect(entry.responseHeaders?.['content-type'], entry.path).toMatch(/^application\/(?:json|x-ndjson)/);
      expect(entry.responseHeaders, entry.path).not.toHaveProperty('date');
      expect(bodies[at]?.startsWith(entry.responseBody?.text ?? 'nothing journaled'), entry.path).toBe(true);
      expect(entry.responseBody?.truncated, entry.path).toBe((bodies[at]?.length ?? 0) > 4096);
    }
  });

  it('forwards the client’s own token and keeps it out of the journal and the log', async () => {
    const url = `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}&limit=1&access_token=${TOKEN}`;
    expect((await fetch(`${proxy.url}${url}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const noToken = await fetch(`${proxy.url}${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&${WINDOW}`);
    expect(noToken.status).toBe(401);
    const listing = JSON.stringify(await journal(proxy.url));
    expect(listing).toContain('access_token=[REDACTED]');
    expect(listing).not.toContain(TOKEN);
    expect(logged.some((line) => line.includes('access_token'))).toBe(true);
    expect(logged.join('\n')).not.toContain(TOKEN);
  });

  it('--record saves each exchange, without the token', async () => {
    const files = (await readdir(dir, { recursive: true })).map(String);
    expect(files).toContain('index.json');
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
      account: string;
      exchanges: unknown[];
    };
    expect(index.account).toBe(ACCOUNT);
    expect(index.exchanges.length).toBeGreaterThanOrEqual(requests.length);
    for (const file of files.filter((name) => name.includes('.'))) {
      expect(await readFile(join(dir, file), 'utf8'), file).not.toContain(TOKEN);
    }
    const replay = await startMockServer(['--replay', dir]);
    try {
      const url = requests[1]!;
      const replayed = await fetch(`${replay.url}${url}`, { headers: { authorization: 'Bearer other' } });
      const direct = await fetch(`${a.url}${url}`, { headers: { authorization: 'Bearer other' } });
      expect(await replayed.text()).toBe(await direct.text());
    } finally {
      await replay.close();
    }
  });
});

describe('serve --proxy in front of the broken target', () => {
  let broken: BrokenTarget;
  let proxy: RunningServer;
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    broken = await startBrokenTarget();
    proxy = await startMockServer(['--proxy', broken.url]);
  });
  afterAll(async () => {
    await proxy.close();
    await broken.close();
    vi.restoreAllMocks();
  });

  const base = `integrated_account_id=${BROKEN_ACCOUNT}&${WINDOW}`;
  const defects: Array<[string, string, string]> = [
    ['user.id is a number', `${base}&truto_response_format=unified`, '/result/0/user/id'],
    ['raw records lack userId', `${base}&truto_response_format=raw`, '/result/0'],
    [
      'metrics.interactivity is a string',
      `${base}&truto_response_format=normalized`,
      '/result/0/metrics/interactivity',
    ],
    ['debug is missing', `${base}&truto_response_format=debug`, ''],
    ['a stream answered as JSON', `${base}&truto_response_format=stream`, '/headers/content-type'],
    ['truto_key_by=id leaves an array', `${base}&truto_key_by=id`, '/result'],
    ['an undocumented 418', `integrated_account_id=${BROKEN_ACCOUNT}&start_time=2026-10-01T00:00:00Z`, ''],
  ];

  it.each(defects)('journals the defect: %s', async (_name, query, pointer) => {
    const url = `${UNIFIED_PATH}?${query}`;
    await (await fetch(`${proxy.url}${url}`, { headers: { authorization: 'Bearer t' } })).arrayBuffer();
    // The journal is written once the answer is done; poll briefly for it.
    let entry: JournalEntry | undefined;
    for (let i = 0; i < 50 && entry === undefined; i++) {
      entry = (await journal(proxy.url)).find((candidate) => `${candidate.path}?${candidate.query}` === url);
      if (entry === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(entry?.violations?.length, url).toBeGreaterThan(0);
    expect(entry!.violations!.some((violation) => violation.pointer.includes(pointer))).toBe(true);
  });
});

describe('a stream through the proxy', () => {
  let servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    servers = [];
  });

  async function listen(server: Server): Promise<string> {
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('keeps backpressure: a client that stops reading stops the target’s pages, and leaving ends them', async () => {
    const state = { made: 0, closed: false };
    const line = `${JSON.stringify({ id: 'x'.repeat(200) })}\n`;
    function* pages(): Generator<string> {
      try {
        for (;;) {
          state.made++;
          yield line.repeat(200);
        }
      } finally {
        state.closed = true;
      }
    }
    const target = await listen(
      createServer((_req, res) => void sendStream(res, 200, { 'content-type': 'application/x-ndjson' }, pages())),
    );
    const door = proxyDoor({
      target,
      engine: createEngine(),
      admin: (_req, res) => res.end(),
      log: () => undefined,
      maxCaptureBytes: 1024,
    });
    const proxy = await listen(createServer(door));
    const request = get(`${proxy}${UNIFIED_PATH}?truto_response_format=stream`);
    const [res] = (await once(request, 'response')) as [IncomingMessage];
    expect(res.headers['content-length']).toBeUndefined();
    res.pause();
    let last = -1;
    for (let i = 0; i < 30 && state.made !== last; i++) {
      last = state.made;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const held = state.made;
    // The socket buffers of two hops hold some pages; without backpressure it would never stop.
    expect(held).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(state.made).toBe(held);
    res.destroy();
    for (let i = 0; i < 30 && !state.closed; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(state.closed).toBe(true);
  });
});
