/**
 * `interactions-kit mapping test`: runs the Gong mapping (the kit's base, a `--mapping DIR`
 * override, a world file's account override) over the world's Gong pages for one account and
 * window, prints the unified records (or, with `--diff`, how they differ from the base
 * mapping's) and every contract violation with its record and pointer. Exit 1 on a violation
 * or an expression error, 2 on bad flags: the command a team runs in CI on its mapping repo.
 */
import { loadContract, type Diagnostic } from '../contract/index.js';
import { recordAtPointer } from '../contract/record-at-pointer.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import type { WorldDocument } from '../generated/world-document.js';
import type { JsonataLoader } from '../mapping/jsonata-loader.js';
import { MAPPING_KINDS } from '../unified/mapping-texts.js';
import { WorldFileError } from '../world-file/located-problem.js';
import { loadWorldFile } from '../world-file/load-world-file.js';
import { DEFAULT_WORLD } from '../world/default-world.js';
import { parseWindowTime } from '../world/date-time.js';
import { mappingProblems } from './check-mappings.js';
import { CliError } from './cli-error.js';
import type { Command } from './command.js';
import { parseFlags } from './flags.js';
import { jsonChanges, shown } from './json-diff.js';
import { readMappingFlag } from './serve-flags.js';

const HELP = `Usage: interactions-kit mapping test --account ID --start TIME --end TIME [flags]

  Runs the Gong mapping over the world's Gong pages for one account and window, prints the
  unified records (one JSON line each) and every contract violation; exit 1 on a violation or
  an expression error, 2 on bad flags.

  --mapping DIR   the server-wide override: DIR holds query_mapping.jsonata and/or
                  response_mapping.jsonata (default: none, the kit's own mapping)
  --world FILE    the world file (default: the embedded default world); its account's
                  mapping: overrides --mapping
  --account ID    the integrated_account_id whose Gong pages are mapped
  --start TIME    start_time of the window (e.g. 2026-10-01T00:00:00Z)
  --end TIME      end_time of the window
  --diff          print how the records differ from the base mapping's instead of the records`;

/** Where the command writes; tests capture it. Default: the process's stdout and stderr. */
export interface MappingTestIo {
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Loads JSONata (tests inject one without `@truto/truto-jsonata`). Default: the installed packages. */
  loader?: JsonataLoader;
}

const PAGE_PATH = '/unified/conversational-intelligence/interactions';

/** Every record of the window, page by page, or the error answer that stopped the walk. */
async function walk(
  engine: Engine,
  query: string,
): Promise<{ pages: Array<{ url: string; body: string; status: number; headers: Record<string, string> }> }> {
  const pages = [];
  let cursor: string | undefined;
  do {
    const url = `${PAGE_PATH}?${query}&limit=100${cursor === undefined ? '' : `&next_cursor=${encodeURIComponent(cursor)}`}`;
    const answer = await engine.answer({ method: 'GET', url, headers: { authorization: 'Bearer mapping-test' } });
    const body = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
    pages.push({ url, body, status: answer.status, headers: answer.headers });
    if (answer.status !== 200) break;
    const next = (JSON.parse(body) as { next_cursor: string | null }).next_cursor;
    cursor = next ?? undefined;
  } while (cursor !== undefined);
  return { pages };
}

/** The world document without any account's mapping: the base mapping's world. */
function withoutMappings(document: WorldDocument): WorldDocument {
  return {
    ...document,
    ...(document.accounts === undefined
      ? {}
      : { accounts: document.accounts.map(({ mapping: _mapping, ...account }) => account) }),
  };
}

/**
 * Runs `mapping test` with `args` (after `mapping test`); resolves to the exit code.
 *
 * @example
 * await runMappingTest(['--mapping', 'mappings/acme', '--account', id, '--start', '2026-10-01', '--end', '2026-11-01']);
 */
export async function runMappingTest(args: string[], io: MappingTestIo = {}): Promise<number> {
  const { out = (line) => console.log(line), err = (line) => console.error(line), loader } = io;
  const values = parseFlags(args, {
    mapping: { type: 'string' },
    world: { type: 'string' },
    account: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    diff: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    out(HELP);
    return 0;
  }
  for (const name of ['account', 'start', 'end'] as const)
    if (values[name] === undefined || values[name] === '') throw new CliError(`--${name} is required\n${HELP}`);
  for (const name of ['start', 'end'] as const)
    if (parseWindowTime(values[name] as string) === undefined)
      throw new CliError(`--${name} must be a date-time such as 2026-10-01T00:00:00Z (or a date), got ${values[name]}`);
  const mapping = readMappingFlag(values.mapping);
  let world: WorldDocument = DEFAULT_WORLD;
  if (values.world !== undefined) {
    try {
      world = loadWorldFile(values.world);
    } catch (error) {
      if (!(error instanceof WorldFileError)) throw error;
      err(error.message);
      return 2;
    }
  }
  const accountId = (values.account as string).toLowerCase();
  const engineOptions = { world, ...(mapping === undefined ? {} : { mapping: mapping.texts }) };
  const engine = createEngine(engineOptions, loader === undefined ? {} : { jsonataLoader: loader });
  if (engine.world.account(accountId) === undefined)
    throw new CliError(`--account: the world has no account ${values.account}`);

  const problems = await mappingProblems({
    server: mapping?.texts,
    files: mapping?.files,
    world: values.world === undefined ? undefined : world,
    worldFile: values.world,
    ...(loader === undefined ? {} : { loader }),
  });
  if (problems.length > 0) {
    for (const problem of problems) err(problem);
    return 1;
  }
  const query = new URLSearchParams({
    integrated_account_id: accountId,
    start_time: values.start as string,
    end_time: values.end as string,
  }).toString();
  const { pages } = await walk(engine, query);
  const failed = pages.find((page) => page.status !== 200);
  if (failed !== undefined) {
    const message = (JSON.parse(failed.body) as { message?: string }).message ?? failed.body;
    err(`mapping test: ${failed.status}: ${message}`);
    // A 400 is the flags' fault (a window the unified API refuses); anything else, the mapping's
    // (a query_mapping Gong refuses is a 422) or the account's.
    return failed.status === 400 ? 2 : 1;
  }
  const records = pages.flatMap((page) => (JSON.parse(page.body) as { result: unknown[] }).result);
  const contract = loadContract();
  const violations: Array<{ page: number; diagnostic: Diagnostic; record: unknown }> = [];
  pages.forEach((page, i) => {
    const diagnostics = contract.validateResponse({
      method: 'GET',
      path: page.url,
      status: page.status,
      headers: page.headers,
      body: page.body,
    });
    const parsed: unknown = JSON.parse(page.body);
    for (const diagnostic of diagnostics)
      violations.push({ page: i + 1, diagnostic, record: recordAtPointer(parsed, diagnostic.pointer) });
  });

  if (values.diff === true) {
    const base = createEngine({ world: withoutMappings(world) });
    const baseRecords = (await walk(base, query)).pages.flatMap((page) =>
      page.status === 200 ? (JSON.parse(page.body) as { result: unknown[] }).result : [],
    );
    printDiff(baseRecords, records, out);
  } else for (const record of records) out(JSON.stringify(record));

  for (const { page, diagnostic, record } of violations) {
    out(`violation: page ${page} ${diagnostic.pointer}: ${diagnostic.message} (${diagnostic.rule})`);
    if (record !== undefined) out(`  record: ${JSON.stringify(record)}`);
  }
  const mapper = engine.mappings?.forAccount(accountId);
  const layers = MAPPING_KINDS.map((kind) => `${kind} from ${mapper?.layers[kind] ?? 'base'}`).join(', ');
  err(
    `mapping test: ${records.length} record${records.length === 1 ? '' : 's'} in ${pages.length} page${pages.length === 1 ? '' : 's'} (${layers}), ${violations.length} violation${violations.length === 1 ? '' : 's'}`,
  );
  return violations.length > 0 ? 1 : 0;
}

function idOf(record: unknown, index: number): string {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : `#${index}`;
}

/** `+` a record only the override makes, `-` one only the base makes, `~` one that changed. */
function printDiff(base: unknown[], mapped: unknown[], out: (line: string) => void): void {
  const before = new Map(base.map((record, i) => [idOf(record, i), record]));
  const after = new Map(mapped.map((record, i) => [idOf(record, i), record]));
  let same = 0;
  for (const [id, record] of after) {
    if (!before.has(id)) out(`+ ${JSON.stringify(record)}`);
    else {
      const changes = jsonChanges(before.get(id), record);
      if (changes.length === 0) same += 1;
      else {
        out(`~ ${id}`);
        for (const change of changes) out(`    ${change.pointer}: ${shown(change.before)} -> ${shown(change.after)}`);
      }
    }
  }
  for (const [id, record] of before) if (!after.has(id)) out(`- ${JSON.stringify(record)}`);
  out(`= ${same} record${same === 1 ? '' : 's'} unchanged`);
}

export const mappingCommand: Command = {
  summary: 'test mapping overrides offline over the world',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'test') return runMappingTest(rest);
    if (sub === undefined || sub === '--help' || sub === '-h') {
      console.log(HELP);
      return sub === undefined ? 2 : 0;
    }
    throw new CliError(`unknown subcommand "${sub}": mapping test --account ID --start TIME --end TIME`);
  },
};
