/**
 * createHandlers' own options: another origin, each account's own Gong base URL, and a misuse
 * named as createApp names it.
 */
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { AppOptionsError } from '../../src/server/options.js';
import { createHandlers } from '../../src/msw/create-handlers.js';
import { NOW } from '../helpers/mock.js';

const A = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const BASIC = { Authorization: `Basic ${btoa('key:secret')}`, 'Content-Type': 'application/json' };
const FILTER = JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });

async function withServer<T>(handlers: ReturnType<typeof createHandlers>, use: () => Promise<T>): Promise<T> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await use();
  } finally {
    server.close();
  }
}

describe('createHandlers options', () => {
  it('gongBaseUrl: an account’s own Gong host answers as its /gong/{id} base below the origin', async () => {
    const handlers = createHandlers({ now: NOW, gongBaseUrl: (id) => `https://gong-${id.slice(0, 8)}.example/api/` });
    await withServer(handlers, async () => {
      const own = await fetch(`https://gong-62f44730.example/api/v2/stats/interaction`, {
        method: 'POST',
        headers: BASIC,
        body: FILTER,
      });
      const below = await fetch(`https://api.truto.one/gong/${A}/v2/stats/interaction`, {
        method: 'POST',
        headers: BASIC,
        body: FILTER,
      });
      expect(own.status).toBe(200);
      expect(await own.text()).toBe(await below.text());
      const [first] = await handlers.journal.entries();
      expect(first).toMatchObject({ path: `/gong/${A}/v2/stats/interaction`, account: A, status: 200 });
    });
  });

  it('baseUrl: another origin is answered, and the URLs handed out name it', async () => {
    const handlers = createHandlers({ now: NOW, baseUrl: 'http://mock.internal:8080' });
    await withServer(handlers, async () => {
      const res = await fetch('http://mock.internal:8080/__admin/accounts');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(`"gongBaseUrl":"http://mock.internal:8080/gong/${A}"`);
    });
  });

  it('a misuse throws AppOptionsError, as createApp does', () => {
    expect(() => createHandlers({ baseUrl: 'api.truto.one' })).toThrow(AppOptionsError);
    expect(() => createHandlers({ gongBaseUrl: () => 'not a url' })).toThrow(/gongBaseUrl must return a URL/);
    expect(() => createHandlers({ gongBaseUrl: () => 'https://gong.example/?x=1' })).toThrow(AppOptionsError);
    expect(() => createHandlers({ gongBaseUrl: 'https://gong.example' as never })).toThrow(/must be a function/);
  });
});
