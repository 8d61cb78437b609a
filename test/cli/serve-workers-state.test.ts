/**
 * `serve --workers 2` with the default memory store: the two workers share the primary's
 * store, so they keep one journal, enforce one rate limit, and run one fault sequence, as one
 * process would. Each request goes on a connection of its own, so the cluster spreads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, type Spawned } from '../helpers/cli.js';
import { NOW } from '../helpers/mock.js';
import { accounts, burstAllowed, INTERACTIONS, journalOf, send, WINDOW_QUERY } from '../helpers/shared-state.js';

/** Starts `serve --workers 2` with `flags` for the describe block it is called in. */
function serveWorkers(flags: string[]): { base: () => string } {
  let cli: Spawned;
  let base = '';
  beforeAll(async () => {
    cli = spawnCli(['serve', '--port', '0', '--workers', '2', '--now', NOW, ...flags]);
    [, base] = (await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)) as unknown as [string, string];
    await cli.waitFor(/\(2 workers\)/);
  });
  afterAll(async () => {
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  });
  return { base: () => base };
}

describe('serve --workers 2 shares one state', () => {
  const server = serveWorkers([]);

  it('keeps one journal: every request, whichever worker answered, named by its instance', async () => {
    const base = server.base();
    await send(`${base}/__admin/requests`, { method: 'DELETE' });
    const [account] = await accounts(base);
    const url = `${base}${INTERACTIONS}?integrated_account_id=${account?.id}&${WINDOW_QUERY}&limit=5`;
    const replies = await Promise.all(Array.from({ length: 20 }, () => send(url)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    const entries = await journalOf(base, 20);
    expect(entries).toHaveLength(20);
    expect(entries.map((entry) => entry.id)).toEqual([...new Set(entries.map((entry) => entry.id))]);
    expect(new Set(entries.map((entry) => entry.instance)).size).toBe(2);
    for (const entry of entries) expect(entry.instance).toMatch(/^.+:\d+$/);
  });

  it("enforces the rate-limited account's one call a second across the workers", async () => {
    const base = server.base();
    const limited = (await accounts(base)).find((account) => account.behavior === 'rate-limited');
    const result = await burstAllowed(base, `/gong/${limited?.id}/v2/users`, 10, 1000);
    expect(result).toEqual({ allowed: 1, limited: 9, other: [] });
  });

  it('runs one fault sequence: times 3 faults exactly 3 requests across the workers', async () => {
    const base = server.base();
    const [account] = await accounts(base);
    await send(`${base}/__admin/faults`, { method: 'DELETE' });
    const added = await send(`${base}/__admin/faults`, {
      method: 'POST',
      body: { scenario: 'remote-error', times: 3, path: INTERACTIONS },
    });
    expect(added.status).toBe(201);
    const url = `${base}${INTERACTIONS}?integrated_account_id=${account?.id}&${WINDOW_QUERY}&limit=5`;
    const replies = await Promise.all(Array.from({ length: 16 }, () => send(url)));
    expect(replies.filter((reply) => reply.status !== 200)).toHaveLength(3);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(13);
  });
});

describe('serve --workers 2 --rate-limit gong', () => {
  const server = serveWorkers(['--rate-limit', 'gong']);

  it('enforces one budget (3 calls a second per account) across the workers', async () => {
    const base = server.base();
    const [account] = await accounts(base);
    const result = await burstAllowed(base, `/gong/${account?.id}/v2/users`, 12, 1000);
    expect(result).toEqual({ allowed: 3, limited: 9, other: [] });
  });
});
