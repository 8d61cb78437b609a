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
  let value: unknown;
  try {
    value = name.toLowerCase().endsWith('.json')
      ? JSON.parse(text)
      : load(text, { schema: CORE_SCHEMA, filename: name });
  } catch (error) {
    if (error instanceof SyntaxError) {
      // JSON.parse says little about where: read it again as YAML for a line and column.
      try {
        load(text, { schema: CORE_SCHEMA, json: true });
      } catch (located) {
        return { problems: [syntaxProblem(located, 'JSON')] };
      }
      return { problems: [{ path: [], message: `not valid JSON: ${error.message}` }] };
    }
    return { problems: [syntaxProblem(error, 'YAML')] };
  }
  // Frozen, so the engine built from it may trust it unchanged and skip checking it again.
  deepFreeze(value);
  const resolved = resolveWorldDocument(value, overrides);
  if ('problems' in resolved) return { problems: inFileOrder(locateProblems(text, resolved.problems)) };
  return { document: value as WorldDocument, world: resolved.world };
}
