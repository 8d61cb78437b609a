/**
 * `interactions-kit serve`: the mock on a real port. Parses flags, builds the app with
 * `createApp`, listens, prints where it is and how to call it, and closes cleanly on
 * SIGINT/SIGTERM.
 */
import cluster from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, requestListener } from '../server/create-app.js';
import type { AppOptions } from '../server/options.js';
import { DEFAULT_ACCOUNT_ID } from '../world/account-spec.js';
import { createWorld } from '../world/world.js';
import { CliError } from './cli-error.js';
import type { Command } from './main.js';
import { parseFlags, parseIntegerFlag } from './flags.js';
import { runPrimary, runWorker } from './serve-cluster.js';
import { parseLatency } from '../faults/latency.js';

const LOG_LEVELS = ['silent', 'info', 'debug'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

const HELP = `Usage: interactions-kit serve [flags]

  --port N          port to listen on (default 4010; 0 picks a free one)
  --host HOST       address to listen on (default 127.0.0.1)
  --seed N          seed of the world (default 42)
  --token T         accepted API token; repeat for several (default: any non-empty token)
  --now DATE-TIME   the current instant for Gong's "toDate not after today" rule (default: the clock)
  --secret S        secret that signs cursors (default: derived from the seed)
  --log-level L     silent | info | debug (default info; debug logs every request)
  --latency SPEC    added latency: MS, MIN..MAX or lognormal:MEDIAN[:SIGMA] (default none)
  --fault-rate R    share (0-1) of Gong calls that fail with 500 (default 0)
  --rate-limit gong enforce Gong's limits: 3 calls a second, 10,000 a day per account
  --journal-size N  requests kept by GET /__admin/requests (default 1000)
  --validate-responses  check every response against openapi.yaml; violations go to the journal and the log
  --admin-from-anywhere answer /__admin from any address, not only loopback
  --workers N       serve from N processes sharing the port (node:cluster); cursors work across them`;

/** The flags of `serve`, read. */
export interface ServeFlags {
  port: number;
  /** Processes serving the port; 1 serves from this process. */
  workers: number;
  host: string;
  logLevel: LogLevel;
  app: AppOptions;
}

/** Reads `serve`'s flags; throws CliError on a bad one. */
export function parseServeFlags(args: string[]): ServeFlags | 'help' {
  const values = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    token: { type: 'string', multiple: true },
    now: { type: 'string' },
    secret: { type: 'string' },
    'log-level': { type: 'string' },
    latency: { type: 'string' },
    'fault-rate': { type: 'string' },
    'rate-limit': { type: 'string' },
    'journal-size': { type: 'string' },
    'validate-responses': { type: 'boolean' },
    'admin-from-anywhere': { type: 'boolean' },
    workers: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  const logLevel = (values['log-level'] ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  if (values.now !== undefined && !Number.isFinite(Date.parse(values.now))) {
    throw new CliError(`--now must be a date-time such as 2026-11-24T00:00:00Z, got ${values.now}`);
  }
  if (values.token?.some((token) => token === '')) throw new CliError('--token must not be empty');
  if (values.latency !== undefined) {
    const latency = parseLatency(values.latency);
    if ('problem' in latency) throw new CliError(`--${latency.problem}`);
  }
  const faultRate = values['fault-rate'];
  if (faultRate !== undefined && !/^(0(\.\d+)?|1(\.0+)?)$/.test(faultRate)) {
    throw new CliError(`--fault-rate must be a number from 0 to 1, got ${JSON.stringify(faultRate)}`);
  }
  if (values['rate-limit'] !== undefined && values['rate-limit'] !== 'gong') {
    throw new CliError(
      `--rate-limit takes "gong" (Gong's documented limits), got ${JSON.stringify(values['rate-limit'])}`,
    );
  }
  const app: AppOptions = {
    seed: parseIntegerFlag('--seed', values.seed, 42, 0, Number.MAX_SAFE_INTEGER),
    ...(values.token === undefined ? {} : { tokens: values.token }),
    ...(values.now === undefined ? {} : { now: values.now }),
    ...(values.secret === undefined ? {} : { secret: values.secret }),
    ...(values.latency === undefined ? {} : { latency: values.latency }),
    ...(faultRate === undefined ? {} : { faultRate: Number(faultRate) }),
    ...(values['rate-limit'] === undefined ? {} : { rateLimit: 'gong' as const }),
    journalSize: parseIntegerFlag('--journal-size', values['journal-size'], 1000, 0, 1_000_000),
    validateResponses: values['validate-responses'] === true,
    adminFromAnywhere: values['admin-from-anywhere'] === true,
  };
  return {
    port: parseIntegerFlag('--port', values.port, 4010, 0, 65535),
    workers: parseIntegerFlag('--workers', values.workers, 1, 1, 64),
    host: values.host ?? '127.0.0.1',
    logLevel,
    app,
  };
}

/** A listening mock. */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listens with `flags`; rejects with a CliError when the port is busy or the host is wrong. */
export async function startServer(flags: ServeFlags): Promise<RunningServer> {
  const app = createApp(flags.app);
  // Large enough for the longest query string the unified layer reads, so it can answer 414 itself.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, requestListener(app));
  if (flags.logLevel === 'debug') {
    server.on('request', (req, res) => {
      const started = performance.now();
      res.on('finish', () => {
        console.log(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
      });
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new CliError(`port ${flags.port} on ${flags.host} is already in use; pick another with --port`, 1));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new CliError(`cannot listen on host ${flags.host}`, 1));
      else if (error.code === 'EACCES') reject(new CliError(`not allowed to listen on port ${flags.port}`, 1));
      else reject(error);
    });
    server.listen(flags.port, flags.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The banner printed on start: where the mock is, its accounts, and a curl to paste. */
export function banner(url: string, flags: ServeFlags): string {
  const token = flags.app.tokens?.[0] ?? 'any-token';
  const world = createWorld({ seed: flags.app.seed ?? 42 });
  return [
    `interactions-kit mock listening on ${url} (seed ${world.seed})`,
    `  unified: ${url}/unified/conversational-intelligence/interactions`,
    `  gong:    ${url}/gong/{integrated_account_id}/v2/stats/interaction and /v2/users`,
    `  admin:   ${url}/__admin/accounts, ${url}/__admin/health`,
    '',
    'Accounts (integrated_account_id):',
    ...world.accounts.map(
      (account) =>
        `  ${account.id}  ${account.name}, ${account.userCount} users, ${account.timeZone}${account.id === DEFAULT_ACCOUNT_ID ? ' (default)' : ''}`,
    ),
    '',
    'Try:',
    `  curl -H 'Authorization: Bearer ${token}' '${url}/unified/conversational-intelligence/interactions?integrated_account_id=${DEFAULT_ACCOUNT_ID}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=2'`,
  ].join('\n');
}

/** Waits for SIGINT or SIGTERM. */
export function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}

export const serveCommand: Command = {
  summary: 'run the mock server',
  async run(args) {
    const flags = parseServeFlags(args);
    if (flags === 'help') {
      console.log(HELP);
      return 0;
    }
    if (cluster.isWorker) return runWorker(flags);
    if (flags.workers > 1) return runPrimary(flags, banner);
    const running = await startServer(flags);
    if (flags.logLevel !== 'silent') console.log(banner(running.url, flags));
    const signal = await nextStopSignal();
    await running.close();
    if (flags.logLevel !== 'silent') console.log(`interactions-kit: ${signal}, stopped`);
    return 0;
  },
};
