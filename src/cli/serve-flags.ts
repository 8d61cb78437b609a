/**
 * The flags of `interactions-kit serve`, read and checked into app options.
 */
import type { AppOptions } from '../server/options.js';
import { parseFaultRates, readFaultRates } from '../faults/fault-rates.js';
import { parseLatency } from '../faults/latency.js';
import { parseDateTime } from '../world/date-time.js';
import { parseStoreUrl, type StoreSpec } from '../store/open-store.js';
import { CliError } from './cli-error.js';
import { parseFlags, parseIntegerFlag } from './flags.js';
import { parseRealityFlags, type RealityFlags } from './reality-flags.js';
import type { MappingKind } from '../unified/mapping-texts.js';
import { MappingDirError, readMappingDir } from '../mapping-files/read-mapping-dir.js';

const LOG_LEVELS = ['silent', 'info', 'debug'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];
/** Largest byte bound a flag takes (1 TiB): above any machine's memory, still a safe integer. */
const MAX_BOUND_BYTES = 2 ** 40;

export const SERVE_HELP = `Usage: interactions-kit serve [flags]

  --port N          port to listen on (default 4010; 0 picks a free one)
  --host HOST       address to listen on (default 127.0.0.1)
  --world FILE      serve this world file (YAML or JSON; see \`interactions-kit world init\`)
                    instead of the embedded default world
  --watch           with --world: reload the file when it is saved (a broken save keeps the
                    last good world and says why)
  --mapping DIR     override the Gong mapping server-wide: DIR holds query_mapping.jsonata and/or
                    response_mapping.jsonata (JSONata); a world file's account may override it in turn
  --seed N          seed of the world (default: the world file's, else 42)
  --token T         accepted API token; repeat for several (default: any non-empty token)
  --now DATE-TIME   the current instant for Gong's "toDate not after today" rule (default: the world
                    file's \`now\`, else the clock)
  --secret S        secret that signs cursors (default: derived from the seed)
  --log-level L     silent | info | debug (default info; debug logs every request)
  --latency SPEC    added latency: MS, MIN..MAX or lognormal:MEDIAN[:SIGMA] (default none)
  --fault-rate R    share (0-1) of Gong calls that fail with 500 (default 0); or shares of API
                    requests by scenario, seeded: connection-reset:0.01,remote-error:0.02
  --rate-limit gong enforce Gong's limits: 3 calls a second, 10,000 a day per account
  --journal-size N  requests kept by GET /__admin/requests (default 1000)
  --journal-bytes N     bytes the journal's entries may weigh together (default 8388608, 8 MiB)
  --page-cache-bytes N  bytes of cached pages, keys included (default 67108864, 64 MiB)
  --window-cache-bytes N  bytes of cached Gong stats windows, keys included (default 16777216, 16 MiB)
  --validate-responses  check every response against openapi.yaml; violations go to the journal and the log
  --admin-from-anywhere answer /__admin from any address, not only loopback
  --base-url URL    origin clients reach the mock at (default http://HOST:PORT as listened): named in
                    debug.requestUrl and gongBaseUrl, and the one Host besides loopback /__admin answers
  --workers N       serve from N processes sharing the port (node:cluster); cursors work across them,
                    and the workers share one state (the journal, rate limits, fault sequences)
  --store URL       where that shared state lives: memory (default, this server alone) or
                    redis://[:PASSWORD@]HOST:PORT[/DB], shared by every instance using the same Redis and world
  --instance NAME   this instance's name in the journal and /__admin/health (default HOSTNAME:PID)
  --worker-restarts N  with --workers: replace a worker that dies, at most N times (default 10)
  --replay DIR      answer from a recording (\`interactions-kit record --out DIR\`): recorded requests get the
                    recorded status, headers and bytes; others a 404 naming the closest recorded requests
  --replay-fallback world  with --replay: answer unrecorded requests from the world instead
  --proxy URL       forward API requests to URL (the real service) with the client's own token, return its
                    answers unchanged, and put contract violations in the journal and the log
  --record DIR      with --proxy: save every exchange into DIR, as \`record\` does`;

/** The flags of `serve`, read. */
export interface ServeFlags {
  port: number;
  /** Processes serving the port; 1 serves from this process. */
  workers: number;
  /** With workers: how many dead workers are replaced over the server's life. */
  workerRestarts: number;
  host: string;
  logLevel: LogLevel;
  /** The world file to serve, if any (`app.world` holds it once read). */
  worldFile: string | undefined;
  /** Reload the world file on save. */
  watch: boolean;
  /** `--mapping DIR`'s files by kind (`app.mapping` holds their texts), for messages naming them. */
  mappingFiles?: Partial<Record<MappingKind, string>>;
  app: AppOptions;
  /** `--replay`, `--proxy`: the real service's doors, when asked for. */
  reality?: RealityFlags;
  /** `--store`: where shared state lives. */
  store: StoreSpec;
}

/** `--fault-rate`: a share of Gong calls (`0.05`), or shares by kind (`connection-reset:0.01,...`). */
function readFaultRateFlag(text: string | undefined): number | Record<string, number> | undefined {
  if (text === undefined) return undefined;
  if (/^(0(\.\d+)?|1(\.0+)?)$/.test(text)) return Number(text);
  if (!text.includes(':'))
    throw new CliError(
      `--fault-rate must be a number from 0 to 1, or kind:share pairs such as connection-reset:0.01,remote-error:0.02; got ${JSON.stringify(text)}`,
    );
  const parsed = parseFaultRates(text);
  const read = 'problem' in parsed ? parsed : readFaultRates(parsed.rates);
  if ('problem' in read) throw new CliError(`--fault-rate: ${read.problem}`);
  return 'rates' in parsed ? parsed.rates : undefined;
}

/**
 * `--mapping DIR`, read; throws CliError for a folder that is missing, empty or holds a file
 * that is not a mapping.
 *
 * @example
 * readMappingFlag('mappings/acme')?.texts.response_mapping;
 */
export function readMappingFlag(dir: string | undefined): ReturnType<typeof readMappingDir> | undefined {
  if (dir === undefined) return undefined;
  if (dir === '')
    throw new CliError('--mapping needs a folder holding query_mapping.jsonata and/or response_mapping.jsonata');
  try {
    return readMappingDir(dir);
  } catch (error) {
    if (error instanceof MappingDirError) throw new CliError(`--mapping: ${error.message}`);
    throw error;
  }
}

/** Reads `serve`'s flags; throws CliError on a bad one. */
export function parseServeFlags(args: string[]): ServeFlags | 'help' {
  const values = parseFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    seed: { type: 'string' },
    world: { type: 'string' },
    watch: { type: 'boolean' },
    mapping: { type: 'string' },
    token: { type: 'string', multiple: true },
    now: { type: 'string' },
    secret: { type: 'string' },
    'log-level': { type: 'string' },
    latency: { type: 'string' },
    'fault-rate': { type: 'string' },
    'rate-limit': { type: 'string' },
    'journal-size': { type: 'string' },
    'journal-bytes': { type: 'string' },
    'page-cache-bytes': { type: 'string' },
    'window-cache-bytes': { type: 'string' },
    'validate-responses': { type: 'boolean' },
    'admin-from-anywhere': { type: 'boolean' },
    'base-url': { type: 'string' },
    workers: { type: 'string' },
    'worker-restarts': { type: 'string' },
    store: { type: 'string' },
    instance: { type: 'string' },
    replay: { type: 'string' },
    'replay-fallback': { type: 'string' },
    proxy: { type: 'string' },
    record: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  if (values.world === '') throw new CliError('--world needs a file: a world file in YAML or JSON');
  if (values.watch === true && values.world === undefined)
    throw new CliError('--watch reloads a world file: give one with --world FILE');
  const logLevel = (values['log-level'] ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  if (values.now !== undefined && parseDateTime(values.now) === undefined) {
    throw new CliError(`--now must be a date-time such as 2026-11-24T00:00:00Z, got ${values.now}`);
  }
  if (values.token?.some((token) => token === '')) throw new CliError('--token must not be empty');
  if (values.latency !== undefined) {
    const latency = parseLatency(values.latency);
    if ('problem' in latency) throw new CliError(`--${latency.problem}`);
  }
  const faultRate = readFaultRateFlag(values['fault-rate']);
  if (values['rate-limit'] !== undefined && values['rate-limit'] !== 'gong') {
    throw new CliError(
      `--rate-limit takes "gong" (Gong's documented limits), got ${JSON.stringify(values['rate-limit'])}`,
    );
  }
  const store = parseStoreUrl(values.store ?? 'memory');
  if ('problem' in store) throw new CliError(`--store ${store.problem}`);
  const { instance } = values;
  if (instance !== undefined && !/^[^\s\x00-\x1f]{1,200}$/.test(instance))
    throw new CliError(
      `--instance must be a name of 1 to 200 characters without spaces, got ${JSON.stringify(instance)}`,
    );
  const bytes = (name: string, raw: string) => parseIntegerFlag(name, raw, 0, 0, MAX_BOUND_BYTES);
  const {
    'journal-bytes': journalBytes,
    'page-cache-bytes': pageCacheBytes,
    'window-cache-bytes': windowCacheBytes,
  } = values;
  const app: AppOptions = {
    // Absent, the seed is the world file's (or 42).
    ...(values.seed === undefined
      ? {}
      : { seed: parseIntegerFlag('--seed', values.seed, 42, 0, Number.MAX_SAFE_INTEGER) }),
    ...(values.token === undefined ? {} : { tokens: values.token }),
    ...(values.now === undefined ? {} : { now: values.now }),
    ...(values.secret === undefined ? {} : { secret: values.secret }),
    ...(values.latency === undefined ? {} : { latency: values.latency }),
    ...(faultRate === undefined ? {} : { faultRate }),
    ...(values['rate-limit'] === undefined ? {} : { rateLimit: 'gong' as const }),
    journalSize: parseIntegerFlag('--journal-size', values['journal-size'], 1000, 0, 1_000_000),
    // Absent, a store's byte bound is left to createApp's default.
    ...(journalBytes === undefined ? {} : { journalBytes: bytes('--journal-bytes', journalBytes) }),
    ...(pageCacheBytes === undefined ? {} : { pageCacheBytes: bytes('--page-cache-bytes', pageCacheBytes) }),
    ...(windowCacheBytes === undefined ? {} : { windowCacheBytes: bytes('--window-cache-bytes', windowCacheBytes) }),
    validateResponses: values['validate-responses'] === true,
    adminFromAnywhere: values['admin-from-anywhere'] === true,
    ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
    ...(instance === undefined ? {} : { instance }),
  };
  const reality = parseRealityFlags(values);
  const mapping = readMappingFlag(values.mapping);
  if (mapping !== undefined) app.mapping = mapping.texts;
  return {
    ...(mapping === undefined ? {} : { mappingFiles: mapping.files }),
    ...(reality === undefined ? {} : { reality }),
    store,
    port: parseIntegerFlag('--port', values.port, 4010, 0, 65535),
    workers: parseIntegerFlag('--workers', values.workers, 1, 1, 64),
    workerRestarts: parseIntegerFlag('--worker-restarts', values['worker-restarts'], 10, 0, 1000),
    host: values.host ?? '127.0.0.1',
    logLevel,
    worldFile: values.world,
    watch: values.watch === true,
    app,
  };
}
