/**
 * The page cache through a real server, so every request carries the same Host (supertest
 * starts a server on a new port per request, and the Host header changes with it). Each
 * guard test fails when its guard is removed: the cache would then answer what it must not.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, requestListener } from '../../src/server/create-app.js';
import type { AppOptions } from '../../src/server/options.js';
import { NOW, october, unifiedUrl } from '../helpers/mock.js';

const FLAKY_ACCOUNT = 'f1a00000-0000-4000-8000-00000000f1a0';

interface Answer {
  status: number;
  text: string;
}

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** The mock on a loopback port the OS picks; `get` asks it with the given headers. */
async function serve(options: AppOptions = {}) {
  server = createServer(requestListener(createApp({ now: NOW, ...options })));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { authorization: 'Bearer t', ...headers } });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end();
    });
  const pagesKept = async () => {
    const health = JSON.parse((await get('/__admin/health')).text) as { caches: { pages: { entries: number } } };
    return health.caches.pages.entries;
  };
  return { get, pagesKept };
}

/** `times` requests one after another; their statuses. */
async function statuses(get: (path: string) => Promise<Answer>, path: string, times: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await get(path)).status);
  return seen;
}

describe('the page cache, hit for real', () => {
  const page = unifiedUrl(october({ limit: '3' }));

  it('keeps a repeated page once, whatever Host header the requests carry', async () => {
    const { get, pagesKept } = await serve();
    const first = await get(page, { host: 'a.example' });
    for (const host of ['b.example', 'c.example', 'd.example']) {
      expect((await get(page, { host })).text).toBe(first.text);
    }
    // Keyed by the query, not the Host: one entry (keyed by Host, none would have been kept).
    expect(await pagesKept()).toBe(1);
  });

  it('is not consulted for a request asking for a scenario in a Prefer header', async () => {
    const { get, pagesKept } = await serve();
    await get(page);
    await get(page);
    expect(await pagesKept()).toBe(1);
    const empty = await get(page, { prefer: 'scenario=empty' });
    expect(JSON.parse(empty.text)).toEqual({ result: [], next_cursor: null });
    expect((await get(page, { prefer: 'scenario=remote-error' })).status).toBe(502);
  });

  it('is not used when a server-wide rate limit makes answers vary (Gong allows 3 calls a second)', async () => {
    // A clock that never moves: the fourth call is in the same second as the first three.
    const { get, pagesKept } = await serve({ rateLimit: 'gong', clock: () => 0 });
    expect(await statuses(get, page, 5)).toEqual([200, 200, 200, 429, 429]);
    expect(await pagesKept()).toBe(0);
  });

  it('is not used when a server-wide fault rate makes answers vary', async () => {
    const { get, pagesKept } = await serve({ faultRate: 0.5 });
    const seen = await statuses(get, page, 30);
    // Once two 200s had come, a cache would have answered every later request with a 200.
    const afterTwoSuccesses = seen.slice(seen.indexOf(200, seen.indexOf(200) + 1) + 1);
    expect(afterTwoSuccesses).toContain(502);
    expect(await pagesKept()).toBe(0);
  });

  it('does not keep the 200s of an account whose answers vary (a flaky one)', async () => {
    const { get, pagesKept } = await serve();
    const flaky = unifiedUrl(october({ integrated_account_id: FLAKY_ACCOUNT, limit: '3' }));
    const seen = await statuses(get, flaky, 40);
    const afterTwoSuccesses = seen.slice(seen.indexOf(200, seen.indexOf(200) + 1) + 1);
    expect(afterTwoSuccesses).toContain(502);
    expect(await pagesKept()).toBe(0);
  });
});
