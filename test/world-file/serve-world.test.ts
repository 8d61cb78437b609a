/**
 * `serve --world`, as a user runs it: the real binary on a port the OS picks. The default world
 * written out by `world init` serves byte for byte what the embedded default serves; a bad file
 * stops `serve` before it listens; `--watch` serves each good save and keeps the last good world
 * through a broken one, and cursors of an earlier world get a 400 that says the world changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, spawnCli, type Spawned } from '../helpers/cli.js';
import { expectContract } from '../helpers/contract.js';

const dir = mkdtempSync(join(tmpdir(), 'ik-serve-world-'));
const NOW = '2026-11-24T00:00:00Z';
const AUTH = { authorization: 'Bearer test' };
const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const UNIFIED = '/unified/conversational-intelligence/interactions';

async function start(args: string[]): Promise<{ cli: Spawned; url: string }> {
  const cli = spawnCli(['serve', '--port', '0', '--now', NOW, ...args]);
  const [, url] = (await cli.waitFor(/listening on (http:\/\/\S+)/)) as RegExpMatchArray;
  return { cli, url: url as string };
}

async function stop(cli: Spawned): Promise<void> {
  cli.child.kill('SIGTERM');
  await cli.exited;
}

interface Seen {
  status: number;
  type: string | null;
  body: string;
}

async function get(url: string, path: string, init: RequestInit = {}): Promise<Seen> {
  const response = await fetch(`${url}${path}`, { ...init, headers: { ...AUTH, ...(init.headers ?? {}) } });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

describe('world init, then serve --world of its output', () => {
  let embedded: { cli: Spawned; url: string };
  let fromFile: { cli: Spawned; url: string };

  beforeAll(async () => {
    execFileSync(process.execPath, [BIN, 'world', 'init', '--out', join(dir, 'default.yaml')]);
    [embedded, fromFile] = await Promise.all([start([]), start(['--world', join(dir, 'default.yaml')])]);
  });
  afterAll(async () => {
    await Promise.all([stop(embedded.cli), stop(fromFile.cli)]);
  });

  const window = `integrated_account_id=${ACME}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;
  const stats = JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });
  it.each<[string, string, RequestInit?]>([
    ['a unified page', `${UNIFIED}?${window}&limit=7`],
    ['every format', `${UNIFIED}?${window}&limit=3&truto_response_format=raw`],
    ['the debug envelope', `${UNIFIED}?${window}&limit=2&truto_response_format=debug`],
    ['a stream', `${UNIFIED}?${window}&truto_response_format=stream`],
    ['an error', `${UNIFIED}?${window}&limit=0`],
    [
      'a fault account',
      `${UNIFIED}?integrated_account_id=401a0000-0000-4000-8000-000000000401&start_time=2026-10-01&end_time=2026-11-01`,
    ],
    ["Gong's users", `/gong/${ACME}/v2/users`],
    [
      "Gong's stats",
      `/gong/${ACME}/v2/stats/interaction`,
      { method: 'POST', body: stats, headers: { 'content-type': 'application/json' } },
    ],
    ['the accounts', '/__admin/accounts'],
    ['the world', '/__admin/world'],
  ])('%s: the same status, type and bytes', async (_name, path, init) => {
    const fromEmbedded = await get(embedded.url, path, init);
    const fromWorldFile = await get(fromFile.url, path, init);
    // The two servers listen on different ports: URLs they hand out name their own origin.
    const portless = (seen: Seen, url: string) => ({ ...seen, body: seen.body.split(url).join('ORIGIN') });
    expect(portless(fromWorldFile, fromFile.url)).toEqual(portless(fromEmbedded, embedded.url));
    expect(fromEmbedded.body.length).toBeGreaterThan(0);
  });

  it('GET /__admin/world honours the contract and names the default world', async () => {
    const response = await fetch(`${fromFile.url}/__admin/world`);
    await expectContract(response);
    const body = (await response.json()) as { seed: number; now: string | null; document: { accounts: unknown[] } };
    expect(body.seed).toBe(42);
    expect(body.now).toBe('2026-11-24T00:00:00.000Z'); // serve --now, in effect
    expect(body.document.accounts).toHaveLength(10);
  });

  it('walks every page of a month alike, cursor by cursor', async () => {
    let pathA = `${UNIFIED}?${window}&limit=50`;
    let pages = 0;
    for (;;) {
      const [a, b] = [await get(embedded.url, pathA), await get(fromFile.url, pathA)];
      expect(b).toEqual(a);
      pages++;
      const next = (JSON.parse(a.body) as { next_cursor: string | null }).next_cursor;
      if (next === null) break;
      pathA = `${UNIFIED}?${window}&limit=50&next_cursor=${encodeURIComponent(next)}`;
    }
    expect(pages).toBeGreaterThan(3);
  });
});

describe('serve --world with a bad file', () => {
  it('prints every problem with its place and exits 1 before listening', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'accounts:\n  - id: nope\n    timezone: UTC\n');
    const cli = spawnCli(['serve', '--port', '0', '--world', file]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain(`${file}:2:9: accounts[0].id: must be a UUID`);
    expect(cli.output()).toContain(`${file}:3:5: accounts[0].timezone: unknown key (did you mean timeZone?)`);
    expect(cli.output()).toContain('the world file has 2 problems; not serving');
    expect(cli.output()).not.toContain('listening');
  });
});

describe('serve --world --watch', () => {
  const file = join(dir, 'watched.yaml');
  const ACCOUNT = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
  const worldText = (name: string, seed = 7) =>
    `seed: ${seed}\naccounts:\n  - id: ${ACCOUNT}\n    name: ${name}\n    timeZone: Europe/Berlin\n    generatedUsers: 150\n`;
  let served: { cli: Spawned; url: string };

  beforeAll(async () => {
    writeFileSync(file, worldText('First Co'));
    served = await start(['--world', file, '--watch']);
  });
  afterAll(async () => stop(served.cli));

  async function fingerprint(): Promise<string> {
    return (JSON.parse((await get(served.url, '/__admin/world')).body) as { fingerprint: string }).fingerprint;
  }

  it('serves a good save from the next request on; earlier cursors get a 400 that says the world changed', async () => {
    const page = `${UNIFIED}?integrated_account_id=${ACCOUNT}&start_time=2026-10-01&end_time=2026-11-01&limit=2`;
    const first = JSON.parse((await get(served.url, page)).body) as { next_cursor: string };
    const before = await fingerprint();
    writeFileSync(file, worldText('Second Co'));
    await served.cli.waitFor(/watched\.yaml changed; serving the new world/);
    expect(await fingerprint()).not.toBe(before);
    const accounts = JSON.parse((await get(served.url, '/__admin/accounts')).body) as { accounts: { name: string }[] };
    expect(accounts.accounts[0]?.name).toBe('Second Co');
    const stale = await get(served.url, `${page}&next_cursor=${encodeURIComponent(first.next_cursor)}`);
    expect(stale.status).toBe(400);
    expect(stale.body).toContain('the world changed since this cursor was issued');
  });

  it('says so when a save leaves the world the same, and cursors keep working', async () => {
    const page = `${UNIFIED}?integrated_account_id=${ACCOUNT}&start_time=2026-10-01&end_time=2026-11-01&limit=2`;
    const first = JSON.parse((await get(served.url, page)).body) as { next_cursor: string };
    writeFileSync(file, `# a comment only\n${worldText('Second Co')}`);
    await served.cli.waitFor(/watched\.yaml saved; the world is the same/);
    expect((await get(served.url, `${page}&next_cursor=${encodeURIComponent(first.next_cursor)}`)).status).toBe(200);
  });

  it("a new seed (so a new cursor secret) still tells both APIs' earlier cursors that the world changed", async () => {
    const page = `${UNIFIED}?integrated_account_id=${ACCOUNT}&start_time=2026-10-01&end_time=2026-11-01&limit=2`;
    const unified = JSON.parse((await get(served.url, page)).body) as { next_cursor: string };
    const users = JSON.parse((await get(served.url, `/gong/${ACCOUNT}/v2/users`)).body) as {
      records: { cursor: string };
    };
    writeFileSync(file, worldText('Second Co', 8));
    await served.cli.waitFor(
      /watched\.yaml changed; serving the new world[\s\S]*watched\.yaml changed; serving the new world/,
    );
    const staleUnified = await get(served.url, `${page}&next_cursor=${encodeURIComponent(unified.next_cursor)}`);
    expect(staleUnified.status).toBe(400);
    expect(staleUnified.body).toContain('the world changed since this cursor was issued');
    const staleGong = await get(
      served.url,
      `/gong/${ACCOUNT}/v2/users?cursor=${encodeURIComponent(users.records.cursor)}`,
    );
    expect(staleGong.status).toBe(400);
    expect(staleGong.body).toContain('the world changed since this cursor was issued');
  });

  it('keeps the last good world through a broken save, and says why', async () => {
    const before = await fingerprint();
    writeFileSync(file, `${worldText('Third Co')}    colour: red\n`);
    await served.cli.waitFor(/still serving the last good world[\s\S]*accounts\[0\]\.colour: unknown key/);
    expect(await fingerprint()).toBe(before);
    const accounts = JSON.parse((await get(served.url, '/__admin/accounts')).body) as { accounts: { name: string }[] };
    expect(accounts.accounts[0]?.name).toBe('Second Co');
  });

  it("compiles a save's mapping before serving it: a broken expression keeps the last good world, with its place", async () => {
    const before = await fingerprint();
    const mapped = (expression: string) =>
      `${worldText('Fourth Co')}    mapping:\n      response_mapping: "${expression}"\n`;
    writeFileSync(file, mapped('$merge([response)'));
    await served.cli.waitFor(
      /still serving the last good world\s+\S*watched\.yaml:8:25: accounts\[0\]\.mapping\.response_mapping \(account [^)]+\): the account layer's response_mapping, line 1, column/,
    );
    expect(await fingerprint()).toBe(before);
    const page = `${UNIFIED}?integrated_account_id=${ACCOUNT}&start_time=2026-10-01&end_time=2026-11-01&limit=1`;
    expect((await get(served.url, page)).status).toBe(200);
    // A good expression in the next save is served.
    writeFileSync(file, mapped("$merge([{'id': 'mapped-' & response.userId}])"));
    await served.cli.waitFor(/still serving the last good world[\s\S]*watched\.yaml changed; serving the new world/);
    const records = JSON.parse((await get(served.url, page)).body) as { result: Array<{ id: string }> };
    expect(records.result[0]?.id).toMatch(/^mapped-/);
  });
});
