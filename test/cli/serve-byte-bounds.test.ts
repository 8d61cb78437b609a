/**
 * The stores' byte bounds are `serve` flags as well as `createApp` options: a server started
 * with them reports them as its bounds in `/__admin/health`, and a bad value is a one-line
 * CliError like every other flag's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { parseServeFlags } from '../../src/cli/serve-flags.js';
import type { RunningServer } from '../../src/cli/start-server.js';
import { startMockServer } from '../helpers/mock.js';

describe('serve --page-cache-bytes, --window-cache-bytes, --journal-bytes', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startMockServer([
      '--page-cache-bytes',
      '1048576',
      '--window-cache-bytes',
      '524288',
      '--journal-bytes',
      '262144',
    ]);
  });
  afterAll(() => server.close());

  it('bound the stores health reports', async () => {
    const health = (await (await fetch(`${server.url}/__admin/health`)).json()) as {
      caches: Record<'pages' | 'windows' | 'journal', { maxBytes: number }>;
    };
    expect(health.caches.pages.maxBytes).toBe(1048576);
    expect(health.caches.windows.maxBytes).toBe(524288);
    expect(health.caches.journal.maxBytes).toBe(262144);
  });

  it('default to the createApp defaults', () => {
    const flags = parseServeFlags([]);
    if (flags === 'help') throw new Error('unexpected help');
    expect(flags.app).not.toHaveProperty('pageCacheBytes');
    expect(flags.app).not.toHaveProperty('windowCacheBytes');
    expect(flags.app).not.toHaveProperty('journalBytes');
  });

  it.each(['--page-cache-bytes', '--window-cache-bytes', '--journal-bytes'])(
    '%s refuses a value that is not bytes',
    (flag) => {
      for (const bad of ['-1', '1.5', '64MiB', '']) {
        expect(() => parseServeFlags([flag, bad])).toThrow(CliError);
      }
      expect(() => parseServeFlags([flag, 'x'])).toThrow(`${flag} must be a whole number from 0 to`);
    },
  );
});
