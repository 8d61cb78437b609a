/**
 * Finds where in a world file's text each problem's path points, with the `yaml` library's
 * document model (it keeps every node's place; JSON is YAML here). Only run when a file has
 * problems: loading a good file never pays for it.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { WorldProblem } from '../world/world-problems.js';
import type { LocatedProblem } from './located-problem.js';

/** Texts past this size are not re-read for places: the paths alone still say where. */
const MAX_LOCATED_BYTES = 32 * 1024 * 1024;

function pairOf(node: unknown, key: string | number): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key)) return item;
  }
  return undefined;
}

/** The node a path names, or the deepest one on the way; for the last key, its value if a scalar, else the key. */
function offsetOf(root: unknown, { path, atKey }: WorldProblem): number | undefined {
  let node = root;
  let offset = (root as Node | null)?.range?.[0];
  for (const [index, part] of path.entries()) {
    const last = index === path.length - 1;
    if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (item === undefined) break;
      node = item;
      offset = item.range?.[0] ?? offset;
      continue;
    }
    const pair = pairOf(node, part);
    if (pair === undefined) break;
    const value = pair.value as Node | null;
    offset =
      last && atKey !== true && isScalar(value)
        ? (value.range?.[0] ?? offset)
        : ((pair.key as Node).range?.[0] ?? offset);
    node = value;
  }
  return offset;
}

/**
 * The problems with line and column added where the text shows them.
 *
 * @example
 * locateProblems('accounts:\n  - id: x\n', [{ path: ['accounts', 0, 'id'], message: 'must be a UUID' }])[0]?.line; // 2
 */
export function locateProblems(text: string, problems: readonly WorldProblem[]): LocatedProblem[] {
  if (text.length > MAX_LOCATED_BYTES) return [...problems];
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, keepSourceTokens: false });
  return problems.map((problem) => {
    const offset = offsetOf(document.contents, problem);
    if (offset === undefined) return problem;
    const { line, col } = lineCounter.linePos(offset);
    return { ...problem, line, column: col };
  });
}
