/**
 * `npm run bench -- --baseline DIR`: this tree's server against an earlier build, side by side.
 * One run of a few seconds moves by ±20% on a shared machine, more than the change being
 * judged; so both servers run at once and are measured in interleaved rounds (A B, then B A,
 * ...), the same page and the distinct pages each round, and the ratio is taken of the medians.
 * Throughput still moves with whatever else the machine runs; the server's own CPU time per
 * request (read from /proc, on Linux) moves much less, so it is reported beside it.
 * DIR is a checkout of the earlier commit with its own `dist/` built (`npm run build` there).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChildTarget, type ChildTarget } from './child-target.js';
import { distinctPaths } from './distinct-paths.js';
import { measure } from './measure.js';

/** What to compare and how long each measurement lasts. */
export interface SideBySideOptions {
  /** This tree's binary. */
  bin: string;
  /** The earlier checkout's directory (its `bin/interactions-kit.js` and built `dist/`). */
  baseline: string;
  rounds: number;
  duration: number;
  connections: number;
  path: string;
  headers: Record<string, string>;
}

/** Each side's figures, per round, for one workload. */
export interface Workload {
  /** Requests a second. */
  baseline: number[];
  current: number[];
  /** median(current) / median(baseline) of requests a second. */
  ratio: number;
  /** The server's CPU microseconds per request answered (empty where /proc cannot be read). */
  baselineCpuUs: number[];
  currentCpuUs: number[];
  /** median(baseline CPU) / median(current CPU): above 1 when this tree spends less a request. */
  cpuRatio: number;
}

/** A process's user + system CPU time in ms, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at USER_HZ 100
  } catch {
    return undefined;
  }
}

/**
 * The binary of a built checkout named by `flag`, or an error saying what is missing.
 *
 * @example
 * builtCheckoutBin('../earlier', '--baseline'); // '../earlier/bin/interactions-kit.js'
 */
export function builtCheckoutBin(dir: string, flag: string): string {
  const bin = join(dir, 'bin/interactions-kit.js');
  if (!existsSync(bin) || !existsSync(join(dir, 'dist')))
    throw new Error(`${flag} ${dir}: expected a checkout with bin/interactions-kit.js and a built dist/`);
  return bin;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function startServe(bin: string, path: string, headers: Record<string, string>): Promise<ChildTarget> {
  return startChildTarget({
    command: process.execPath,
    args: [bin, 'serve', '--port', '0', '--now', '2026-11-24T00:00:00Z', '--workers', '1'],
    urlPattern: /listening on (http:\/\/[^\s]+)/,
    probe: { path, headers },
  });
}

/**
 * Measures both servers in interleaved rounds; returns each workload's figures and ratio.
 *
 * @example
 * const { repeated } = await sideBySide({ bin, baseline: '../old', rounds: 5, duration: 5, connections: 50, path, headers });
 * console.log(repeated.ratio); // 1.02: this tree answers the repeated page 2% faster
 */
export async function sideBySide(options: SideBySideOptions): Promise<{ repeated: Workload; distinct: Workload }> {
  const { bin, baseline, rounds, duration, connections, path, headers } = options;
  const baselineBin = builtCheckoutBin(baseline, '--baseline');
  const sides = {
    baseline: await startServe(baselineBin, path, headers),
    current: await startServe(bin, path, headers),
  };
  // One generator per server, kept across rounds: no server is ever asked a path twice.
  const distinct = { baseline: distinctPaths(), current: distinctPaths() };
  const empty = () => ({ baseline: [] as number[], current: [] as number[] });
  const figures = { repeated: empty(), distinct: empty() };
  const cpu = { repeated: empty(), distinct: empty() };
  /** One measurement of `side`, with the server's CPU time a request. */
  async function timed(side: 'baseline' | 'current', workload: 'repeated' | 'distinct') {
    const load = { url: sides[side].url, connections, duration, headers };
    const before = cpuMs(sides[side].pid);
    const result = await measure(`${side} ${workload}`, {
      ...load,
      path: workload === 'repeated' ? path : distinct[side],
    });
    const after = cpuMs(sides[side].pid);
    figures[workload][side].push(result.requestsPerSecond);
    if (before !== undefined && after !== undefined)
      cpu[workload][side].push(Math.round(((after - before) * 1000) / result.served));
    return result.requestsPerSecond;
  }
  try {
    for (let round = 0; round < rounds; round++) {
      // Alternate who goes first, so neither side always meets a machine the other warmed or tired.
      const order = round % 2 === 0 ? (['baseline', 'current'] as const) : (['current', 'baseline'] as const);
      for (const side of order) {
        const same = await timed(side, 'repeated');
        const other = await timed(side, 'distinct');
        console.log(
          `round ${round + 1}/${rounds} ${side.padEnd(8)} same page ${same} req/s (${cpu.repeated[side].at(-1)} µs CPU a request), distinct ${other} req/s (${cpu.distinct[side].at(-1)} µs)`,
        );
      }
    }
  } finally {
    await Promise.all([sides.baseline.stop(), sides.current.stop()]);
  }
  const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
  const workload = (name: 'repeated' | 'distinct'): Workload => ({
    baseline: figures[name].baseline,
    current: figures[name].current,
    ratio: ratio(median(figures[name].current), median(figures[name].baseline)),
    baselineCpuUs: cpu[name].baseline,
    currentCpuUs: cpu[name].current,
    cpuRatio: ratio(median(cpu[name].baseline), median(cpu[name].current)),
  });
  return { repeated: workload('repeated'), distinct: workload('distinct') };
}
