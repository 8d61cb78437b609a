/**
 * `npm run bench`'s world-file part: a world of 1,000 users with 100,000 pinned days, how long
 * it takes to load (read, check, build every user), and distinct pages over it beside the
 * default world's, two servers up at once and measured in alternating rounds, so the machine's
 * noise falls on both alike. The figure is the ratio of the two medians.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../src/engine/create-engine.js';
import { loadWorldFile } from '../src/world-file/load-world-file.js';
import { startChildTarget, type ChildTarget } from './child-target.js';
import { distinctPaths } from './distinct-paths.js';
import { measure, type Measurement } from './measure.js';
import { PINNED_ACCOUNTS, writePinnedWorld } from './pinned-world.js';
import { median } from './median.js';

/** What the world-file part reports. */
export interface WorldFileBench {
  pinnedDays: number;
  /** Reading, checking and building the world, every user included, in ms (floor: under 1,000). */
  loadMs: number;
  rounds: Measurement[];
  /** Median distinct-page rate over the pinned world / over the default world (floor: 0.8). */
  distinctPinnedVsDefault: number;
}

function start(bin: string, args: string[], path: string): Promise<ChildTarget> {
  return startChildTarget({
    command: process.execPath,
    args: [bin, 'serve', '--port', '0', '--now', '2026-11-24T00:00:00Z', ...args],
    urlPattern: /listening on (http:\/\/[^\s]+)/,
    probe: { path, headers: { authorization: 'Bearer bench' } },
  });
}

/** Runs the part; `rounds` alternations of `duration` seconds each per server. */
export async function benchWorldFile(
  bin: string,
  load: { connections: number; duration: number },
  rounds = 5,
): Promise<WorldFileBench> {
  const file = join(mkdtempSync(join(tmpdir(), 'ik-bench-world-')), 'pinned-world.json');
  const pinnedDays = writePinnedWorld(file);
  const started = performance.now();
  const engine = createEngine({ world: loadWorldFile(file) });
  for (const account of engine.world.accounts) account.users();
  const loadMs = Math.round(performance.now() - started);

  const auth = { authorization: 'Bearer bench' };
  const defaultPaths = distinctPaths();
  const pinnedPaths = distinctPaths(PINNED_ACCOUNTS);
  const [plain, pinned] = await Promise.all([
    start(bin, [], defaultPaths()),
    start(bin, ['--world', file], pinnedPaths()),
  ]);
  const results: Measurement[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      results.push(
        await measure(`default world: distinct (round ${round})`, {
          ...load,
          url: plain.url,
          path: defaultPaths,
          headers: auth,
        }),
      );
      results.push(
        await measure(`pinned world: distinct (round ${round})`, {
          ...load,
          url: pinned.url,
          path: pinnedPaths,
          headers: auth,
        }),
      );
    }
  } finally {
    await Promise.all([plain.stop(), pinned.stop()]);
  }
  const rate = (prefix: string) =>
    median(results.filter((r) => r.name.startsWith(prefix)).map((r) => r.requestsPerSecond));
  return {
    pinnedDays,
    loadMs,
    rounds: results,
    distinctPinnedVsDefault: Math.round((rate('pinned') / rate('default')) * 100) / 100,
  };
}
