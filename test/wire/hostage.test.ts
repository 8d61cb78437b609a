/**
 * A server that cannot be held hostage, over raw sockets, with small bounds (the defaults are in
 * ConnectionLimits): a client trickling its headers (slowloris), one stalling its body, one
 * declaring a huge body, and an idle kept-alive connection each end within their bound plus
 * slack; a client past the per-client cap is refused clearly. Meanwhile a stream reader that
 * pauses for longer than every bound is not cut off: backpressure is not abuse.
 */
import { get, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeFlags } from '../../src/cli/serve-flags.js';
import { startServer, type RunningServer } from '../../src/cli/start-server.js';
import { ACCOUNT, NOW, UNIFIED_PATH, unifiedUrl } from '../helpers/mock.js';
import { connections, rawSees, splitRaw } from '../helpers/wire-clients.js';

const BOUNDS = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, maxConnectionsPerClient: 4 };
/** What a loaded machine may add to a bound before the server acts on it. */
const SLACK_MS = 3000;

let server: RunningServer;
let port: number;
beforeAll(async () => {
  const flags = parseServeFlags(['--port', '0', '--now', NOW, '--log-level', 'silent']);
  if (flags === 'help') throw new Error('unexpected help');
  // Many users: the stream is far larger than the sockets' buffers.
  flags.app.userCount = 4000;
  server = await startServer(flags, BOUNDS);
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

const STREAM = unifiedUrl({
  integrated_account_id: ACCOUNT,
  start_time: '2026-10-01T00:00:00Z',
  end_time: '2026-11-01T00:00:00Z',
  truto_response_format: 'stream',
});

/** Writes `first`, then `trickle` every 50 ms, until the server closes; resolves with what came and when. */
function attack(first: string, trickle?: string): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(first);
      if (trickle !== undefined) timer = setInterval(() => socket.writable && socket.write(trickle), 50);
    });
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, ms: performance.now() - started });
    });
  });
}

/** Reads a stream after pausing `pauseMs` right after its headers; resolves with its lines and completeness. */
function pausedReader(pauseMs: number): Promise<{ lines: number; complete: boolean }> {
  return new Promise((resolve, reject) => {
    get(`${server.url}${STREAM}`, { headers: { Authorization: 'Bearer t' }, agent: false }, (res: IncomingMessage) => {
      res.pause();
      let text = '';
      setTimeout(() => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ lines: text.split('\n').filter(Boolean).length, complete: res.complete }));
        res.on('error', reject);
        res.resume();
      }, pauseMs);
    }).on('error', reject);
  });
}

describe('a server that cannot be held hostage', () => {
  it('each attack ends within its bound while a paused stream reader is not cut off', async () => {
    const whole = await pausedReader(0);
    expect(whole.complete).toBe(true);
    expect(whole.lines).toBeGreaterThan(1000);
    const reader = pausedReader(2000);
    const head = (declared: number) =>
      `POST /gong/${ACCOUNT}/v2/stats/interaction HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`;
    const [slowloris, halfOpen, oversized] = await Promise.all([
      attack(`GET ${UNIFIED_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 'X-Slow: 1\r\n'),
      attack(`${head(100)}{"filter":`, ' '),
      attack(`${head(10 * 1024 * 1024)}{"filter":`, 'x'.repeat(1000)),
    ]);
    expect(splitRaw(Buffer.from(slowloris.text)).status).toBe(408);
    expect(slowloris.ms).toBeLessThan(BOUNDS.headersTimeoutMs + SLACK_MS);
    expect(splitRaw(Buffer.from(halfOpen.text)).status).toBe(408);
    expect(halfOpen.ms).toBeLessThan(BOUNDS.requestTimeoutMs + SLACK_MS);
    expect(splitRaw(Buffer.from(oversized.text)).status).toBe(413);
    expect(oversized.ms).toBeLessThan(SLACK_MS);
    // Paused longer than every bound, then read to the end: the same stream, whole.
    expect(await reader).toEqual(whole);
  });

  it('an idle kept-alive connection is closed once its bound passes', async () => {
    const started = performance.now();
    const seen = await rawSees(
      port,
      `GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`,
      BOUNDS.keepAliveTimeoutMs + SLACK_MS + 2000,
    );
    expect(seen.ending).toBe('end');
    expect(splitRaw(seen.received).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(BOUNDS.keepAliveTimeoutMs + SLACK_MS);
  });

  it('a client past its connection cap is refused with a clear 503, and served again once under it', async () => {
    const held: Socket[] = [];
    try {
      for (let i = 0; i < BOUNDS.maxConnectionsPerClient; i++) {
        const socket = connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        await new Promise((resolve) => socket.once('connect', resolve));
        // Each holds its connection with a request whose answer it does not read yet.
        socket.write(`GET ${STREAM} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n\r\n`);
        socket.pause();
        held.push(socket);
      }
      for (let i = 0; i < 50 && (await connections(server.server)) < held.length; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const refused = await rawSees(port, 'GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const { status, headers, body } = splitRaw(refused.received);
      expect(status).toBe(503);
      expect(headers.connection).toBe('close');
      expect(JSON.parse(body.toString())).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `Too many connections from 127.0.0.1: at most ${BOUNDS.maxConnectionsPerClient} at once; reuse a connection or close one`,
      });
    } finally {
      for (const socket of held) socket.destroy();
    }
    for (let i = 0; i < 50 && (await connections(server.server)) > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const served = await rawSees(port, 'GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(splitRaw(served.received).status).toBe(200);
  });
});
