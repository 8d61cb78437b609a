/**
 * A world file's problem with its place in the file: line and column (1-based, as editors
 * count) besides its path in the document.
 */
import { formatWorldProblem, type WorldProblem } from '../world/world-problems.js';

/**
 * One problem of a world file.
 *
 * @example
 * ```ts
 * const problem: LocatedProblem = { path: ['accounts', 0, 'timezone'], message: 'unknown key (did you mean timeZone?)', line: 4, column: 5 };
 * ```
 */
export interface LocatedProblem extends WorldProblem {
  /** 1-based line, when the text could be read that far. */
  line?: number;
  /** 1-based column. */
  column?: number;
}

/**
 * `world.yaml:4:5: accounts[0].timezone: unknown key (did you mean timeZone?)`.
 *
 * @example
 * formatLocatedProblem('world.yaml', { path: ['seed'], message: 'must be a whole number', line: 1, column: 7 });
 */
export function formatLocatedProblem(file: string, problem: LocatedProblem): string {
  const place = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
  return problem.path.length === 0 ? `${place}: ${problem.message}` : `${place}: ${formatWorldProblem(problem)}`;
}

/**
 * A world file that cannot be served: every problem, each with its place in the file.
 *
 * @example
 * ```ts
 * try { loadWorldFile('world.yaml'); } catch (error) { if (error instanceof WorldFileError) console.error(error.message); }
 * ```
 */
export class WorldFileError extends Error {
  override name = 'WorldFileError';
  readonly file: string;
  readonly problems: readonly LocatedProblem[];

  constructor(file: string, problems: readonly LocatedProblem[]) {
    super(problems.map((problem) => formatLocatedProblem(file, problem)).join('\n'));
    this.file = file;
    this.problems = problems;
  }
}
