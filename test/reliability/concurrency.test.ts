import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/start-server.js';
import { october, startMockServer } from '../helpers/mock.js';

/** Walks every page over HTTP with fetch, as a client would; returns the ids in order. */
async function walk(
  base: string,
  params: Record<string, string>,
  onRetry?: (seconds: number) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = '';
  let pages = 0;
  while (cursor !== null) {
    const query = new URLSearchParams({ ...params, next_cursor: cursor });
    const res = await fetch(`${base}/unified/conversational-intelligence/interactions?${query}`, {
      headers: { Authorization: 'Bearer t' },
    });
    if (res.status === 429 && onRetry !== undefined) {
      // As the official SDK does: sleep Retry-After seconds (10 when absent), then ask again.
      await onRetry(Number(res.headers.get('retry-after') ?? '10'));
      continue;
    }
    if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { result: Array<{ id: string }>; next_cursor: string | null };
    ids.push(...body.result.map((record) => record.id));
    cursor = body.next_cursor;
    if (++pages > 1000) throw new Error('the walk did not end');
  }
  return ids;
}

describe('concurrency and retries over a real port', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startMockServer();
  });
  afterAll(() => running.close());

  it('50 pagination walks at once each get exactly the full set', async () => {
    const params = october({ limit: '40' });
    const expected = await walk(running.url, params);
    expect(expected.length).toBeGreaterThan(200);
    const walks = await Promise.all(Array.from({ length: 50 }, () => walk(running.url, params)));
    for (const ids of walks) expect(ids).toEqual(expected);
  });

  it('a client that sleeps Retry-After on 429 completes its walk against the rate-limited account', async () => {
    const sleeps: number[] = [];
    const ids = await walk(
      running.url,
      october({ integrated_account_id: '429a0000-0000-4000-8000-000000000429' }),
      async (seconds) => {
        sleeps.push(seconds);
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      },
    );
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.every((s) => s === 1)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(100);
  });
});
