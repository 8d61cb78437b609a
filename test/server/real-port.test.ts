import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { get as httpGet } from 'node:http';
import type { RunningServer } from '../../src/cli/start-server.js';
import { ACCOUNT, NOW, startMockServer } from '../helpers/mock.js';
import { spawnCli } from '../helpers/cli.js';
import { expectContract } from '../helpers/contract.js';

const query = `integrated_account_id=${ACCOUNT}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;

describe('the seed’s examples against serve on a real port', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startMockServer();
  });
  afterAll(() => running.close());

  it('the curl example, with only the host changed and the Gong parameters added', async () => {
    // curl -X GET '<base>/unified/...?integrated_account_id=...' -H 'Authorization: Bearer ...' -H 'Content-Type: application/json'
    const res = await fetch(`${running.url}/unified/conversational-intelligence/interactions?${query}`, {
      method: 'GET',
      headers: { Authorization: 'Bearer <your_api_token>', 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const data = (await res.clone().json()) as { result: unknown[] };
    expect(data.result.length).toBeGreaterThan(0);
    await expectContract(res, { method: 'GET' });
  });

  it('the JavaScript fetch example', async () => {
    const integratedAccountId = ACCOUNT;
    const response = await fetch(
      `${running.url}/unified/conversational-intelligence/interactions?integrated_account_id=${integratedAccountId}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`,
      { method: 'GET', headers: { Authorization: 'Bearer <your_api_token>', 'Content-Type': 'application/json' } },
    );
    const data = (await response.clone().json()) as { result: unknown; next_cursor: unknown };
    expect(Array.isArray(data.result)).toBe(true);
    expect(typeof data.next_cursor).toBe('string');
    await expectContract(response, { method: 'GET' });
  });

  it('a repeated page comes back byte for byte, journaled like any other request', async () => {
    const url = `${running.url}/unified/conversational-intelligence/interactions?${query}&truto_response_format=debug&limit=5`;
    await fetch(`${running.url}/__admin/requests`, { method: 'DELETE' });
    const first = await fetch(url, { headers: { Authorization: 'Bearer t' } });
    const second = await fetch(url, { headers: { Authorization: 'Bearer t' } });
    expect(await second.clone().text()).toBe(await first.clone().text());
    await expectContract(second, { method: 'GET' });
    const unauthenticated = await fetch(url);
    expect(unauthenticated.status).toBe(401);
    const journal = (await (await fetch(`${running.url}/__admin/requests`)).json()) as {
      requests: Array<{ status: number; query: string }>;
    };
    expect(journal.requests.map((r) => r.status)).toEqual([200, 200, 401]);
    expect(journal.requests[1]?.query).toContain('truto_response_format=debug');
  });

  it('the server keeps answering after a streaming client goes away mid-way', async () => {
    const controller = new AbortController();
    const res = await fetch(
      `${running.url}/unified/conversational-intelligence/interactions?${query}&truto_response_format=stream&limit=1`,
      {
        headers: { Authorization: 'Bearer t' },
        signal: controller.signal,
      },
    );
    const reader = res.body?.getReader();
    await reader?.read();
    controller.abort();
    // The server keeps answering others.
    const health = await fetch(`${running.url}/__admin/health`);
    expect(health.status).toBe(200);
  });
});

describe('the interactions-kit serve binary', () => {
  it('prints the URL, the accounts and a curl; answers; stops on SIGTERM with exit 0', async () => {
    const cli = spawnCli(['serve', '--port', '0', '--now', NOW]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/curl -H 'Authorization: Bearer any-token'/);
      expect(cli.output()).toContain(ACCOUNT);
      const res = await fetch(`${url}/unified/conversational-intelligence/interactions?${query}`, {
        headers: { Authorization: 'Bearer x' },
      });
      expect(res.status).toBe(200);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/SIGTERM, stopped/);
  });

  it('a busy port is a one-line error and exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const cli = spawnCli(['serve', '--port', String(port)]);
      expect(await cli.exited).toBe(1);
      expect(cli.output().trim()).toBe(
        `interactions-kit serve: port ${port} on 127.0.0.1 is already in use; pick another with --port`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it.each([
    [['--port', 'x'], /--port must be a whole number from 0 to 65535/],
    [['--seed=-4'], /--seed must be a whole number/],
    [['--seed', '-4'], /--seed' argument is ambiguous/],
    [['--now', 'soon'], /--now must be a date-time/],
    [['--log-level', 'loud'], /--log-level must be one of silent, info, debug/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--store', 'mysql://db:3306'], /--store must be memory or redis:\/\/host:port\[\/db\], got "mysql:\/\/db:3306"/],
    [['--store', 'redis://127.0.0.1:6379/99'], /--store .*the db is a number from 0 to 15/],
    [['--instance', 'two words'], /--instance must be a name of 1 to 200 characters without spaces/],
  ])('bad flags %j are a one-line error and exit 2', async (args, message) => {
    const cli = spawnCli(['serve', ...args]);
    expect(await cli.exited).toBe(2);
    expect(cli.output().trim().split('\n')).toHaveLength(1);
    expect(cli.output()).toMatch(message);
  });
});

/** GETs JSON over a connection of its own, so the cluster may hand it to any worker. */
function getOnNewConnection(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent: false, headers: { Authorization: 'Bearer t' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${res.statusCode}: ${text}`)),
      );
    });
    req.on('error', reject);
  });
}

describe('serve --workers 2', () => {
  it('two processes share the port and a cursor from one works on the other', async () => {
    const cli = spawnCli(['serve', '--port', '0', '--workers', '2', '--now', NOW]);
    try {
      const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/\(2 workers\)/);
      const pids = new Set<number>();
      for (let i = 0; i < 12 && pids.size < 2; i++) {
        pids.add(((await getOnNewConnection(`${url}/__admin/health`)) as { pid: number }).pid);
      }
      expect(pids.size).toBe(2);
      // Each page on a fresh connection: consecutive pages land on different workers.
      let cursor: string | null = '';
      const ids: string[] = [];
      while (cursor !== null) {
        const res = await fetch(
          `${url}/unified/conversational-intelligence/interactions?${query}&limit=50&next_cursor=${encodeURIComponent(cursor)}`,
          {
            headers: { Authorization: 'Bearer t', Connection: 'close' },
          },
        );
        expect(res.status).toBe(200);
        const body = (await res.json()) as { result: Array<{ id: string }>; next_cursor: string | null };
        ids.push(...body.result.map((r) => r.id));
        cursor = body.next_cursor;
      }
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(200);
    } finally {
      cli.child.kill('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });
});
