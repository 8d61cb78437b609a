/**
 * `npm run bench:cold`: what a test file pays before its first answer, measured in fresh Node
 * processes (one per run, the kinds interleaved so they share the machine's moods), medians of
 * several runs side by side. Each child times from its first statement (Node's own start-up is
 * the same for all and left out) to its first answer read:
 *   (a) MSW alone: import msw, one handler returning a fixed page, first answer;
 *   (b) import msw and interactions-kit/msw, createHandlers, first answered page of the mock;
 *   (c) import the contract, loadContract, first validation of a page.
 * Floors (the issue's): b within 1.4x of a; c under 100 ms, on wall time. Exit code 1 when one is
 * missed. CPU time (user + system, this process's threads) is shown beside it: on a shared
 * machine another program's load stretches wall time, and stretches it more for the longer run.
 *
 *   npm run bench:cold -- --runs 9
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './median.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = `https://api.truto.one/unified/conversational-intelligence/interactions?integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;

/** Each kind's child script: prints the milliseconds from its first statement to its answer. */
const KINDS: Record<string, string> = {
  'msw alone': `
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { http, HttpResponse } = await import('msw');
    const { setupServer } = await import('msw/node');
    const page = JSON.stringify({ result: Array.from({ length: 100 }, (_, i) => ({ id: String(i) })), next_cursor: null });
    const server = setupServer(http.get('https://api.truto.one/*', () => new HttpResponse(page, { headers: { 'content-type': 'application/json' } })));
    server.listen();
    const res = await fetch(${JSON.stringify(PAGE)}, { headers: { authorization: 'Bearer t' } });
    await res.text();
    const c = process.cpuUsage(c0);
    console.log(performance.now() - t0, (c.user + c.system) / 1000);
    server.close();`,
  'msw + kit': `
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { setupServer } = await import('msw/node');
    const { createHandlers } = await import('interactions-kit/msw');
    const server = setupServer(...createHandlers({ now: '2026-11-24T00:00:00Z' }));
    server.listen();
    const res = await fetch(${JSON.stringify(PAGE)}, { headers: { authorization: 'Bearer t' } });
    if (res.status !== 200) throw new Error('status ' + res.status);
    await res.text();
    const c = process.cpuUsage(c0);
    console.log(performance.now() - t0, (c.user + c.system) / 1000);
    server.close();`,
  'contract + first validation': `
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { loadContract } = await import('interactions-kit/contract');
    const contract = loadContract();
    const body = JSON.stringify({ result: [], next_cursor: null });
    const path = ${JSON.stringify(PAGE.slice('https://api.truto.one'.length))};
    const found = contract.validateResponse({ method: 'GET', path, status: 200, headers: { 'content-type': 'application/json' }, body });
    if (found.length !== 0) throw new Error(JSON.stringify(found));
    const c = process.cpuUsage(c0);
    console.log(performance.now() - t0, (c.user + c.system) / 1000);`,
};

/** One fresh process: its wall and CPU milliseconds from its first statement to its answer. */
function runOnce(script: string): { wall: number; cpu: number } {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const [wall, cpu] = out.trim().split(' ').map(Number) as [number, number];
  return { wall, cpu };
}

/** The cold-start kinds' medians (wall and CPU ms), and whether the issue's floors hold. */
export interface ColdStart {
  runs: number;
  wallMs: Record<string, number>;
  cpuMs: Record<string, number>;
  kitVsMswAlone: number;
  kitVsMswAloneCpu: number;
  contractMs: number;
  floorsMet: boolean;
}

/** Runs every kind `runs` times, interleaved, in fresh processes; the medians. */
export function benchColdStart(runs: number): ColdStart {
  const wall: Record<string, number[]> = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]));
  for (let run = 0; run < runs; run++)
    for (const [kind, script] of Object.entries(KINDS)) {
      const once = runOnce(script);
      wall[kind]!.push(once.wall);
      cpu[kind]!.push(once.cpu);
    }
  const medians = (times: Record<string, number[]>) =>
    Object.fromEntries(Object.entries(times).map(([kind, list]) => [kind, Math.round(median(list))]));
  const [wallMs, cpuMs] = [medians(wall), medians(cpu)];
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const kitVsMswAlone = ratio(wallMs['msw + kit']!, wallMs['msw alone']!);
  const contractMs = wallMs['contract + first validation']!;
  return {
    runs,
    wallMs,
    cpuMs,
    kitVsMswAlone,
    kitVsMswAloneCpu: ratio(cpuMs['msw + kit']!, cpuMs['msw alone']!),
    contractMs,
    floorsMet: kitVsMswAlone <= 1.4 && contractMs < 100,
  };
}

/** Prints the table and each floor's verdict. */
export function reportColdStart(result: ColdStart): void {
  const { wallMs, cpuMs } = result;
  const [alone, aloneCpu] = [wallMs['msw alone']!, cpuMs['msw alone']!];
  console.log(`cold start, medians of ${result.runs} fresh processes each (ms from the first statement):`);
  console.log(`  ${''.padEnd(30)} ${'wall'.padStart(8)} ${'ratio'.padStart(7)} ${'cpu'.padStart(8)} ${'ratio'.padStart(7)}`);
  for (const kind of Object.keys(KINDS)) {
    const [w, c] = [wallMs[kind]!, cpuMs[kind]!];
    console.log(
      `  ${kind.padEnd(30)} ${`${w} ms`.padStart(8)} ${`${(w / alone).toFixed(2)}x`.padStart(7)} ${`${c} ms`.padStart(8)} ${`${(c / aloneCpu).toFixed(2)}x`.padStart(7)}`,
    );
  }
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(`msw + kit / msw alone: ${result.kitVsMswAlone} (floor 1.4) ${verdict(result.kitVsMswAlone <= 1.4)}`);
  console.log(`contract + first validation: ${result.contractMs} ms (floor 100) ${verdict(result.contractMs < 100)}`);
}

// Run as `npm run bench:cold`; `npm run bench` imports the two functions above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const result = benchColdStart(Number(values.runs));
  reportColdStart(result);
  if (!result.floorsMet) process.exitCode = 1;
}
