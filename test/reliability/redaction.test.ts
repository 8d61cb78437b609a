/**
 * Secrets never reach an output: every output that uses the redaction module (its rule, as
 * tables, is in redact.test.ts) driven for real (the serve binary's banner and debug log, the --validate-responses
 * warning, the journal, the debug envelope, and `verify`'s json and junit reports).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, requestListener } from '../../src/server/create-app.js';
import { spawnCli } from '../helpers/cli.js';
import { ACCOUNT, AUTH, mockApp, NOW, october, startMockServer, unifiedUrl } from '../helpers/mock.js';

const WINDOW = ['--start', '2026-10-01T00:00:00Z', '--end', '2026-11-01T00:00:00Z'];

describe('the serve binary: banner and debug log', () => {
  it('prints no --token and logs no query secret', async () => {
    const cli = spawnCli(['serve', '--port', '0', '--now', NOW, '--token', 'secret1', '--log-level', 'debug']);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/curl -H 'Authorization: Bearer \[REDACTED\]'/);
      const query = `${unifiedUrl(october({ limit: '1' }))}&access_token=hunter2&x-api-key=hunter3&refresh%5Ftoken=hunter4`;
      const res = await fetch(`${url}${query}`, { headers: { Authorization: 'Bearer secret1' } });
      expect(res.status).toBe(200);
      await cli.waitFor(/GET \/unified\S+ 200 /);
      expect(cli.output()).toContain('access_token=[REDACTED]');
      expect(cli.output()).not.toMatch(/secret1|hunter[234]/);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });
});

describe('the debug log of startServer', () => {
  // With --validate-responses the unified route is Express's, not the fast lane's, and Express
  // rewrites req.url below a mount point: the line must still name what the client sent.
  it.each([[[]], [['--validate-responses']]])('names the path as sent, secrets redacted (%j)', async (extra) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const server = await startMockServer(['--log-level', 'debug', ...extra]);
    try {
      const path = `${unifiedUrl(october({ limit: '1' }))}&access_token=hunter2`;
      const res = await fetch(`${server.url}${path}`, { headers: AUTH });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await vi.waitFor(() => expect(log).toHaveBeenCalled());
      const line = String(log.mock.calls.at(-1)?.[0]);
      expect(line).toMatch(/^GET \/unified\/conversational-intelligence\/interactions\?\S+ 200 /);
      expect(line).toContain('access_token=[REDACTED]');
      expect(line).not.toContain('hunter2');
    } finally {
      await server.close();
      log.mockRestore();
    }
  });
});

describe('the mock: journal, --validate-responses warning, debug envelope', () => {
  it('journals every secret-looking parameter redacted, whatever its spelling', async () => {
    const app = mockApp();
    const secrets = [
      'refresh_token=hunter1',
      'id_token=hunter2',
      'api-key=hunter3',
      'x-api-key=hunter4',
      'private_token=hunter5',
      'access%5Ftoken=hunter6',
      'access_token[]=hunter7',
      'access_token[0]=hunter8',
      'credentials[token]=hunter9',
      'Client_Secret=hunterA',
    ];
    await request(app)
      .get(`${unifiedUrl(october())}&${secrets.join('&')}`)
      .set(AUTH);
    const [entry] = (await request(app).get('/__admin/requests')).body.requests;
    expect(entry.query).not.toMatch(/hunter/);
    for (const pair of secrets) expect(entry.query).toContain(`${pair.split('=')[0]}=[REDACTED]`);
    // What is not secret stays readable.
    expect(entry.query).toContain(`integrated_account_id=${ACCOUNT}`);
  });

  it('warns about a contract violation without the query secret', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const app = mockApp({ validateResponses: true });
      await request(app)
        .put(`${unifiedUrl(october())}&access_token=hunter2&api_key=hunter3`)
        .set(AUTH);
      expect(warn).toHaveBeenCalledTimes(1);
      const warning = String(warn.mock.calls[0]?.[0]);
      expect(warning).toContain('broke the contract');
      expect(warning).toContain('access_token=[REDACTED]');
      expect(warning).not.toMatch(/hunter/);
    } finally {
      warn.mockRestore();
    }
  });

  it('shows remote_query secrets redacted in the debug envelope, which still replays', async () => {
    const app = mockApp();
    const res = await request(app)
      .get(unifiedUrl(october({ truto_response_format: 'debug', limit: '2', 'remote_query[api_key]': 'hunter2' })))
      .set(AUTH);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('hunter2');
    const { requestUrl, requestOptions, data } = res.body.debug;
    expect(requestOptions.headers.authorization).toBe('[REDACTED]');
    expect(requestOptions.body.api_key).toBe('[REDACTED]');
    const replay = await request(app).post(new URL(requestUrl).pathname).auth('k', 's').send(requestOptions.body);
    expect(replay.status).toBe(200);
    // Gong's requestId is a hash of the request, so only it tells the redacted body from the sent one.
    expect({ ...replay.body, requestId: data.requestId }).toEqual(data);
  });
});

describe('verify reports', () => {
  let target: Server;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    // The mock behind a front that sets cookies and a key header, as a real gateway may.
    const listener = requestListener(createApp({ now: NOW }));
    target = createServer((req, res) => {
      res.setHeader('set-cookie', ['session=hunter6; Path=/; HttpOnly', 'refresh_token=hunter7']);
      res.setHeader('x-api-key', 'hunter8');
      listener(req, res);
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
    dir = await mkdtemp(join(tmpdir(), 'interactions-kit-redaction-'));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      target.close(() => resolve());
      target.closeAllConnections();
    });
    await rm(dir, { recursive: true, force: true });
  });

  it('json: the target Set-Cookie and key headers are redacted, the token absent', async () => {
    const cli = spawnCli([
      'verify',
      '--base-url',
      url,
      '--token',
      'secret1',
      '--account',
      ACCOUNT,
      ...WINDOW,
      '--only',
      'format-unified',
      '--reporter',
      'json',
    ]);
    expect(await cli.exited).toBe(0);
    const output = cli.output();
    expect(output).not.toMatch(/hunter|secret1/);
    const report = JSON.parse(output);
    const headers = report.checks.find((check: { id: string }) => check.id === 'format-unified').requests[0].headers;
    expect(headers['set-cookie']).toBe('[REDACTED]');
    expect(headers['x-api-key']).toBe('[REDACTED]');
    expect(headers['content-type']).toMatch(/application\/json/);
  });

  it('junit: a base URL with credentials is not copied into the report', async () => {
    const file = join(dir, 'report.xml');
    const withCredentials = url.replace('http://', 'http://user:hunter9@');
    const cli = spawnCli([
      'verify',
      '--base-url',
      withCredentials,
      '--token',
      'secret1',
      '--account',
      ACCOUNT,
      ...WINDOW,
      '--only',
      'format-unified',
      '--reporter',
      'junit',
      '--output',
      file,
    ]);
    // fetch refuses a URL with credentials, so the check fails; what matters is what it says.
    expect(await cli.exited).toBe(1);
    const xml = await readFile(file, 'utf8');
    expect(xml).toContain(`value="${url.replace('http://', 'http://[REDACTED]@')}"`);
    expect(`${xml}${cli.output()}`).not.toMatch(/hunter9|secret1/);
  });
});
