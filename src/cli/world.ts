/**
 * `interactions-kit world`: `init` writes the embedded default world as a world file to start
 * from; `check` validates a world file and prints each problem with its line and column.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { WorldFileError } from '../world-file/located-problem.js';
import { loadWorldFile } from '../world-file/load-world-file.js';
import { worldInitText } from '../world-file/world-init-text.js';
import { createWorld } from '../world/world.js';
import { CliError } from './cli-error.js';
import type { Command } from './command.js';
import { parseFlags } from './flags.js';
import { mappingProblems } from './check-mappings.js';

const HELP = `Usage: interactions-kit world init [--out FILE] [--force]
       interactions-kit world check FILE

  init    write the embedded default world as a world file (default: to stdout)
          --out FILE   write it to FILE (refuses to overwrite one unless --force)
  check   validate a world file: each problem with its line, column and path (an account's
          mapping: expressions are compiled too); exit 1 if any`;

function init(args: string[]): number {
  const values = parseFlags(args, {
    out: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    console.log(HELP);
    return 0;
  }
  const text = worldInitText();
  if (values.out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  if (existsSync(values.out) && values.force !== true)
    throw new CliError(`${values.out} already exists; pass --force to overwrite it`, 1);
  writeFileSync(values.out, text);
  console.error(
    `wrote the default world to ${values.out}; serve it with: interactions-kit serve --world ${values.out}`,
  );
  return 0;
}

async function check(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    console.log(HELP);
    return 0;
  }
  if (args.length !== 1 || args[0]?.startsWith('-'))
    throw new CliError('world check takes one world file: world check FILE');
  const file = args[0] as string;
  try {
    const document = loadWorldFile(file);
    const world = createWorld({ document });
    // An account's mapping: is checked as serve checks it: compiled, each failure placed.
    const problems = await mappingProblems({ server: undefined, files: undefined, world: document, worldFile: file });
    if (problems.length > 0) {
      for (const problem of problems) console.error(problem);
      console.error(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      return 1;
    }
    const users = world.accounts.reduce((sum, account) => sum + account.userCount, 0);
    console.log(`${file}: ok (seed ${world.seed}, ${world.accounts.length} accounts, ${users} users)`);
    return 0;
  } catch (error) {
    if (!(error instanceof WorldFileError)) throw error;
    console.error(error.message);
    const count = error.problems.length;
    console.error(`${file}: ${count} problem${count === 1 ? '' : 's'}`);
    return 1;
  }
}

export const worldCommand: Command = {
  summary: 'write a world file to start from, or check one',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub === 'init') return init(rest);
    if (sub === 'check') return check(rest);
    if (sub === '--help' || sub === '-h') {
      console.log(HELP);
      return 0;
    }
    throw new CliError(
      sub === undefined
        ? 'world needs a subcommand: init or check'
        : `unknown world subcommand "${sub}": init or check`,
    );
  },
};
