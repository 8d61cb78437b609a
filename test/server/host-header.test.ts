/**
 * DNS rebinding's precondition: the admin API answers only a Host naming a loopback address or
 * the configured origin, and the URLs the mock hands out name the configured origin, never the
 * request's Host. The admin and unified parts run over every door (the engine, Express, the
 * Node door), each answer the engine's byte for byte; the `serve` part is the process's own.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHostRefusal, hostAllowed } from '../../src/engine/allowed-host.js';
import { AppOptionsError } from '../../src/server/options.js';
import type { RunningServer } from '../../src/cli/start-server.js';
import { describeDoors, type DoorRequest, onlyDoors } from '../helpers/doors.js';
import { expectEveryDoorAsEngine, parsed, withDoor } from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, mockApp, october, startMockServer, unifiedUrl } from '../helpers/mock.js';

// Left to the doors with sockets of their own (the reason is the second argument).
onlyDoors(
  ['engine', 'express', 'node'],
  'a foreign Host: fetch (under the MSW door) cannot send one, and the proxy door sends the target its own',
);

const hosts: { given: string | undefined; want: boolean }[] = [
  { given: '127.0.0.1:4010', want: true },
  { given: '127.8.9.10', want: true },
  { given: 'localhost:1234', want: true },
  { given: 'LOCALHOST', want: true },
  { given: 'app.localhost:80', want: true },
  { given: '[::1]:4010', want: true },
  { given: 'mock.internal:8080', want: true },
  { given: 'Mock.Internal:8080', want: true },
  { given: undefined, want: true },
  { given: 'mock.internal', want: false },
  { given: 'mock.internal:9999', want: false },
  { given: 'evil.example', want: false },
  { given: 'evil.example:4010', want: false },
  { given: '127.0.0.1.evil.example', want: false },
  { given: 'localhost.evil.example', want: false },
  { given: '127.0.0.256', want: false },
  { given: '0.0.0.0:4010', want: false },
  { given: '[::1', want: false },
  { given: 'localhost:http', want: false },
  { given: '', want: false },
  // Edges of the parsing: spaces around, an empty port, a bare IPv6 address, a long port.
  { given: '  localhost:4010  ', want: true },
  { given: 'localhost:', want: true },
  { given: '[::1]', want: true },
  { given: '[::2]:4010', want: false },
  { given: '[::1]x', want: false },
  { given: '::1', want: false },
  { given: 'localhost:123456', want: false },
  { given: 'localhost:80a', want: false },
  { given: 'localhost:x80', want: false },
  { given: ':4010', want: false },
  { given: '.localhost', want: true },
  { given: 'localhostx', want: false },
  { given: 'xlocalhost', want: false },
  // 127.0.0.0/8 only as four decimal parts of at most 255.
  { given: '127.0.0.01', want: true },
  { given: '127.255.255.255', want: true },
  { given: '127.0.0.1000', want: false },
  { given: '127.0.0.1.', want: false },
  { given: '127.1', want: false },
  { given: '127.0.0.a', want: false },
  { given: '127.0.0.-1', want: false },
  { given: '128.0.0.1', want: false },
  { given: 'x127.0.0.1', want: false },
];

describe('hostAllowed', () => {
  it.each(hosts)('$given -> $want', ({ given, want }) => {
    expect(hostAllowed(given, 'mock.internal:8080')).toBe(want);
  });

  it("a Host without a port means the scheme's default port, 80 unless told", () => {
    expect(hostAllowed('mock.internal', 'mock.internal:80')).toBe(true);
    expect(hostAllowed('mock.internal', 'mock.internal:443')).toBe(false);
    expect(hostAllowed('mock.internal', 'mock.internal:443', '443')).toBe(true);
    expect(hostAllowed('mock.internal:80', 'mock.internal:443', '443')).toBe(false);
  });

  it('an unclosed bracket is malformed, even where it would read as the origin', () => {
    expect(hostAllowed('[mock', '[mock:80')).toBe(false);
    expect(hostAllowed('[::1', '[::1:80')).toBe(false);
  });
});

describe('adminHostRefusal', () => {
  it('passes loopback and the origin, https on 443 by default', () => {
    expect(adminHostRefusal('localhost', 'mock.internal:443', 'https://mock.internal')).toBeUndefined();
    expect(adminHostRefusal('mock.internal', 'mock.internal:443', 'https://mock.internal')).toBeUndefined();
    expect(adminHostRefusal('mock.internal', 'mock.internal:80', 'http://mock.internal')).toBeUndefined();
    expect(adminHostRefusal(undefined, 'mock.internal:80', 'http://mock.internal')).toBeUndefined();
  });

  it('refuses anything else, quoting at most 100 characters of the Host', () => {
    const long = `${'a'.repeat(150)}.example`;
    expect(adminHostRefusal('mock.internal', 'mock.internal:80', 'https://mock.internal')).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message:
        'The admin API answers only a Host naming a loopback address or https://mock.internal; got "mock.internal". Start the server with --base-url to name another',
    });
    expect(adminHostRefusal(long, 'mock.internal:80', 'http://mock.internal')?.message).toContain(
      `got "${'a'.repeat(100)}". Start`,
    );
  });
});

const refused = {
  statusCode: 403,
  error: 'Forbidden',
  message: expect.stringMatching(
    /^The admin API answers only a Host naming a loopback address or http:\/\/127\.0\.0\.1:4010; got "evil\.example"/,
  ),
};

const ADMIN_PATHS = ['/health', '/accounts', '/scenarios', '/requests'];
const DEBUG_URL = unifiedUrl(october({ truto_response_format: 'debug', limit: '1' }));

describeDoors('the admin API and the Host header', { now: NOW }, (door, name) => {
  it.each(ADMIN_PATHS)('refuses a foreign Host on %s', async (path) => {
    const res = parsed(await door().send({ path: `/__admin${path}`, headers: { Host: 'evil.example' } }));
    expect(res.status).toBe(403);
    expect(res.body).toEqual(refused);
  });

  it('refuses a foreign Host to DELETE the journal', async () => {
    const res = await door().send({ method: 'DELETE', path: '/__admin/requests', headers: { Host: 'evil.example' } });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host even with adminFromAnywhere', async () => {
    const res = await withDoor(name, { now: NOW, adminFromAnywhere: true }, (open) =>
      open.send({ path: '/__admin/health', headers: { Host: 'evil.example' } }),
    );
    expect(res.status).toBe(403);
  });

  it('answers loopback names and the configured origin', async () => {
    await withDoor(name, { now: NOW, baseUrl: 'http://mock.internal:8080' }, async (configured) => {
      for (const host of ['localhost:4010', '127.0.0.1:9', '[::1]:4010', 'mock.internal:8080']) {
        const res = await configured.send({ path: '/__admin/health', headers: { Host: host } });
        expect(res.status, host).toBe(200);
      }
    });
  });

  it('names the configured origin in gongBaseUrl, not the Host', async () => {
    const res = parsed(
      await withDoor(name, { now: NOW, baseUrl: 'https://mock.example:8443/' }, (configured) =>
        configured.send({ path: '/__admin/accounts', headers: { Host: 'localhost:9' } }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.accounts[0].gongBaseUrl).toBe(`https://mock.example:8443/gong/${res.body.accounts[0].id}`);
  });

  it('refuses a baseUrl that is not an http(s) origin', async () => {
    for (const baseUrl of ['not a url', 'ftp://x', 'http://x/path', 'http://x/?q']) {
      expect(() => mockApp({ baseUrl }), baseUrl).toThrow(AppOptionsError);
      await expect(
        withDoor(name, { baseUrl }, async () => undefined),
        baseUrl,
      ).rejects.toThrow(AppOptionsError);
    }
  });
});

describeDoors('the unified API and the Host header', { now: NOW }, (door) => {
  it('serves any Host but names the configured origin in debug.requestUrl', async () => {
    const res = parsed(await door().send({ path: DEBUG_URL, headers: { ...AUTH, Host: 'evil.example' } }));
    expect(res.status).toBe(200);
    expect(res.body.debug.requestUrl).toBe(`http://127.0.0.1:4010/gong/${ACCOUNT}/v2/stats/interaction`);
    expect(res.text).not.toContain('evil.example');
  });
});

describe('every door answers the Host header as the engine does, byte for byte', () => {
  it('foreign, loopback and configured hosts on the admin and unified APIs', async () => {
    const hosted = (path: string, host: string, extra: Partial<DoorRequest> = {}): DoorRequest => ({
      path,
      headers: { ...AUTH, Host: host },
      ...extra,
    });
    const requests = [
      ...ADMIN_PATHS.map((path) => hosted(`/__admin${path}`, 'evil.example')),
      hosted('/__admin/requests', 'evil.example', { method: 'DELETE' }),
      hosted('/__admin/accounts', 'localhost:9'),
      // The health answer names the process's memory, which moves: the scenarios stand in for it.
      hosted('/__admin/scenarios', 'mock.internal:8080'),
      hosted(DEBUG_URL, 'evil.example'),
    ];
    await expectEveryDoorAsEngine({ now: NOW }, requests);
    await expectEveryDoorAsEngine({ now: NOW, baseUrl: 'http://mock.internal:8080' }, requests);
  });
});

describe('serve and the Host header', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());

  function get(path: string, host: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const { port } = new URL(server.url);
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host, ...AUTH } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('names the address it listens on, whatever the Host', async () => {
    const url = unifiedUrl(october({ truto_response_format: 'debug', limit: '1' }));
    const res = await get(url, 'evil.example');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).debug.requestUrl).toBe(`${server.url}/gong/${ACCOUNT}/v2/stats/interaction`);
  });

  it('refuses a foreign Host on the admin API and answers its own', async () => {
    expect((await get('/__admin/health', 'evil.example')).status).toBe(403);
    expect((await get('/__admin/health', new URL(server.url).host)).status).toBe(200);
  });
});
