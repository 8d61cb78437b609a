/**
 * `npm run load`: autocannon against the mock on loopback for a bounded time, over a mix of
 * pages, windows and formats that are all valid requests. Prints errors, unexpected
 * statuses, latency percentiles and the server's RSS before and after, and the growth of its
 * floor (see floorGrowth), which is what passes or fails.
 *
 *   npm run load -- --duration 30 --connections 100
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startChildTarget } from './child-target.js';

const BIN = fileURLToPath(new URL('../bin/interactions-kit.js', import.meta.url));

/** The server's resident memory, from its health endpoint. */
async function serverRss(url: string): Promise<number> {
  const res = await fetch(`${url}/__admin/health`);
  return ((await res.json()) as { rssBytes: number }).rssBytes;
}

/** What the bounded stores hold against their bounds (see README, `caches`). */
async function serverCaches(url: string): Promise<unknown> {
  const res = await fetch(`${url}/__admin/health`);
  return ((await res.json()) as { caches?: unknown }).caches;
}

const ACCOUNTS = [
  '62f44730-dd91-461e-bd6a-aedd9e0ad79d',
  '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17',
  '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35',
];
const FORMATS = ['unified', 'raw', 'normalized', 'debug', 'stream'];
const WARM_UP_SECONDS = 5;

/** Valid request paths: several accounts, windows, limits and formats, first and later pages. */
async function requestMix(url: string): Promise<string[]> {
  const paths: string[] = [];
  for (const [a, account] of ACCOUNTS.entries()) {
    for (let month = 1; month <= 10; month++) {
      const start = `2026-${String(month).padStart(2, '0')}-01T00:00:00Z`;
      const end = `2026-${String(month + 1).padStart(2, '0')}-01T00:00:00Z`;
      const format = FORMATS[(month + a) % FORMATS.length] as string;
      const query = new URLSearchParams({
        integrated_account_id: account,
        start_time: start,
        end_time: end,
        limit: String(10 + month * 9),
        truto_response_format: format,
      });
      paths.push(`/unified/conversational-intelligence/interactions?${query}`);
      if (format !== 'stream') {
        const first = await fetch(`${url}${paths.at(-1)}`, { headers: { Authorization: 'Bearer load' } });
        const body = (await first.json()) as { next_cursor: string | null };
        if (body.next_cursor !== null)
          paths.push(
            `/unified/conversational-intelligence/interactions?${query}&next_cursor=${encodeURIComponent(body.next_cursor)}`,
          );
      }
    }
  }
  return paths;
}

function percentGrowth(before: number, after: number): number {
  return Math.round(((after - before) / before) * 1000) / 10;
}

/**
 * RSS growth judged by its floor: the lowest reading of the run's first third against that
 * of its last third. Under load the RSS of a garbage-collected server swings by a fifth and
 * more between collections (seen here: 196 to 271 MB within seconds, with no trend), so two
 * single readings say more about when the collector last ran than about growth; a leak
 * raises the floor the swings come back to.
 */
function floorGrowth(readings: number[]): {
  rssFloorBeforeMB: number;
  rssFloorAfterMB: number;
  rssFloorGrowthPercent: number;
} {
  const third = Math.max(1, Math.floor(readings.length / 3));
  const before = Math.min(...readings.slice(0, third));
  const after = Math.min(...readings.slice(-third));
  return {
    rssFloorBeforeMB: Math.round(before / 1e5) / 10,
    rssFloorAfterMB: Math.round(after / 1e5) / 10,
    rssFloorGrowthPercent: percentGrowth(before, after),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { duration: { type: 'string', default: '30' }, connections: { type: 'string', default: '100' } },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const mock = await startChildTarget({
    command: process.execPath,
    args: [BIN, 'serve', '--port', '0', '--now', '2026-11-24T00:00:00Z'],
    urlPattern: /listening on (http:\/\/[^\s]+)/,
    probe: { path: '/__admin/health' },
  });
  try {
    const paths = await requestMix(mock.url);
    const requests = paths.map((path) => ({ method: 'GET' as const, path, headers: { authorization: 'Bearer load' } }));
    // Warm up at full concurrency so "before" is the steady state (heap sized, caches filled):
    // growth after that is what would keep growing.
    await autocannon({ url: mock.url, connections, duration: WARM_UP_SECONDS, requests });
    const rssBefore = await serverRss(mock.url);
    const samples: number[] = [];
    const sampler = setInterval(() => void serverRss(mock.url).then((rss) => samples.push(rss)), 1000);
    const result = await autocannon({ url: mock.url, connections, duration, requests });
    clearInterval(sampler);
    const rssAfter = await serverRss(mock.url);
    const report = {
      durationSeconds: duration,
      connections,
      distinctRequests: paths.length,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      rssBeforeMB: Math.round(rssBefore / 1e5) / 10,
      rssAfterMB: Math.round(rssAfter / 1e5) / 10,
      rssGrowthPercent: percentGrowth(rssBefore, rssAfter),
      ...floorGrowth([rssBefore, ...samples, rssAfter]),
      rssSamplesMB: samples.map((rss) => Math.round(rss / 1e6)),
      caches: await serverCaches(mock.url),
    };
    console.log(JSON.stringify(report, null, 2));
    const ok = report.errors === 0 && report.timeouts === 0 && report.non2xx === 0 && report.rssFloorGrowthPercent < 20;
    console.log(ok ? 'load: OK (0 errors, 0 unexpected statuses, RSS floor growth under 20%)' : 'load: FAILED');
    process.exitCode = ok ? 0 : 1;
  } finally {
    await mock.stop();
  }
}

await main();
