/**
 * A world file's text into a world document, checked. YAML is read with js-yaml (an order of
 * magnitude faster than the `yaml` library on large files; its core schema keeps dates as
 * text), JSON with JSON.parse; problems are then placed in the text (locate-problems.ts).
 * Portable: no file system here, so the console can check a text too.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import type { WorldDocument } from '../generated/world-document.js';
import { resolveWorldDocument } from '../world/resolve-world-document.js';
import type { ResolvedWorld, WorldOverrides } from '../world/resolved-world.js';
import { duplicateJsonKey } from './json-duplicate-keys.js';
import { locateProblems } from './locate-problems.js';
import type { LocatedProblem } from './located-problem.js';

/**
 * A world file's text, read: the document and its resolution, or every problem with its place.
 *
 * @example
 * ```ts
 * const read: WorldText = parseWorldText('seed: 7\n', 'world.yaml');
 * ```
 */
export type WorldText = { document: WorldDocument; world: ResolvedWorld } | { problems: LocatedProblem[] };

/** Problems as an editor lists them: by line, then column (a problem with no place last). */
function inFileOrder(problems: LocatedProblem[]): LocatedProblem[] {
  const place = (problem: LocatedProblem) => (problem.line ?? Infinity) * 1e6 + (problem.column ?? 0);
  return problems.sort((a, b) => place(a) - place(b));
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  for (const child of Object.values(value)) deepFreeze(child);
  Object.freeze(value);
}

const EMPTY =
  'the file is empty: a world file is a mapping such as `accounts:` (interactions-kit world init writes one)';

/** Nothing but blanks (and, in YAML, comments). */
function isBlank(text: string, json: boolean): boolean {
  return json ? text.trim() === '' : text.split(/\r\n|\r|\n/).every((line) => /^\s*(#.*)?$/.test(line));
}

/** Line and column (1-based) of an offset in the text. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** JSON.parse names the offset of its complaint in its message: turned into a line and column. */
function jsonSyntaxProblem(text: string, error: SyntaxError): LocatedProblem {
  const position = /position (\d+)/.exec(error.message)?.[1];
  const reason = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  const place = position === undefined ? placeOf(text, text.length) : placeOf(text, Number(position));
  return { path: [], message: `not valid JSON: ${reason}`, ...place };
}

function syntaxProblem(error: unknown, language: 'YAML' | 'JSON'): LocatedProblem {
  if (error instanceof YAMLException) {
    const { mark } = error;
    return {
      path: [],
      message: `not valid ${language}: ${error.reason}`,
      ...(mark === undefined ? {} : { line: mark.line + 1, column: mark.column + 1 }),
    };
  }
  return { path: [], message: `not valid ${language}: ${(error as Error).message}` };
}

/**
 * Reads and checks a world file's text; `.json` names are read as JSON, anything else as YAML
 * (which JSON also is).
 *
 * @example
 * const read = parseWorldText('accounts:\n  - id: x\n', 'world.yaml');
 * 'problems' in read && read.problems[0]; // { path: ['accounts', 0, 'id'], message: 'must be a UUID ...', line: 2, column: 9 }
 */
export function parseWorldText(text: string, name: string, overrides: WorldOverrides = {}): WorldText {
  const json = name.toLowerCase().endsWith('.json');
  if (isBlank(text, json)) return { problems: [{ path: [], message: EMPTY, line: 1, column: 1 }] };
  let value: unknown;
  try {
    value = json ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA, filename: name });
  } catch (error) {
    if (error instanceof SyntaxError) return { problems: [jsonSyntaxProblem(text, error)] };
    return { problems: [syntaxProblem(error, 'YAML')] };
  }
  const duplicate = json ? duplicateJsonKey(text) : undefined;
  if (duplicate !== undefined)
    return {
      problems: [
        {
          path: [],
          message: `not valid here: the key "${duplicate.key}" is given twice in one object`,
          ...placeOf(text, duplicate.offset),
        },
      ],
    };
  // Frozen, so the engine built from it may trust it unchanged and skip checking it again.
  deepFreeze(value);
  const resolved = resolveWorldDocument(value, overrides);
  if ('problems' in resolved) return { problems: inFileOrder(locateProblems(text, resolved.problems)) };
  return { document: value as WorldDocument, world: resolved.world };
}
