/**
 * Connection limits, over raw sockets: a client trickling its headers or stalling its body is
 * answered 408 and cut off once the bound passes (small bounds here; the defaults are in
 * ConnectionLimits), and a declared body larger than any route reads gets 413 before it is sent.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServeFlags } from '../../src/cli/serve-flags.js';
import { startServer, type RunningServer } from '../../src/cli/start-server.js';
import { ConnectionLimitsError, connectionLimitOptions } from '../../src/server/connection-limits.js';
import { MAX_BODY_BYTES } from '../../src/engine/answer.js';
import { ACCOUNT, NOW, UNIFIED_PATH } from '../helpers/mock.js';

let server: RunningServer;
beforeAll(async () => {
  const flags = parseServeFlags(['--port', '0', '--now', NOW, '--log-level', 'silent']);
  if (flags === 'help') throw new Error('unexpected help');
  server = await startServer(flags, { headersTimeoutMs: 300, requestTimeoutMs: 600 });
});
afterAll(() => server.close());

/**
 * Opens a raw connection, writes `first`, then writes `trickle` every 50 ms until the server
 * closes the connection; resolves with everything the server sent.
 */
function converse(first: string, trickle?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(first);
      if (trickle !== undefined) timer = setInterval(() => socket.writable && socket.write(trickle), 50);
    });
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Writing a trickle into a socket the server just closed resets it: what arrived stands.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
      clearInterval(timer);
      reject(error);
    });
  });
}

function parse(response: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

describe('time bounds', () => {
  it('a client trickling its headers is answered 408 and cut off', async () => {
    const response = parse(await converse(`GET ${UNIFIED_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, 'X-Slow: 1\r\n'));
    expect(response.status).toBe(408);
    expect(response.headers).toContain('connection: close');
    expect(response.body).toEqual({
      statusCode: 408,
      error: 'Request Timeout',
      message: expect.stringMatching(/not received in time/),
    });
  });

  it('a half-sent body is answered 408 and cut off', async () => {
    const head =
      `POST /gong/${ACCOUNT}/v2/stats/interaction HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      'Authorization: Basic a2V5OnNlY3JldA==\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    const response = parse(await converse(`${head}{"filter":`, ' '));
    expect(response.status).toBe(408);
    expect(response.body).toEqual({ statusCode: 408, error: 'Request Timeout', message: expect.any(String) });
  });

  it('refuses bounds node would refuse', () => {
    expect(() => connectionLimitOptions({ headersTimeoutMs: 1000, requestTimeoutMs: 500 })).toThrow(
      ConnectionLimitsError,
    );
    expect(() => connectionLimitOptions({ headersTimeoutMs: 0 })).toThrow(ConnectionLimitsError);
  });
});

describe('declared length', () => {
  const tenMegabytes = 10 * 1024 * 1024;

  it('a declared 10 MB Gong body gets 413 in Gong shape before it is sent', async () => {
    const head =
      `POST /gong/${ACCOUNT}/v2/stats/interaction HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Authorization: Basic a2V5OnNlY3JldA==\r\nContent-Type: application/json\r\nContent-Length: ${tenMegabytes}\r\n\r\n`;
    const response = parse(await converse(`${head}{"filter":`));
    expect(response.status).toBe(413);
    expect(response.headers).toContain('connection: close');
    expect(response.body).toEqual({
      requestId: expect.any(String),
      errors: [`The request body is larger than ${MAX_BODY_BYTES} bytes`],
    });
  });

  it('a declared 10 MB body elsewhere gets 413 in the unified shape', async () => {
    const head = `GET ${UNIFIED_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${tenMegabytes}\r\n\r\n`;
    const response = parse(await converse(`${head}xx`));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: `The request body declares ${tenMegabytes} bytes; the mock reads at most ${MAX_BODY_BYTES}`,
    });
  });
});
