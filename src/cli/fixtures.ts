/**
 * `interactions-kit fixtures`: writes (or checks) the golden fixtures, or, with `--records`,
 * streams a large data set to a file. Parses flags, calls src/fixtures, and returns the exit
 * code; all the work is in the library.
 */
import { GoldenWorldError } from '../fixtures/collect-golden-fixtures.js';
import { FIXTURES_NOW } from '../fixtures/golden-set.js';
import { LargeDatasetError } from '../fixtures/large-dataset.js';
import { createProgressBar } from '../fixtures/progress-bar.js';
import { checkGoldenFixtures, writeGoldenFixtures } from '../fixtures/write-golden-fixtures.js';
import { DATASET_FORMATS, writeLargeDataset, type DatasetFormat } from '../fixtures/write-large-dataset.js';
import { SymlinkRefusedError } from '../fixtures/write-no-follow.js';
import { parseDateTime } from '../world/date-time.js';
import type { WorldDocument } from '../generated/world-document.js';
import { WorldFileError } from '../world-file/located-problem.js';
import { loadWorldFile } from '../world-file/load-world-file.js';
import { CliError } from './cli-error.js';
import { parseFlags, parseIntegerFlag } from './flags.js';
import type { Command } from './command.js';

const HELP = `Usage: interactions-kit fixtures [flags]
       interactions-kit fixtures --records N --out FILE [flags]

Golden fixtures (every request and its answer, written as JSON below a directory):
  --out DIR          directory to write (default fixtures)
  --world FILE       answer from this world file (default: the embedded default world)
  --seed N           seed of the world (default: the world file's, else 42)
  --now DATE-TIME    the mock's current instant (default ${FIXTURES_NOW})
  --check            write nothing; exit 1 when DIR differs from a fresh run

Large data set (unified interaction records, streamed to one file):
  --records N        how many records
  --out FILE         file to write
  --format F         ndjson (default) or json (one array)
  --world FILE       records of this world file (default: the embedded default world)
  --seed N           seed of the world (default: the world file's, else 42)
  --account ID       only this integrated account (default: every healthy account)
  --user-count N     users per account, for more records per day (default: each account's own)
  --now DATE-TIME    the walk goes back day by day from here (default ${FIXTURES_NOW})`;

/** Golden-fixture flags, read. */
export interface GoldenFlags {
  kind: 'golden';
  outDir: string;
  /** The world file, if any. */
  world: string | undefined;
  /** Undefined: the world's seed (42 by default). */
  seed: number | undefined;
  now: string;
  check: boolean;
}

/** Large-data-set flags, read. */
export interface LargeDatasetFlags {
  kind: 'large';
  records: number;
  out: string;
  format: DatasetFormat;
  world: string | undefined;
  seed: number | undefined;
  now: string;
  account: string | undefined;
  userCount: number | undefined;
}

const LARGE_ONLY = ['format', 'account', 'user-count'] as const;

/** Reads `fixtures`' flags; throws CliError on a bad one. */
export function parseFixturesFlags(args: string[]): GoldenFlags | LargeDatasetFlags | 'help' {
  const values = parseFlags(args, {
    out: { type: 'string' },
    seed: { type: 'string' },
    world: { type: 'string' },
    now: { type: 'string' },
    check: { type: 'boolean' },
    records: { type: 'string' },
    format: { type: 'string' },
    account: { type: 'string' },
    'user-count': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  const seed =
    values.seed === undefined ? undefined : parseIntegerFlag('--seed', values.seed, 42, 0, Number.MAX_SAFE_INTEGER);
  const { world } = values;
  if (world === '') throw new CliError('--world needs a file: a world file in YAML or JSON');
  const now = values.now ?? FIXTURES_NOW;
  if (parseDateTime(now) === undefined) {
    throw new CliError(`--now must be a date-time such as ${FIXTURES_NOW}, got ${JSON.stringify(now)}`);
  }
  if (values.out === '') throw new CliError('--out must not be empty');

  if (values.records === undefined) {
    const stray = LARGE_ONLY.find((name) => values[name] !== undefined);
    if (stray !== undefined) throw new CliError(`--${stray} goes with --records (the large data set)`);
    return { kind: 'golden', outDir: values.out ?? 'fixtures', world, seed, now, check: values.check === true };
  }
  if (values.check === true) throw new CliError('--check is for the golden fixtures, not with --records');
  if (values.out === undefined) throw new CliError('--records needs --out FILE');
  const format = (values.format ?? 'ndjson') as DatasetFormat;
  if (!DATASET_FORMATS.includes(format)) {
    throw new CliError(`--format must be one of ${DATASET_FORMATS.join(', ')}, got ${JSON.stringify(values.format)}`);
  }
  return {
    kind: 'large',
    records: parseIntegerFlag('--records', values.records, 0, 1, 1_000_000_000),
    out: values.out,
    format,
    world,
    seed,
    now,
    account: values.account,
    userCount:
      values['user-count'] === undefined
        ? undefined
        : parseIntegerFlag('--user-count', values['user-count'], 0, 1, 100_000),
  };
}

/** A file-system failure (a missing directory, no permission) as a one-line CLI error. */
function fileError(error: unknown, path: string): unknown {
  if (error instanceof SymlinkRefusedError) return new CliError(error.message, 1);
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && (error as NodeJS.ErrnoException).syscall !== undefined
    ? new CliError(`cannot write ${path}: ${(error as Error).message}`, 1)
    : error;
}

/** The world file's document, or undefined without --world; a bad file is every problem, exit 1. */
function readWorld(file: string | undefined, seed: number | undefined): WorldDocument | undefined {
  if (file === undefined) return undefined;
  try {
    return loadWorldFile(file, seed === undefined ? {} : { seed });
  } catch (error) {
    if (error instanceof WorldFileError) throw new WorldProblems(error);
    throw error;
  }
}

/** A world file's problems, printed one a line by the command (a CliError is one line). */
class WorldProblems extends Error {
  constructor(readonly error: WorldFileError) {
    super(error.message);
  }
}

async function runGolden(flags: GoldenFlags): Promise<number> {
  const world = readWorld(flags.world, flags.seed);
  const seed = flags.seed ?? world?.seed ?? 42;
  const options = { outDir: flags.outDir, seed, now: flags.now, ...(world === undefined ? {} : { world }) };
  if (flags.check) {
    const differences = await checkGoldenFixtures(options);
    if (differences.length === 0) {
      console.log(`${flags.outDir} holds the golden fixtures of seed ${seed}`);
      return 0;
    }
    for (const { file, problem } of differences) console.error(`${problem}: ${flags.outDir}/${file}`);
    console.error(`${flags.outDir} differs from a fresh run; run interactions-kit fixtures --out ${flags.outDir}`);
    return 1;
  }
  const files = await writeGoldenFixtures(options).catch((error: unknown) => {
    if (error instanceof GoldenWorldError) throw new CliError(error.message, 1);
    throw fileError(error, flags.outDir);
  });
  const from = flags.world === undefined ? '' : `, world ${flags.world}`;
  console.log(`wrote ${files.length} fixture files to ${flags.outDir} (seed ${seed}${from}, now ${flags.now})`);
  return 0;
}

async function runLarge(flags: LargeDatasetFlags): Promise<number> {
  const world = readWorld(flags.world, flags.seed);
  const bar = createProgressBar({ total: flags.records });
  try {
    const { records, bytes } = await writeLargeDataset({
      records: flags.records,
      out: flags.out,
      format: flags.format,
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      ...(world === undefined ? {} : { world }),
      now: flags.now,
      ...(flags.account === undefined ? {} : { account: flags.account }),
      ...(flags.userCount === undefined ? {} : { userCount: flags.userCount }),
      onProgress: (written) => bar.update(written),
    });
    bar.finish();
    console.error(`wrote ${records} records (${(bytes / 1e6).toFixed(1)} MB) to ${flags.out}`);
    return 0;
  } catch (error) {
    bar.finish();
    if (error instanceof LargeDatasetError) throw new CliError(error.message, 1);
    throw fileError(error, flags.out);
  }
}

export const fixturesCommand: Command = {
  summary: 'write golden fixtures, or a large data set with --records',
  async run(args) {
    const flags = parseFixturesFlags(args);
    if (flags === 'help') {
      console.log(HELP);
      return 0;
    }
    try {
      return await (flags.kind === 'golden' ? runGolden(flags) : runLarge(flags));
    } catch (error) {
      if (!(error instanceof WorldProblems)) throw error;
      console.error(error.message);
      console.error(`interactions-kit fixtures: the world file has problems; nothing written`);
      return 1;
    }
  },
};
