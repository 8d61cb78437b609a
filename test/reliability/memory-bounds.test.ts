/**
 * Memory is bounded by configuration: hammered with distinct hostile keys, each bounded store
 * (the page cache, the stats-window cache, the journal) stays within the bytes and entries it
 * was given. Judged by the stores' own accounts (`GET /__admin/health` → `caches`), not by RSS,
 * which says more about when the collector last ran; `npm run memory` measures RSS.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, requestListener } from '../../src/server/create-app.js';
import { NOW, unifiedUrl } from '../helpers/mock.js';

const EMPTY_ACCOUNT = 'e0e00000-0000-4000-8000-000000000000';
const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const KIB = 1024;
const BOUNDS = { pageCacheBytes: 256 * KIB, windowCacheBytes: 128 * KIB, journalBytes: 256 * KIB, journalSize: 1000 };

interface CacheUse {
  entries: number;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(requestListener(createApp({ now: NOW, ...BOUNDS })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function caches(): Promise<Record<'pages' | 'windows' | 'journal', CacheUse>> {
  return ((await (await fetch(`${base}/__admin/health`)).json()) as { caches: never }).caches;
}

/** Within its bounds, and filled to at least half of them (so the hammering reached them). */
function expectFullButBounded(use: CacheUse): void {
  expect(use.bytes).toBeLessThanOrEqual(use.maxBytes);
  expect(use.entries).toBeLessThanOrEqual(use.maxEntries);
  expect(use.bytes).toBeGreaterThan(use.maxBytes / 2);
}

describe('memory bounded by configuration, under distinct hostile keys', () => {
  it('refuses a bound that is not a whole number of bytes, naming it', () => {
    expect(() => createApp({ pageCacheBytes: -1 })).toThrow(/pageCacheBytes must be a whole number of bytes, got -1/);
    expect(() => createApp({ journalBytes: 1.5 })).toThrow(/journalBytes must be a whole number of bytes/);
    expect(() => createApp({ windowCacheBytes: Number.NaN })).toThrow(/windowCacheBytes must be/);
  });

  it('reports the configured bounds', async () => {
    const { pages, windows, journal } = await caches();
    expect([pages.maxBytes, windows.maxBytes, journal.maxBytes, journal.maxEntries]).toEqual([
      BOUNDS.pageCacheBytes,
      BOUNDS.windowCacheBytes,
      BOUNDS.journalBytes,
      BOUNDS.journalSize,
    ]);
  });

  it('the page cache: empty pages under distinct long queries, each asked twice so it is kept', async () => {
    const padding = 'x'.repeat(4000);
    for (let i = 0; i < 150; i++) {
      const url = unifiedUrl({
        integrated_account_id: EMPTY_ACCOUNT,
        start_time: '2026-10-01T00:00:00Z',
        end_time: '2026-11-01T00:00:00Z',
        [`remote_query[p${i}]`]: padding,
      });
      for (let twice = 0; twice < 2; twice++) {
        const res = await fetch(`${base}${url}`, { headers: { authorization: 'Bearer t' } });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
    }
    const { pages } = await caches();
    expectFullButBounded(pages);
    // An entry weighs its 4 KB key as well as its 33-byte page: far fewer than 150 fit.
    expect(pages.entries).toBeLessThan(70);
  });

  it('the window cache: empty windows of distinct long userIds filters, each asked twice', async () => {
    for (let i = 0; i < 60; i++) {
      const userIds = Array.from({ length: 100 }, (_, j) => String(1e15 + i * 1000 + j));
      const body = JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01', userIds } });
      for (let twice = 0; twice < 2; twice++) {
        const res = await fetch(`${base}/gong/${ACME}/v2/stats/interaction`, {
          method: 'POST',
          headers: { authorization: 'Basic a2V5OnNlY3JldA==', 'content-type': 'application/json' },
          body,
        });
        expect(res.status).toBe(404); // no such users: Gong's "no stats", and an empty window
        await res.arrayBuffer();
      }
    }
    const { windows } = await caches();
    expectFullButBounded(windows);
    expect(windows.entries).toBeLessThan(60);
  });

  it('the journal: every request above, long URLs included', async () => {
    const { journal } = await caches();
    expectFullButBounded(journal);
    expect(journal.entries).toBeLessThan(420); // 420 requests were made
  });
});
