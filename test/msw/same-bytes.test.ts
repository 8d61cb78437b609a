/**
 * The MSW handlers answer the bytes the HTTP server answers: the same status, API headers and
 * body bytes for every request of the table (every format, errors, scenarios, fault accounts,
 * Gong and admin) and for every page of a full walk. The handlers answer the real URL,
 * `https://api.truto.one`; the server is the Node door on a real port with that origin as its
 * base URL, so the URLs it hands out name the same origin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/msw/create-handlers.js';
import { createRequestListener } from '../../src/server/create-app.js';
import { NOW } from '../helpers/mock.js';
import { SAME_BYTES_REQUESTS, sendSameBytes, walkSameBytes } from '../helpers/same-bytes-requests.js';

const TRUTO = 'https://api.truto.one';
const OPTIONS = { seed: 42, now: NOW };

/** Lets loopback requests (the HTTP server's) through; anything else unhandled is an error. */
function loopbackOnly(request: Request, print: { error(): void }): void {
  if (new URL(request.url).hostname !== '127.0.0.1') print.error();
}

describe('MSW handlers and the HTTP server answer the same bytes', () => {
  let server: Server;
  let http: string;
  // Fresh mocks for each comparison: the rate-limited and flaky accounts count calls.
  const fresh = () => {
    const handlers = createHandlers(OPTIONS);
    const msw = setupServer(...handlers);
    return { handlers, msw };
  };

  beforeAll(async () => {
    server = createServer(createRequestListener({ ...OPTIONS, baseUrl: TRUTO }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  it('for every request of the table', async () => {
    const { msw } = fresh();
    msw.listen({ onUnhandledRequest: loopbackOnly });
    try {
      for (const request of SAME_BYTES_REQUESTS) {
        const fromServer = await sendSameBytes(http, request);
        const fromHandlers = await sendSameBytes(TRUTO, request);
        expect({ name: request.name, ...fromHandlers }).toEqual({ name: request.name, ...fromServer });
      }
    } finally {
      msw.close();
    }
  });

  it('for every page of a full walk along next_cursor', async () => {
    const { msw } = fresh();
    msw.listen({ onUnhandledRequest: loopbackOnly });
    try {
      const fromServer = await walkSameBytes(http);
      const fromHandlers = await walkSameBytes(TRUTO);
      expect(fromServer.length).toBeGreaterThan(5);
      expect(fromServer.every((page) => page.status === 200)).toBe(true);
      expect(fromHandlers).toEqual(fromServer);
    } finally {
      msw.close();
    }
  });

  it('a request the handlers answered is in their journal, read in-process', async () => {
    const { handlers, msw } = fresh();
    msw.listen({ onUnhandledRequest: loopbackOnly });
    try {
      for (const request of SAME_BYTES_REQUESTS.slice(0, 6)) await sendSameBytes(TRUTO, request);
      const entries = await handlers.journal.entries({ path: '/unified' });
      expect(entries.map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(entries[0]).toMatchObject({ method: 'GET', account: '62f44730-dd91-461e-bd6a-aedd9e0ad79d' });
      expect(await handlers.journal.clear()).toBe(6);
      expect(await handlers.journal.entries()).toEqual([]);
    } finally {
      msw.close();
    }
  });
});
