/**
 * The CLI's single entry: picks the command, runs it, and returns the exit code.
 * Commands parse their own flags and never call process.exit, so tests can call them directly.
 */
import { readFileSync } from 'node:fs';
import { CliError } from './cli-error.js';
import type { Command } from './command.js';

export type { Command } from './command.js';

const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).serveCommand,
  fixtures: async () => (await import('./fixtures.js')).fixturesCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  world: async () => (await import('./world.js')).worldCommand,
  record: async () => (await import('./record.js')).recordCommand,
  mapping: async () => (await import('./mapping-test.js')).mappingCommand,
};

function usage(): string {
  return [
    'Usage: interactions-kit <command> [flags]',
    '',
    'Commands:',
    '  serve      run the mock server (default 127.0.0.1:4010, seed 42)',
    '  fixtures   write golden fixtures, or a large data set with --records',
    '  verify     check a target (this mock, Prism, the real service) against the contract',
    '  record     record the real service into a folder (replay it with serve --replay, check it with verify --recording)',
    '  world      write a world file to start from (world init), or check one (world check FILE)',
    '  mapping    test mapping overrides offline (mapping test --mapping DIR --account ID --start --end)',
    '',
    'Run `interactions-kit <command> --help` for its flags; `interactions-kit --version` for the version.',
  ].join('\n');
}

/** The kit's own version: package.json is two levels up from both src/cli and dist/cli. */
function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(packageVersion());
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (load === undefined) {
    console.error(`interactions-kit: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await load()).run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      // One line, always: node's own parser messages can span several.
      console.error(`interactions-kit ${name}: ${error.message.replace(/\s*\n\s*/g, ' ')}`);
      return error.exitCode;
    }
    throw error;
  }
}
