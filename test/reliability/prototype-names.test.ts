/**
 * Names a client chooses (excluded fields, `truto_key_by`, users, `remote_query` keys,
 * `Prefer` values) drawn from the properties every object and array inherits: no 5xx, no
 * crash, every answer honouring the contract, with `--validate-responses` on. And the real
 * `serve --workers 2`: hostile requests do not kill a worker, and a worker that dies anyway
 * is replaced, up to a limit, with a log line.
 */
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { ACCOUNT, AUTH, NOW, UNIFIED_PATH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const INHERITED_NAMES = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)]),
];
/** Real fields, arrays among them, for a name to be dotted onto. */
const FIELDS = ['id', 'user', 'user.id', 'user.emails', 'metrics', 'additional_metrics', 'remote_data'];
const NESTED = [...FIELDS, 'remote_data.personInteractionStats', 'personInteractionStats', 'userId'];
const FORMATS = ['unified', 'raw', 'normalized', 'stream', 'debug'];

const name = fc.constantFrom(...INHERITED_NAMES);
const field = fc.oneof(
  name,
  fc.tuple(fc.constantFrom(...NESTED), name).map(([parent, child]) => `${parent}.${child}`),
  fc.tuple(name, name).map(([a, b]) => `${a}.${b}`),
);

type Pairs = Array<[string, string]>;
/** Query pairs that put an inherited name where a client chooses a name. */
const hostilePairs: fc.Arbitrary<Pairs> = fc.oneof(
  fc.array(field, { minLength: 1, maxLength: 3 }).map((fields): Pairs => [['truto_exclude_fields', fields.join(',')]]),
  fc
    .array(field, { minLength: 1, maxLength: 3 })
    .map((fields) => fields.map((f): [string, string] => ['truto_exclude_fields[]', f])),
  fc.oneof(name, field).map((key): Pairs => [['truto_key_by', key]]),
  name.map((n): Pairs => [['truto_response_format', n]]),
  fc
    .constantFrom('users[%s]', 'users[][%s]', 'users[0][%s]', 'users')
    .chain((form) => name.map((n): Pairs => (form === 'users' ? [['users', n]] : [[form.replace('%s', n), '1']]))),
  fc
    .constantFrom('remote_query[%s]', 'remote_query[filter][%s]', 'remote_query[%s][%s]')
    .chain((form) => name.map((n): Pairs => [[form.replaceAll('%s', n), '2026-10-01']])),
  name.map((n): Pairs => [['remote_query[filter][userIds][]', n]]),
  name.map((n): Pairs => [['__scenario', n]]),
  name.map((n): Pairs => [[n, '1']]),
);
const hostileRequest = fc.record({
  format: fc.constantFrom(...FORMATS),
  pairs: hostilePairs,
  prefer: fc.option(
    name.chain((n) => fc.constantFrom(`scenario=${n}`, `${n}=1`, `scenario="${n}"`, n)),
    { nil: undefined },
  ),
});

/** The pairs with brackets left readable, as clients send them. */
function url(pairs: Pairs): string {
  const query = pairs.map(
    ([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`,
  );
  return `${UNIFIED_PATH}?${query.join('&')}`;
}

type Entry = { path: string; query: string; violations: unknown[] };

/** Every journal entry, page after page. */
async function journal(app: ReturnType<typeof mockApp>): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const res = await request(app).get(`/__admin/requests?next_cursor=${cursor}`);
    expect(res.status, res.text).toBe(200);
    const body = res.body as { requests: Entry[]; next_cursor?: string | null };
    entries.push(...body.requests);
    cursor = body.next_cursor ?? null;
  }
  return entries;
}

describe('inherited names wherever a client chooses a name, with validateResponses', () => {
  it('never get a 5xx, and every answer honours the contract', async () => {
    const app = mockApp({ validateResponses: true, journalSize: 10_000 });
    await fc.assert(
      fc.asyncProperty(hostileRequest, async ({ format, pairs, prefer }) => {
        const base = Object.entries(october({ truto_response_format: format, limit: '3' }));
        const req = request(app)
          .get(url([...base, ...pairs]))
          .set(AUTH);
        const res = await (prefer === undefined ? req : req.set('Prefer', prefer));
        // A scenario the request asked for by name is the only way to a 5xx, and no inherited name is one.
        expect(res.status, res.text).toBeLessThan(500);
      }),
      { numRuns: 400, seed: 19 },
    );
    await fc.assert(
      fc.asyncProperty(name, name, async (filterKey, topKey) => {
        const body = `{"filter":{"fromDate":"2026-10-01","toDate":"2026-11-01",${JSON.stringify(filterKey)}:1},${JSON.stringify(topKey)}:{"x":1}}`;
        const res = await request(app)
          .post(`/gong/${ACCOUNT}/v2/stats/interaction`)
          .auth('k', 's')
          .set('Content-Type', 'application/json')
          .send(body);
        expect(res.status, res.text).toBeLessThan(500);
      }),
      { numRuns: 100, seed: 19 },
    );
    const requests = await journal(app);
    expect(requests.length).toBeGreaterThan(400);
    for (const entry of requests) expect(entry.violations, `${entry.path}?${entry.query}`).toEqual([]);
  });

  it('say which excluded field reaches inside a list: a 400, not a 500', async () => {
    const app = mockApp({ validateResponses: true });
    const cases: Array<[string, string, string]> = [
      ['unified', 'user.emails.length', 'user.emails'],
      ['normalized', 'additional_metrics.length', 'additional_metrics'],
      ['stream', 'additional_metrics.push', 'additional_metrics'],
      ['debug', 'remote_data.personInteractionStats.length', 'remote_data.personInteractionStats'],
      ['raw', 'personInteractionStats.length', 'personInteractionStats'],
    ];
    for (const [format, excluded, list] of cases) {
      const res = await request(app)
        .get(unifiedUrl(october({ truto_response_format: format, truto_exclude_fields: `id,${excluded}` })))
        .set(AUTH);
      expect(res.status, res.text).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringContaining(`truto_exclude_fields: "${excluded}" is not excludable: ${list} is a list`),
      });
    }
    // The list itself can go.
    const whole = await request(app)
      .get(unifiedUrl(october({ truto_exclude_fields: 'user.emails,additional_metrics', limit: '2' })))
      .set(AUTH);
    expect(whole.status).toBe(200);
    expect(whole.body.result[0].user).toEqual({ id: expect.any(String) });
    expect(whole.body.result[0]).not.toHaveProperty('additional_metrics');
  });
});

/** GETs on a connection of its own, so the cluster hands requests to every worker in turn. */
async function getFresh(base: string, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base}${path}`, { headers: { ...AUTH, Connection: 'close' } });
  return { status: res.status, body: await res.text() };
}

/** The pids answering health checks, asking until `expected` of them answered (a new worker takes a moment). */
async function workerPids(base: string, expected: number[] = []): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < 200 && (pids.size < 2 || !expected.every((pid) => pids.has(pid))); i++) {
    pids.add((JSON.parse((await getFresh(base, '/__admin/health')).body) as { pid: number }).pid);
    if (i >= 12) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return pids;
}

describe('serve --validate-responses --workers 2', () => {
  it('survives hostile requests, and replaces a killed worker up to --worker-restarts', async () => {
    const cli = spawnCli([
      'serve',
      ...['--port', '0', '--now', NOW, '--validate-responses', '--workers', '2', '--worker-restarts', '1'],
    ]);
    try {
      const [, base = ''] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      await cli.waitFor(/\(2 workers\)/);
      const hostile = ['toString.x', 'hasOwnProperty.x', 'valueOf.x', 'user.emails.length', 'constructor.x'];
      for (const format of ['unified', 'stream']) {
        for (const excluded of hostile) {
          // Twice: one for each worker.
          for (let i = 0; i < 2; i++) {
            const res = await getFresh(
              base,
              unifiedUrl(october({ truto_response_format: format, truto_exclude_fields: excluded, limit: '2' })),
            );
            expect(res.status, res.body).toBeLessThan(500);
          }
        }
      }
      const before = await workerPids(base);
      expect(before.size).toBe(2);
      expect(cli.output()).not.toMatch(/exited/);

      const [first, second] = [...before] as [number, number];
      process.kill(first, 'SIGKILL');
      const [, replacement = ''] = await cli.waitFor(
        new RegExp(`worker ${first} exited with signal SIGKILL; replaced by worker (\\d+) \\(1 of 1 replacements\\)`),
      );
      const after = await workerPids(base, [Number(replacement)]);
      expect(after).toEqual(new Set([second, Number(replacement)]));

      process.kill(Number(replacement), 'SIGKILL');
      await cli.waitFor(new RegExp(`worker ${replacement} exited with signal SIGKILL; not replaced`));
      expect((await getFresh(base, '/__admin/health')).status).toBe(200);

      process.kill(second, 'SIGKILL');
      expect(await cli.exited).toBe(1);
      expect(cli.output()).toMatch(/every worker has exited; the server is down/);
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
    }
  }, 60_000);
});
