/**
 * The Prism helper's proxy mode, which later suites put in front of the mock: Prism forwards
 * to a loopback upstream and, with `--errors`, turns an answer that breaks the spec into a 500.
 * Also: a port taken before Prism binds it is retried with another.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismServer } from '../helpers/prism.js';

const USERS = '/gong/62f44730-dd91-461e-bd6a-aedd9e0ad79d/v2/users';
const GOOD = { requestId: 'r', records: { totalRecords: 0, currentPageSize: 0, currentPageNumber: 0 }, users: [] };

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}
function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('Prism proxy in front of a loopback upstream', () => {
  const upstream = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url?.includes('bad=1') ? { requestId: 7 } : GOOD));
  });
  // Holds a port so the helper's first attempt collides with it.
  const blocker = createServer();
  let blockedPort: number;
  let prism: PrismServer | undefined;

  beforeAll(async () => {
    const upstreamPort = await listen(upstream);
    blockedPort = await listen(blocker);
    prism = await startPrism({
      mode: 'proxy',
      upstream: `http://127.0.0.1:${upstreamPort}`,
      errors: true,
      port: blockedPort,
    });
  });

  afterAll(async () => {
    await prism?.stop();
    await Promise.all([close(upstream), close(blocker)]);
  });

  it('started on another port when the first was taken', () => {
    expect(prism!.port).not.toBe(blockedPort);
    expect(prism!.url).toBe(`http://127.0.0.1:${prism!.port}`);
  });

  it('forwards a request and passes a conforming answer through', async () => {
    const response = await fetch(`${prism!.url}${USERS}`, { headers: { authorization: 'Basic YTpi' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(GOOD);
  });

  it('turns an answer that breaks the spec into an error (--errors)', async () => {
    const response = await fetch(`${prism!.url}${USERS}?bad=1`, { headers: { authorization: 'Basic YTpi' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('sl-violations')).toContain('requestId');
  });

  it('refuses an upstream off this machine', async () => {
    await expect(startPrism({ mode: 'proxy', upstream: 'https://api.truto.one' })).rejects.toThrow(/loopback/);
  });
});
