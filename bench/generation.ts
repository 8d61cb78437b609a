/**
 * Generation bench: how many unified interaction records one core makes per second (the
 * large-data-set walk: Gong layer, mapping to unified, JSON serialization as the writer does it; no HTTP), and the
 * peak resident memory of writing 1,000,000 records as NDJSON, measured in a child process.
 *
 *   node --import tsx bench/generation.ts          (also called by `npm run bench`)
 *
 * Floors: 200,000 records/s and a peak RSS under 150 MB. The figures vary with the machine
 * and its load, so they are printed and returned, never asserted by `npm test`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { largeDatasetRecords, type LargeDatasetOptions } from '../src/fixtures/large-dataset.js';
import { interactionJson } from '../src/unified/interaction-json.js';

/** The data set both measurements use: the healthy accounts with 500 users each (room for 1.5M records). */
export const BENCH_DATASET = { userCount: 500 } as const satisfies Partial<LargeDatasetOptions>;
export const FLOORS = { recordsPerSecond: 200_000, peakRssMB: 150 } as const;

export interface GenerationFigures {
  /** Best of the timed runs: what one core can do when the machine lets it. */
  recordsPerSecond: number;
  /** Median of the timed runs. */
  medianRecordsPerSecond: number;
  /** Records in each timed run. */
  recordsPerRun: number;
  /** Peak RSS of the child that wrote `rssRecords` records as NDJSON. */
  peakRssMB: number;
  rssRecords: number;
  rssSeconds: number;
  rssFileMB: number;
  meetsFloors: { recordsPerSecond: boolean; peakRss: boolean };
}

/** Records a second over one run of `records` records, serialization included. */
function timeOneRun(records: number): number {
  const started = performance.now();
  let chars = 0;
  for (const record of largeDatasetRecords({ ...BENCH_DATASET, records })) chars += interactionJson(record).length;
  const seconds = (performance.now() - started) / 1000;
  if (chars === 0) throw new Error('no records were generated');
  return records / seconds;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Compiles src/ to dist/ (as `npm run build` does), so the child runs this tree's code. */
function build(): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')],
    {
      stdio: 'inherit',
    },
  );
}

interface ChildReport {
  records: number;
  bytes: number;
  seconds: number;
  peakRssBytes: number;
}

/**
 * Writes the data set in a child running the compiled writer (what `interactions-kit
 * fixtures --records` runs; no TypeScript loader, whose own thread would add ~35 MB that is
 * not the writer's) and reads back the child's report of its peak RSS.
 */
function runChild(out: string, records: number): Promise<ChildReport> {
  const writer = pathToFileURL(join(ROOT, 'dist/fixtures/write-large-dataset.js')).href;
  const code = [
    `import { writeLargeDataset } from ${JSON.stringify(writer)};`,
    'const started = performance.now();',
    'const written = await writeLargeDataset(JSON.parse(process.argv[1]));',
    // resourceUsage().maxRSS is in kilobytes.
    'console.log(JSON.stringify({ ...written, seconds: (performance.now() - started) / 1000, peakRssBytes: process.resourceUsage().maxRSS * 1024 }));',
  ].join('\n');
  const options = JSON.stringify({ ...BENCH_DATASET, out, records, format: 'ndjson' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code, options], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the data set child exited with ${code}`));
      else resolve(JSON.parse(text.trim().split('\n').at(-1) as string) as ChildReport);
    });
  });
}

/**
 * Measures generation speed in this process and the writer's peak RSS in a child (after
 * compiling src/ to dist/ unless `build: false`).
 *
 * @example
 * const figures = await benchGeneration({ runs: 3 });
 * figures.recordsPerSecond; // e.g. 280000
 */
export async function benchGeneration(
  options: { runs?: number; recordsPerRun?: number; rssRecords?: number; build?: boolean } = {},
): Promise<GenerationFigures> {
  const { runs = 5, recordsPerRun = 200_000, rssRecords = 1_000_000 } = options;
  if (options.build !== false) build();
  timeOneRun(50_000); // warm up the JIT
  const rates = Array.from({ length: runs }, () => timeOneRun(recordsPerRun)).sort((a, b) => a - b);
  const dir = mkdtempSync(join(tmpdir(), 'interactions-kit-bench-'));
  try {
    const child = await runChild(join(dir, 'interactions.ndjson'), rssRecords);
    const recordsPerSecond = Math.round(rates.at(-1) as number);
    const peakRssMB = Math.round(child.peakRssBytes / 1e5) / 10;
    return {
      recordsPerSecond,
      medianRecordsPerSecond: Math.round(rates[Math.floor(rates.length / 2)] as number),
      recordsPerRun,
      peakRssMB,
      rssRecords: child.records,
      rssSeconds: Math.round(child.seconds * 10) / 10,
      rssFileMB: Math.round(child.bytes / 1e5) / 10,
      meetsFloors: {
        recordsPerSecond: recordsPerSecond >= FLOORS.recordsPerSecond,
        peakRss: peakRssMB < FLOORS.peakRssMB,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchGeneration();
  console.log(JSON.stringify(figures, null, 2));
  const ok = figures.meetsFloors.recordsPerSecond && figures.meetsFloors.peakRss;
  console.log(
    ok
      ? `generation: OK (>= ${FLOORS.recordsPerSecond} records/s, peak RSS < ${FLOORS.peakRssMB} MB)`
      : 'generation: BELOW A FLOOR',
  );
  process.exitCode = ok ? 0 : 1;
}
