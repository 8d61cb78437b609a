/**
 * The Express app is the Node door inside Express: served on a real port, it breaks connections
 * exactly as `serve` does, middleware and all.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, requestListener } from '../../src/server/create-app.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { fetchSees, httpSees } from '../helpers/wire-clients.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(requestListener(createApp({ now: NOW })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

const url = (scenario: string) => `${base}${unifiedUrl(october({ limit: '10', __scenario: scenario }))}`;

describe('wire scenarios through createApp', () => {
  it('connection-reset, empty-response, truncated-body and no-response fail as on serve', async () => {
    expect((await fetchSees(url('connection-reset'), AUTH)).error).toEqual({
      name: 'TypeError',
      code: 'ECONNRESET',
      message: 'terminated',
    });
    expect((await httpSees(url('empty-response'), AUTH)).error).toMatchObject({ message: 'socket hang up' });
    expect((await httpSees(url('truncated-body'), AUTH)).error).toEqual({
      name: 'Error',
      code: 'ECONNRESET',
      message: 'aborted',
    });
    expect((await fetchSees(url('no-response'), AUTH, 100)).error).toMatchObject({ name: 'TimeoutError' });
    expect((await fetchSees(url('malformed-body'), AUTH)).text.startsWith('<html>')).toBe(true);
  });
});
