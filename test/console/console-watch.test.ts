/**
 * The console's live journal across `serve --watch` reloads: a save builds a new engine for
 * the new world, and the journal (its entries, ids and the console's open event stream) carries
 * over to it, so a console opened before the save hears the requests made after it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, type Spawned } from '../helpers/cli.js';

const NOW = '2026-11-24T00:00:00Z';
const AUTH = { authorization: 'Bearer test' };
const ACCOUNT = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
const worldText = (name: string) =>
  `seed: 7\naccounts:\n  - id: ${ACCOUNT}\n    name: ${name}\n    timeZone: Europe/Berlin\n    generatedUsers: 3\n`;

interface Heard {
  id: number;
  entry: { path: string; query: string; status: number };
}

/** An open event stream and every event it has brought so far. */
function listen(url: string) {
  const heard: Heard[] = [];
  const waiters: Array<() => void> = [];
  let response: IncomingMessage | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    get(url, (res) => {
      response = res;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        let end: number;
        while ((end = text.indexOf('\n\n')) !== -1) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const match = /^id: (\d+)\nevent: request\ndata: (.*)$/.exec(block);
          if (match !== null) heard.push({ id: Number(match[1]), entry: JSON.parse(match[2] as string) });
        }
        waiters.splice(0).forEach((wake) => wake());
      });
      resolve();
    }).on('error', reject);
  });
  async function until(test: (events: Heard[]) => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!test(heard)) {
      if (Date.now() > deadline)
        throw new Error(`the stream never brought ${what}; it brought ${JSON.stringify(heard)}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  }
  return { heard, opened, until, close: () => response?.destroy() };
}

describe('serve --watch and the console’s live journal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ik-console-watch-'));
  const file = join(dir, 'watched.yaml');
  let cli: Spawned;
  let url = '';

  beforeAll(async () => {
    writeFileSync(file, worldText('First Co'));
    cli = spawnCli(['serve', '--port', '0', '--now', NOW, '--world', file, '--watch']);
    const [, listening] = await cli.waitFor(/listening on (http:\/\/\S+)/);
    url = listening as string;
  });
  afterAll(async () => {
    cli.child.kill('SIGTERM');
    await cli.exited;
  });

  const users = async (note: string) =>
    (await fetch(`${url}/gong/${ACCOUNT}/v2/users?note=${note}`, { headers: AUTH })).text();

  it('a stream opened before a save hears the requests made after it, and the journal keeps counting', async () => {
    await users('before');
    const stream = listen(`${url}/__admin/console/events`);
    try {
      await stream.opened;
      await stream.until((events) => events.some((e) => e.entry.query === 'note=before'), 'the earlier request');
      writeFileSync(file, worldText('Second Co'));
      await cli.waitFor(/watched\.yaml changed; serving the new world/);
      const accounts = (await (await fetch(`${url}/__admin/accounts`)).json()) as { accounts: { name: string }[] };
      expect(accounts.accounts[0]?.name).toBe('Second Co');
      await users('after');
      await stream.until((events) => events.some((e) => e.entry.query === 'note=after'), 'the request after the save');
      expect(stream.heard.map((event) => event.entry.query)).toEqual(['note=before', 'note=after']);
      expect(stream.heard.map((event) => event.id)).toEqual([1, 2]);
      // The journal API reads the same entries: the save lost none.
      const listed = (await (await fetch(`${url}/__admin/requests`)).json()) as { requests: { id: number }[] };
      expect(listed.requests.map((entry) => entry.id)).toEqual([1, 2]);
    } finally {
      stream.close();
    }
  });

  it('a console that reconnects after a save, with the last id it saw, misses nothing', async () => {
    const before = (await (await fetch(`${url}/__admin/requests`)).json()) as { requests: { id: number }[] };
    const last = before.requests.at(-1)?.id ?? 0;
    writeFileSync(file, worldText('Third Co'));
    await cli.waitFor(
      /watched\.yaml changed; serving the new world[\s\S]*watched\.yaml changed; serving the new world/,
    );
    await users('third');
    const stream = listen(`${url}/__admin/console/events?after=${last}`);
    try {
      await stream.opened;
      await stream.until((events) => events.some((e) => e.entry.query === 'note=third'), 'the request after the save');
      expect(stream.heard.map((event) => event.id)).toEqual([last + 1]);
    } finally {
      stream.close();
    }
  });
});
