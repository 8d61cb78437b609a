/**
 * `npm run bench`: every target side by side on loopback, in one run, measured the same way
 * (autocannon, same connections, same duration), so the ratios mean something on a shared,
 * noisy machine. Prints a table and writes bench/results/bench-<time>.json.
 *
 *   npm run bench -- --duration 10 --connections 50 --workers 1,2 [--skip-prism] [--skip-generation] [--skip-world] [--skip-mapping]
 *                    [--skip-scale-out] [--scale-out-only] [--skip-cold] [--cold-runs 9]
 *
 * The in-process cold-start part (bench/cold-start.ts, also `npm run bench:cold`) times fresh
 * processes: MSW alone against msw + interactions-kit/msw, and the contract's first validation.
 *
 * The world-file part (bench/world-file.ts) loads a world of 1,000 users with 100,000 pinned
 * days and measures distinct pages over it beside the default world's, in alternating rounds.
 *
 * The mapping part (bench/mapping.ts) maps the same Gong pages with the built-in mapping and with
 * the shipped JSONata mapping run as an override, side by side: records mapped a second.
 *
 * The scale-out part (bench/scale-out.ts) measures the Redis store against the memory store and
 * haproxy in front of 1 and of 3 instances, as ratios; it is skipped with a message when
 * redis-server or haproxy is missing.
 *
 * Against an earlier build instead (a checkout of the earlier commit, built there): both servers
 * run at once and are measured in interleaved rounds, the repeated page and distinct pages each
 * round; prints each round and the ratios of the medians (this tree / the earlier build), of
 * requests a second and of the server's CPU time a request (steadier on a shared machine).
 *
 *   npm run bench -- --baseline ../earlier-checkout --rounds 5 --duration 5
 *
 * `--current DIR` puts another built checkout in this tree's place, so two earlier builds can be
 * compared the same way (a change's own cost, apart from what landed after it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, startChildTarget, type ChildTarget } from './child-target.js';
import { benchColdStart, reportColdStart, type ColdStart } from './cold-start.js';
import { distinctPaths } from './distinct-paths.js';
import { measure, type Measurement } from './measure.js';
import { writePrismSpec } from './prism-spec.js';
import { builtCheckoutBin, sideBySide } from './side-by-side.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/interactions-kit.js');
const PRISM = join(ROOT, 'node_modules/.bin/prism');
const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const PAGE_PATH = `/unified/conversational-intelligence/interactions?integrated_account_id=${ACCOUNT}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;
const AUTH = { authorization: 'Bearer bench' };

function startMock(workers: number): Promise<ChildTarget> {
  return startChildTarget({
    command: process.execPath,
    args: [BIN, 'serve', '--port', '0', '--now', '2026-11-24T00:00:00Z', '--workers', String(workers)],
    urlPattern: /listening on (http:\/\/[^\s]+)/,
    probe: { path: PAGE_PATH, headers: AUTH },
  });
}

async function withTarget<T>(start: () => Promise<ChildTarget>, use: (target: ChildTarget) => Promise<T>): Promise<T> {
  const target = await start();
  try {
    return await use(target);
  } finally {
    await target.stop();
  }
}

function table(rows: Measurement[]): string {
  const lines = ['target                                   req/s     p50 ms   p99 ms   errors  non-2xx'];
  for (const r of rows) {
    lines.push(
      `${r.name.padEnd(38)} ${String(r.requestsPerSecond).padStart(8)} ${String(r.p50).padStart(9)} ${String(r.p99).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.non2xx).padStart(8)}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      workers: { type: 'string', default: '1,2' },
      'skip-prism': { type: 'boolean', default: false },
      'skip-generation': { type: 'boolean', default: false },
      'skip-world': { type: 'boolean', default: false },
      'skip-mapping': { type: 'boolean', default: false },
      'skip-scale-out': { type: 'boolean', default: false },
      'skip-cold': { type: 'boolean', default: false },
      'cold-runs': { type: 'string', default: '9' },
      'scale-out-only': { type: 'boolean', default: false },
      baseline: { type: 'string' },
      current: { type: 'string' },
      rounds: { type: 'string', default: '5' },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (values.baseline !== undefined)
    return compareWithBaseline(values.baseline, values.current, Number(values.rounds), duration, connections);
  if (values['scale-out-only']) return void (await reportScaleOut({ connections, duration }));
  const workerCounts = values.workers.split(',').map(Number);
  const rows: Measurement[] = [];
  const coldStartMs: Record<string, number> = {};
  const load = { connections, duration };

  // The mock, repeated page and distinct pages; then more workers.
  let pageBytes = Buffer.alloc(0);
  await withTarget(
    () => startMock(1),
    async (mock) => {
      coldStartMs['mock'] = Math.round(mock.coldStartMs);
      pageBytes = Buffer.from(await (await fetch(`${mock.url}${PAGE_PATH}`, { headers: AUTH })).arrayBuffer());
      rows.push(
        await measure('mock: same 100-record page', { ...load, url: mock.url, path: PAGE_PATH, headers: AUTH }),
      );
      rows.push(
        await measure('mock: distinct pages and windows', {
          ...load,
          url: mock.url,
          path: distinctPaths(),
          headers: AUTH,
        }),
      );
    },
  );
  for (const workers of workerCounts.filter((n) => n > 1)) {
    await withTarget(
      () => startMock(workers),
      async (mock) => {
        rows.push(
          await measure(`mock --workers ${workers}: same page`, {
            ...load,
            url: mock.url,
            path: PAGE_PATH,
            headers: AUTH,
          }),
        );
        rows.push(
          await measure(`mock --workers ${workers}: distinct`, {
            ...load,
            url: mock.url,
            path: distinctPaths(),
            headers: AUTH,
          }),
        );
      },
    );
  }

  // The ceiling: bare node:http sending the same bytes.
  const pageFile = join(tmpdir(), `interactions-kit-page-${process.pid}.json`);
  writeFileSync(pageFile, pageBytes);
  await withTarget(
    () =>
      startChildTarget({
        command: process.execPath,
        args: ['--import', 'tsx', join(ROOT, 'bench/ceiling-server.ts'), pageFile],
        urlPattern: /listening on (http:\/\/[^\s]+)/,
        probe: { path: '/' },
      }),
    async (ceiling) => {
      rows.push(await measure('bare node:http, same bytes (ceiling)', { ...load, url: ceiling.url, path: PAGE_PATH }));
    },
  );

  // Prism answering the same endpoint with a static example of the same page.
  if (!values['skip-prism']) {
    const spec = writePrismSpec(JSON.parse(pageBytes.toString()));
    const port = await freePort();
    await withTarget(
      () =>
        startChildTarget({
          command: PRISM,
          args: ['mock', spec, '-h', '127.0.0.1', '-p', String(port)],
          url: `http://127.0.0.1:${port}`,
          probe: { path: PAGE_PATH, headers: AUTH },
        }),
      async (prism) => {
        coldStartMs['prism'] = Math.round(prism.coldStartMs);
        rows.push(
          await measure('prism mock (static example, same size)', {
            ...load,
            url: prism.url,
            path: PAGE_PATH,
            headers: AUTH,
          }),
        );
      },
    );
  }

  const find = (prefix: string) => rows.find((r) => r.name.startsWith(prefix))?.requestsPerSecond ?? NaN;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const repeated = find('mock: same');
  const distinct = find('mock: distinct');
  const ratios = {
    repeatedVsPrism: ratio(repeated, find('prism')),
    distinctVsPrism: ratio(distinct, find('prism')),
    repeatedVsCeiling: ratio(repeated, find('bare node')),
    coldStartMockVsPrism: ratio(coldStartMs['mock'] ?? NaN, coldStartMs['prism'] ?? NaN),
  };

  let generation: unknown;
  if (!values['skip-generation']) {
    const { benchGeneration } = await import('./generation.js');
    generation = await benchGeneration();
  }

  let worldFile: Awaited<ReturnType<typeof import('./world-file.js').benchWorldFile>> | undefined;
  if (!values['skip-world']) {
    const { benchWorldFile } = await import('./world-file.js');
    worldFile = await benchWorldFile(BIN, load);
  }

  let mapping: Awaited<ReturnType<typeof import('./mapping.js').benchMapping>> | undefined;
  if (!values['skip-mapping']) {
    const { benchMapping } = await import('./mapping.js');
    mapping = await benchMapping();
  }

  console.log(`\nbench: ${connections} connections, ${duration} s per target, page of ${pageBytes.length} bytes\n`);
  console.log(table(rows));
  console.log(`\ncold start to first answer (ms): ${JSON.stringify(coldStartMs)}`);
  console.log(`ratios: ${JSON.stringify(ratios)}`);
  if (generation !== undefined) console.log(`generation: ${JSON.stringify(generation)}`);
  if (worldFile !== undefined) {
    console.log(
      `\nworld file: ${worldFile.pinnedDays} pinned days, 1,000 users, loaded in ${worldFile.loadMs} ms (floor: under 1000)`,
    );
    console.log(table(worldFile.rounds));
    console.log(
      `distinct pages, pinned world / default world (medians): ${worldFile.distinctPinnedVsDefault} (floor: 0.8)`,
    );
  }
  if (mapping !== undefined)
    console.log(
      `\nmapping, records mapped a second (median of rounds, one core): built-in ${mapping.builtInRecordsPerSecond}; ` +
        `JSONata override via @truto/truto-jsonata ${mapping.trutoJsonataRecordsPerSecond}; via plain jsonata ${mapping.plainJsonataRecordsPerSecond}; ` +
        `built-in / truto-jsonata = ${mapping.builtInVsTrutoJsonata}; first override request waits ${mapping.firstUseMs} ms (load + compile, once per process)`,
    );
  let coldStart: ColdStart | undefined;
  if (!values['skip-cold']) {
    console.log('');
    coldStart = benchColdStart(Number(values['cold-runs']));
    reportColdStart(coldStart);
  }
  const scaleOut = values['skip-scale-out'] ? undefined : await reportScaleOut(load);
  const out = join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ connections, duration, pageBytes: pageBytes.length, rows, coldStartMs, ratios, generation, worldFile, mapping, coldStart, scaleOut }, null, 2)}\n`,
  );
  console.log(`\nresults: ${file}`);
}

/** Runs the scale-out bench and prints its table and ratios (or why it was skipped). */
async function reportScaleOut(load: { connections: number; duration: number }) {
  const { benchScaleOut } = await import('./scale-out.js');
  const result = await benchScaleOut(BIN, load);
  if ('skipped' in result) console.log(`\n${result.skipped}`);
  else {
    console.log(`\nscale-out: distinct pages, ${load.connections} connections, ${load.duration} s each, one run`);
    console.log(table(result.rows));
    console.log(`scale-out ratios: ${JSON.stringify(result.ratios)}`);
  }
  return result;
}

/** `--baseline DIR`: this tree (or `--current DIR`) against an earlier build, in interleaved rounds. */
async function compareWithBaseline(
  baseline: string,
  current: string | undefined,
  rounds: number,
  duration: number,
  connections: number,
) {
  const bin = current === undefined ? BIN : builtCheckoutBin(current, '--current');
  const result = await sideBySide({
    bin,
    baseline,
    rounds,
    duration,
    connections,
    path: PAGE_PATH,
    headers: AUTH,
  });
  if (current !== undefined) console.log(`\n"this tree" below is ${current}`);
  console.log(`\nside by side: ${rounds} rounds, ${connections} connections, ${duration} s a measurement`);
  for (const [name, workload] of [
    ['same page repeated', result.repeated],
    ['distinct pages', result.distinct],
  ] as const)
    console.log(
      `${name.padEnd(18)} req/s this tree / baseline = ${workload.ratio}; CPU a request baseline / this tree = ${workload.cpuRatio} (ratios of medians)`,
    );
  const out = join(ROOT, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `side-by-side-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ rounds, duration, connections, ...result }, null, 2)}\n`);
  console.log(`\nresults: ${file}`);
}

await main();
