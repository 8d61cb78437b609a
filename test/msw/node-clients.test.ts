/**
 * Client code with the real URL baked in runs unchanged under `setupServer(...createHandlers())`:
 * the seed's fetch snippet, a client built with openapi-fetch on the generated types, and a
 * client that pages and retries 429 the way the official TypeScript SDK does.
 */
import createClient from 'openapi-fetch';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadContract, describeViolations } from '../../src/contract/index.js';
import type { paths } from '../../src/generated/openapi.js';
import { createHandlers } from '../../src/msw/create-handlers.js';
import { NOW } from '../helpers/mock.js';

const contract = loadContract();
const handlers = createHandlers({ now: NOW });
const server = setupServer(...handlers);
const WINDOW = { start_time: '2026-10-01T00:00:00Z', end_time: '2026-11-01T00:00:00Z' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  vi.restoreAllMocks();
  await handlers.journal.clear();
});
afterAll(() => server.close());

/** Fails with every violation when a page breaks the contract. */
async function expectPage(body: unknown, url: string): Promise<void> {
  const diagnostics = contract.validateResponse({
    method: 'GET',
    path: url.slice('https://api.truto.one'.length),
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (diagnostics.length > 0) throw new Error(describeViolations(diagnostics));
}

describe('the seed’s fetch snippet, verbatim but for the window', () => {
  it('gets a valid page of the default account', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const { start_time, end_time } = WINDOW;
    // The seed's snippet, as printed there: the id is the seed's example account, the window added.
    // prettier-ignore
    {
      const integratedAccountId = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

      const response = await fetch(`https://api.truto.one/unified/conversational-intelligence/interactions?integrated_account_id=${integratedAccountId}&start_time=${start_time}&end_time=${end_time}`, {
        method: 'GET',
        headers: {
          'Authorization': 'Bearer <your_api_token>',
          'Content-Type': 'application/json',
        },
      });

      const data = await response.json();
      console.log(data);
      // End of the snippet.
      expect(response.status).toBe(200);
      expect(log).toHaveBeenCalledWith(data);
      const page = data as { result: unknown[]; next_cursor: unknown };
      expect(page.result).toHaveLength(100);
      expect(page.next_cursor).toEqual(expect.any(String));
      await expectPage(data, response.url);
    }
    const [entry] = await handlers.journal.entries();
    expect(entry).toMatchObject({ method: 'GET', status: 200, account: '62f44730-dd91-461e-bd6a-aedd9e0ad79d' });
  });
});

describe('an openapi-fetch client on the generated types', () => {
  it('walks every page of the default account, each record once', async () => {
    const client = createClient<paths>({ baseUrl: 'https://api.truto.one' });
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { data, error, response } = await client.GET('/unified/conversational-intelligence/interactions', {
        params: {
          query: {
            integrated_account_id: '62f44730-dd91-461e-bd6a-aedd9e0ad79d',
            ...WINDOW,
            limit: 40,
            ...(cursor === undefined ? {} : { next_cursor: cursor }),
          },
        },
        headers: { Authorization: 'Bearer any-token' },
      });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      // The 200 body is typed for every format; this query asks for the unified one.
      if (typeof data !== 'object' || !('result' in data) || !Array.isArray(data.result))
        throw new Error('not a list page');
      await expectPage(data, response.url);
      for (const record of data.result as { id: string }[]) ids.push(record.id);
      cursor = data.next_cursor ?? undefined;
      pages++;
    } while (cursor !== undefined && pages < 50);
    expect(cursor).toBeUndefined();
    expect(pages).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
    // Every record of the window: the stream format lists them all in one answer.
    const stream = await fetch(
      `https://api.truto.one/unified/conversational-intelligence/interactions?${new URLSearchParams({
        integrated_account_id: '62f44730-dd91-461e-bd6a-aedd9e0ad79d',
        ...WINDOW,
        truto_response_format: 'stream',
      })}`,
      { headers: { Authorization: 'Bearer any-token' } },
    );
    const lines = (await stream.text()).split('\n').filter((line) => line !== '');
    expect(ids).toEqual(lines.map((line) => (JSON.parse(line) as { id: string }).id));
  });
});

/** Statuses the official TypeScript SDK retries. */
const RETRIED = new Set([408, 409, 425, 429, 502, 503, 504]);

/**
 * Lists every record as the official TypeScript SDK does: pages while `next_cursor` is truthy,
 * and on a retried status sleeps `Retry-After` seconds (10 when absent) and asks again.
 */
async function* sdkList(query: Record<string, string>, retries = 20): AsyncGenerator<{ id: string }> {
  let cursor = '';
  do {
    let response: Response;
    for (let attempt = 0; ; attempt++) {
      const params = new URLSearchParams({ ...query, next_cursor: cursor });
      response = await fetch(`https://api.truto.one/unified/conversational-intelligence/interactions?${params}`, {
        headers: { Authorization: 'Bearer any-token' },
      });
      if (!RETRIED.has(response.status) || attempt >= retries) break;
      const seconds = Number(response.headers.get('retry-after') ?? '10');
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { result: { id: string }[]; next_cursor: string | null };
    yield* page.result;
    cursor = page.next_cursor ?? '';
  } while (cursor);
}

describe('a client that pages and retries 429 like the official SDK', () => {
  it('completes against the rate-limited account', async () => {
    const account = '429a0000-0000-4000-8000-000000000429';
    const ids: string[] = [];
    for await (const record of sdkList({ integrated_account_id: account, ...WINDOW, limit: '50' })) ids.push(record.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
    const statuses = (await handlers.journal.entries({ account })).map((entry) => entry.status);
    // The account allows one Gong call a second, so the walk met 429s and got through them.
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 200)).toHaveLength(Math.ceil(ids.length / 50));
  });
});

describe('latency', () => {
  it('is waited with MSW’s delay before the answer', async () => {
    const slow = createHandlers({ now: NOW, latency: '60000', baseUrl: 'https://slow.test' });
    server.use(...slow);
    const controller = new AbortController();
    const answered = fetch(
      `https://slow.test/unified/conversational-intelligence/interactions?integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d`,
      { signal: controller.signal },
    ).then(
      () => 'answered',
      () => 'aborted',
    );
    const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300));
    expect(await Promise.race([answered, waited])).toBe('still waiting');
    controller.abort();
    expect(await answered).toBe('aborted');
    server.resetHandlers();
  });
});
