/**
 * The wire scenarios under `setupServer(...createHandlers())`: with no socket to break, the
 * handlers fail the fetch the way a broken connection does (see the known differences in
 * test/helpers/doors.ts), and `handlers.faults` keeps fault sequences as the HTTP server does.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/msw/create-handlers.js';
import { ACCOUNT, NOW } from '../helpers/mock.js';

const handlers = createHandlers({ now: NOW });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await handlers.faults.clear();
});
afterAll(() => server.close());

const AUTH = { Authorization: 'Bearer t' };
const url = (scenario?: string) =>
  `https://api.truto.one/unified/conversational-intelligence/interactions?integrated_account_id=${ACCOUNT}` +
  `&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=20` +
  (scenario === undefined ? '' : `&__scenario=${encodeURIComponent(scenario)}`);

async function healthyText(): Promise<string> {
  const response = await fetch(url(), { headers: AUTH });
  expect(response.status).toBe(200);
  return response.text();
}

describe('wire scenarios under MSW', () => {
  it('empty-response: fetch rejects with a TypeError, as for a closed connection', async () => {
    await expect(fetch(url('empty-response'), { headers: AUTH })).rejects.toThrow(TypeError);
    await healthyText();
  });

  it.each(['connection-reset', 'truncated-body'])(
    '%s: the head and part of the body, then reading fails',
    async (name) => {
      const response = await fetch(url(name), { headers: AUTH });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow(TypeError);
      await healthyText();
    },
  );

  it('malformed-body: 200 application/json and a body that is not JSON', async () => {
    const response = await fetch(url('malformed-body'), { headers: AUTH });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('slow-body: the whole body, dribbled in pieces', async () => {
    const whole = await healthyText();
    const response = await fetch(url('slow-body;duration=300'), { headers: AUTH });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const pieces: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) pieces.push(next.value);
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    expect(Buffer.concat(pieces).toString()).toBe(whole);
  });

  it('no-response: nothing until the client gives up, or a network error once the bound passes', async () => {
    await expect(fetch(url('no-response'), { headers: AUTH, signal: AbortSignal.timeout(100) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await expect(fetch(url('no-response;duration=50'), { headers: AUTH })).rejects.toThrow(TypeError);
  });
});

describe('handlers.faults', () => {
  it('2 x rate-limited, then normal; the journal names the scenario', async () => {
    await handlers.faults.add({ scenario: 'rate-limited', times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(url(), { headers: AUTH })).status);
    expect(statuses).toEqual([429, 429, 200]);
    expect((await handlers.faults.list())[0]).toMatchObject({ seen: 3, left: 0 });
    const scenarios = (await handlers.journal.entries({ path: '/unified' })).slice(-3).map((e) => e.scenario);
    expect(scenarios).toEqual(['rate-limited', 'rate-limited', undefined]);
  });
});
