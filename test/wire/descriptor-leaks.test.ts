/**
 * No wire scenario leaks a file descriptor: the process holds as many after 200 faulted
 * requests (every scenario, clients that wait and clients that give up) as before them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { connections, httpSees, listen, openDescriptors, rawSees } from '../helpers/wire-clients.js';

let mock: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  mock = await listen({ now: NOW });
});
afterAll(() => mock.close());

/** One faulted request of kind `i` (of the table below), answered or given up on. */
const KINDS: Array<(i: number) => Promise<unknown>> = [
  (i) =>
    httpSees(
      `${mock.base}${unifiedUrl(october({ limit: String(1 + (i % 5)), __scenario: 'connection-reset' }))}`,
      AUTH,
    ),
  () => httpSees(`${mock.base}${unifiedUrl(october({ __scenario: 'empty-response' }))}`, AUTH),
  () =>
    httpSees(
      `${mock.base}${unifiedUrl(october({ __scenario: 'truncated-body', truto_response_format: 'stream' }))}`,
      AUTH,
    ),
  () => httpSees(`${mock.base}${unifiedUrl(october({ __scenario: 'malformed-body' }))}`, AUTH),
  () => httpSees(`${mock.base}${unifiedUrl(october({ __scenario: 'slow-body;duration=20' }))}`, AUTH),
  // The client gives up on a connection the server would hold a minute.
  () => httpSees(`${mock.base}${unifiedUrl(october({ __scenario: 'no-response' }))}`, AUTH, 30),
  () => httpSees(`${mock.base}${unifiedUrl(october({ __scenario: 'no-response;duration=10' }))}`, AUTH),
  () =>
    rawSees(
      mock.port,
      `GET ${unifiedUrl(october({ __scenario: 'connection-reset' }))} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n\r\n`,
    ),
];

/**
 * Whether a client saw a fault: an error, a body that is not JSON, a body that came slowly, or
 * (on a raw socket) a cut-off answer: under this load the RST may reach the socket before its
 * last read, which libuv reports as an end; what matters here is that nothing is left open.
 */
function isFaulted(seen: unknown): boolean {
  const { error, text, ending, received } = seen as {
    error?: unknown;
    text?: string;
    ending?: string;
    received?: Buffer;
  };
  if (error !== undefined || ending === 'ECONNRESET') return true;
  if (ending === 'end' && received !== undefined) return received.toString().startsWith('HTTP/1.1 200');
  return text !== undefined && (text.startsWith('<html>') || text.startsWith('{"result"'));
}

async function settle(before: number): Promise<number> {
  let count = openDescriptors() as number;
  for (let i = 0; i < 100 && (count > before || (await connections(mock.server)) > 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    count = openDescriptors() as number;
  }
  return count;
}

describe('file descriptors', () => {
  it.skipIf(openDescriptors() === undefined)('are as many after 200 faulted requests as before', async () => {
    // Once of each first: what a first use opens for good (the resolver, a pool) is not a leak.
    await Promise.all(KINDS.map((kind, i) => kind(i)));
    const before = await settle(openDescriptors() as number);
    let faulted = 0;
    for (let batch = 0; batch < 10; batch++) {
      const seen = await Promise.all(Array.from({ length: 20 }, (_, i) => KINDS[(batch * 20 + i) % KINDS.length]!(i)));
      faulted += seen.filter(isFaulted).length;
    }
    // Every request met its fault (a slow body is whole, only late).
    expect(faulted).toBe(200);
    const after = await settle(before);
    expect(after).toBeLessThanOrEqual(before);
    expect(await connections(mock.server)).toBe(0);
  });
});
