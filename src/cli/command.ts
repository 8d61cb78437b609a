/**
 * What every CLI command is: the entry (`main.ts`) picks one by name and runs it. Its own file,
 * so commands import the shape without importing the entry that imports them.
 *
 * @example
 * export const helloCommand: Command = { summary: 'say hello', run: async () => 0 };
 */
export interface Command {
  /** One line for `--help`. */
  summary: string;
  /** Runs with the arguments after the command's name; resolves with the exit code. */
  run(args: string[]): Promise<number>;
}
