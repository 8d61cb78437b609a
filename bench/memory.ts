/**
 * `npm run memory`: a long-run memory check. Spawns the built server and hammers each bounded
 * store with distinct hostile keys (keys no cache could ever reuse, each sent twice so a
 * kept-on-second-request cache keeps it), then reports the server's RSS before and after each
 * phase and what the stores say they hold (`/__admin/health` → `caches`, absent on builds
 * older than it). The server collects its garbage every half second and each reading follows a
 * pause, so the RSS tells what the server keeps, not when its collector last ran:
 *
 * - pages: empty pages under distinct 4 KB queries (the page cache);
 * - windows: empty Gong windows of distinct 100-user filters (the stats-window cache);
 * - journal: requests with 60 KB paths (the request journal), then one journal listing;
 * - validator: with `--validate-responses`, distinct `truto_exclude_fields` (the validator's cache).
 *
 *   npm run memory -- --scale 1 --connections 16 [--bin path/to/interactions-kit.js]
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startChildTarget, type ChildTarget } from './child-target.js';

const NOW = '2026-11-24T00:00:00Z';
const EMPTY_ACCOUNT = 'e0e00000-0000-4000-8000-000000000000';
const ACME = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const UNIFIED = '/unified/conversational-intelligence/interactions';
const AUTH = { authorization: 'Bearer memory' };
const GONG_AUTH = { authorization: 'Basic a2V5OnNlY3JldA==', 'content-type': 'application/json' };
const OCTOBER = 'start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z';
/** Loaded into the server: a full collection every half second (needs --expose-gc). */
const COLLECT_OFTEN = 'data:text/javascript,setInterval(() => globalThis.gc(), 500).unref()';
const SETTLE_MS = 2000;

/** One hostile request: path, and the body of a POST. */
interface Hostile {
  path: string;
  body?: string;
}

interface Phase {
  name: string;
  /** Distinct keys at scale 1. */
  count: number;
  /** Each key is sent this many times. */
  repeat: number;
  request(i: number): Hostile;
}

const padding = 'x'.repeat(4000);
const PHASES: Phase[] = [
  {
    name: 'pages',
    count: 20_000,
    repeat: 2,
    request: (i) => ({
      path: `${UNIFIED}?integrated_account_id=${EMPTY_ACCOUNT}&${OCTOBER}&remote_query[p${i}]=${padding}`,
    }),
  },
  {
    name: 'windows',
    count: 10_000,
    repeat: 2,
    request: (i) => ({
      path: `/gong/${ACME}/v2/stats/interaction`,
      body: JSON.stringify({
        filter: {
          fromDate: '2026-10-01',
          toDate: '2026-11-01',
          userIds: Array.from({ length: 100 }, (_, j) => String(1e15 + i * 100 + j)),
        },
      }),
    }),
  },
  {
    name: 'journal',
    count: 2_000,
    repeat: 1,
    request: (i) => ({ path: `/unified/${i}-${'y'.repeat(60_000)}` }),
  },
];

const VALIDATOR_PHASE: Phase = {
  name: 'validator',
  count: 2_000,
  repeat: 1,
  request: (i) => ({
    path: `${UNIFIED}?integrated_account_id=${ACME}&${OCTOBER}&limit=1&truto_exclude_fields=metrics.f${i},user.g${i}`,
  }),
};

interface Health {
  rssBytes: number;
  caches?: Record<string, { entries: number; bytes: number; maxEntries: number; maxBytes: number }>;
}

async function health(url: string): Promise<Health> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return (await (await fetch(`${url}/__admin/health`)).json()) as Health;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** Sends every request of the phase over `connections` concurrent loops; counts statuses. */
async function hammer(url: string, phase: Phase, scale: number, connections: number): Promise<Record<number, number>> {
  const total = Math.round(phase.count * scale) * phase.repeat;
  const statuses: Record<number, number> = {};
  let next = 0;
  const loop = async () => {
    while (next < total) {
      // Repeats follow one another, so a key's second request comes while it is remembered.
      const i = Math.floor(next++ / phase.repeat);
      const { path, body } = phase.request(i);
      const res = await fetch(
        `${url}${path}`,
        body === undefined ? { headers: AUTH } : { method: 'POST', headers: GONG_AUTH, body },
      );
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return statuses;
}

async function runPhases(server: ChildTarget, phases: Phase[], scale: number, connections: number) {
  const rows = [];
  for (const phase of phases) {
    const before = await health(server.url);
    const started = performance.now();
    const statuses = await hammer(server.url, phase, scale, connections);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    let listingMB: number | undefined;
    if (phase.name === 'journal') {
      // One default listing: what a client reading the journal receives in one answer.
      listingMB = mb((await (await fetch(`${server.url}/__admin/requests`)).arrayBuffer()).byteLength);
    }
    const after = await health(server.url);
    rows.push({
      phase: phase.name,
      requests: Object.values(statuses).reduce((a, b) => a + b, 0),
      statuses,
      seconds,
      rssBeforeMB: mb(before.rssBytes),
      rssAfterMB: mb(after.rssBytes),
      ...(listingMB === undefined ? {} : { journalListingMB: listingMB }),
      caches: after.caches,
    });
  }
  return rows;
}

async function startMock(bin: string, extra: string[]): Promise<ChildTarget> {
  return startChildTarget({
    command: process.execPath,
    args: ['--expose-gc', '--import', COLLECT_OFTEN, bin, 'serve', '--port', '0', '--now', NOW, ...extra],
    urlPattern: /listening on (http:\/\/[^\s]+)/,
    probe: { path: '/__admin/health' },
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      connections: { type: 'string', default: '16' },
      bin: { type: 'string', default: fileURLToPath(new URL('../bin/interactions-kit.js', import.meta.url)) },
    },
  });
  const scale = Number(values.scale);
  const connections = Number(values.connections);
  const report: Record<string, unknown> = { scale, connections };
  const plain = await startMock(values.bin, []);
  try {
    report['startRssMB'] = mb((await health(plain.url)).rssBytes);
    report['phases'] = await runPhases(plain, PHASES, scale, connections);
  } finally {
    await plain.stop();
  }
  const validating = await startMock(values.bin, ['--validate-responses']);
  try {
    report['validating'] = await runPhases(validating, [VALIDATOR_PHASE], scale, connections);
  } finally {
    await validating.stop();
  }
  console.log(JSON.stringify(report, null, 2));
}

await main();
