/**
 * What a new user meets first: `--version`, the default window `verify --help` promises, a
 * wrong argument to `requestListener`, and the wording of a rate-limit error.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { recentFullMonth } from '../../src/conformance/recent-full-month.js';
import { AppOptionsError } from '../../src/index.js';
import { createApp, requestListener } from '../../src/server/create-app.js';
import { spawnCli } from '../helpers/cli.js';
import { getUnified, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the CLI in-process; resolves with its exit code and what it printed. */
async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  const code = await main(argv);
  return { code, out: lines.join('\n') };
}

describe('--version', () => {
  it.each([['--version'], ['-v']])('%s prints the package version and exits 0', async (flag) => {
    expect(await cli([flag])).toEqual({ code: 0, out: VERSION });
  });

  it('the built binary finds its package.json too', async () => {
    const run = spawnCli(['--version']);
    expect(await run.exited).toBe(0);
    expect(run.output().trim()).toBe(VERSION);
  });
});

describe('verify’s default window: the last calendar month (UTC) that ended at least 24 hours ago', () => {
  // Gong refuses a toDate after its current day in the company's zone; 24 hours after the
  // month's end, every zone (UTC-12 to UTC+14) has reached the day the window ends on.
  it.each([
    ['2026-11-24T10:00:00Z', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'],
    ['2026-11-02T00:00:00Z', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'],
    ['2026-11-01T23:59:59Z', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z'],
    ['2026-01-02T00:00:00Z', '2025-12-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ['2026-03-01T12:00:00Z', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'],
  ])('now %s: %s to %s', (now, start, end) => {
    expect(recentFullMonth(new Date(now))).toEqual({ start, end });
  });

  it('verify --help says so', async () => {
    const { code, out } = await cli(['verify', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/the last calendar month \(UTC\) that ended\s+at least 24 hours ago/);
  });
});

describe('requestListener', () => {
  it.each([
    ['options', { seed: 42 }],
    ['nothing', undefined],
  ])('given %s instead of an app, throws a named error saying what to pass', (_what, given) => {
    const wrong = () => requestListener(given as unknown as ReturnType<typeof createApp>);
    expect(wrong).toThrow(AppOptionsError);
    expect(wrong).toThrow('requestListener expects the app createApp returns: requestListener(createApp(options))');
  });

  it('given an app, is a node request listener', () => {
    expect(requestListener(createApp())).toEqual(expect.any(Function));
  });
});

describe('the rate-limit error', () => {
  it('says "retry after 1 second", not "1 seconds"', async () => {
    const app = mockApp({ clock: () => 0 }); // time stands still: both calls fall in one second
    const url = unifiedUrl(october({ integrated_account_id: '429a0000-0000-4000-8000-000000000429' }));
    await getUnified(app, url);
    const limited = await getUnified(app, url);
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/; retry after 1 second \(/);
  });
});

describe('package scripts', () => {
  const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };

  it('a consumer’s install runs nothing of ours (no prepare, no install hooks)', () => {
    for (const hook of ['prepare', 'preinstall', 'install', 'postinstall']) expect(scripts[hook]).toBeUndefined();
  });

  it.each(['prepack', 'prestart', 'prefixtures', 'bench', 'load'])('%s builds dist/ first', (name) => {
    expect(scripts[name]).toMatch(/^npm run build\b/);
  });
});
