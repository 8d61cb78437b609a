/**
 * `fixtures --world` makes the golden set of the world's own account (its first healthy one
 * with users), the same requests as the default set, in that account's October.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { GOLDEN_SET, GOLDEN_WINDOW, goldenSetFor } from '../../src/fixtures/golden-set.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { BIN } from '../helpers/cli.js';
import { spawnCli } from '../helpers/cli.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'ik-fixtures-world-'));
const ACCOUNT = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
const WORLD = `seed: 7\naccounts:\n  - id: ${ACCOUNT}\n    name: Test Co\n    timeZone: Europe/Berlin\n    generatedUsers: 120\n`;

describe('the golden set of a world file', () => {
  it('for the default account and window is the default set itself', () => {
    const same = goldenSetFor({
      accountId: DEFAULT_ACCOUNT_ID,
      startTime: GOLDEN_WINDOW.start_time,
      endTime: GOLDEN_WINDOW.end_time,
    });
    expect(same).toEqual(GOLDEN_SET);
  });

  it("is written for the world's own account, in its October, every file naming it", async () => {
    writeFileSync(join(dir, 'world.yaml'), WORLD);
    const { stdout } = await run(process.execPath, [BIN, 'fixtures', '--world', 'world.yaml', '--out', 'fx'], {
      cwd: dir,
    });
    expect(stdout).toMatch(/^wrote \d+ fixture files to fx \(seed 7, world world.yaml, now 2026-11-24T00:00:00Z\)\n/);
    const page = JSON.parse(readFileSync(join(dir, 'fx/unified/unified-2026-10-page-1.json'), 'utf8'));
    expect(page.request.query).toEqual({
      integrated_account_id: ACCOUNT,
      start_time: '2026-10-01T00:00:00+02:00',
      end_time: '2026-11-01T00:00:00+01:00',
      limit: '100',
    });
    expect(page.response.status).toBe(200);
    expect(page.response.body.result[0].timezone).toBe('Europe/Berlin');
    const users = JSON.parse(readFileSync(join(dir, 'fx/gong/users.json'), 'utf8'));
    expect(users.request.path).toBe(`/gong/${ACCOUNT}/v2/users`);
  });

  it('a world with no healthy account with users: one line, exit 1', async () => {
    writeFileSync(join(dir, 'empty.yaml'), `accounts:\n  - id: ${ACCOUNT}\n`);
    const failed = await run(process.execPath, [BIN, 'fixtures', '--world', 'empty.yaml', '--out', 'fx2'], {
      cwd: dir,
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toBe(
      'interactions-kit fixtures: the world has no healthy account with users to make the golden set of\n',
    );
  });
});

describe('serve --world: the banner', () => {
  it("offers a curl to an account the world has, and names an account-less world's 404s", async () => {
    writeFileSync(join(dir, 'banner.yaml'), WORLD);
    const cli = spawnCli(['serve', '--port', '0', '--world', join(dir, 'banner.yaml')]);
    await cli.waitFor(/Try:\n.*curl.*\n/);
    expect(cli.output()).toContain(`integrated_account_id=${ACCOUNT}&`);
    expect(cli.output()).not.toContain(DEFAULT_ACCOUNT_ID);
    cli.child.kill('SIGTERM');
    await cli.exited;
    writeFileSync(join(dir, 'none.yaml'), 'seed: 3\n');
    const none = spawnCli(['serve', '--port', '0', '--world', join(dir, 'none.yaml')]);
    await none.waitFor(/every request gets a 404/);
    expect(none.output()).not.toContain('Try:');
    none.child.kill('SIGTERM');
    await none.exited;
  });
});

describe('createEngine({ world }) misused', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'a path',
      'world.yaml',
      /world must be a parsed world document here; for a file, use createApp\(\{ world: path \}\) or loadWorldFile/,
    ],
    ['null', null, /world must be a world document \(an object\), got null/],
    ['a number', 7, /world must be a world document \(an object\), got 7/],
  ])('%s is named', (_name, world, message) => {
    expect(() => createEngine({ world: world as never })).toThrow(message);
  });

  it('a user count over the bound is blamed on the option, not the document', () => {
    expect(() =>
      createEngine({ world: { accounts: [{ id: ACCOUNT, generatedUsers: 1, users: [{}] }] }, userCount: 100_000 }),
    ).toThrow('with the userCount option (100000) and 1 stated users, this account has more than 100000 users');
  });
});

describe('GET /__admin/world', () => {
  it("names the now in effect: the options' over the world's, null for the real clock", async () => {
    const nowOf = async (options: Parameters<typeof createEngine>[0]) => {
      const answer = await createEngine(options).answer({
        method: 'GET',
        url: '/__admin/world',
        headers: { host: '127.0.0.1:4010' },
      });
      const text = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
      return JSON.parse(text) as { now: string | null; seed: number; document: { seed: number } };
    };
    expect((await nowOf({})).now).toBeNull();
    expect((await nowOf({ world: { now: '2026-11-24T00:00:00Z' } })).now).toBe('2026-11-24T00:00:00.000Z');
    expect((await nowOf({ world: { now: '2026-11-24T00:00:00Z' }, now: '2026-01-02T03:04:05Z' })).now).toBe(
      '2026-01-02T03:04:05.000Z',
    );
    const seeded = await nowOf({ world: { seed: 7 }, seed: 9 });
    expect([seeded.seed, seeded.document.seed]).toEqual([9, 9]);
  });
});
