/**
 * The shape of JSON bodies, not their values: each field's dotted path (`result[].user.id`,
 * `[]` for an array's items) with the JSON types seen there, merged over every body given.
 * Two shapes compare by the fields one has and the other lacks, and by types that never meet.
 */

/** Path -> JSON types seen there (`string`, `number`, `boolean`, `null`, `object`, `array`). */
export type JsonShape = Map<string, Set<string>>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Adds `value`'s fields to `shape` (a new shape when none is given).
 *
 * @example
 * shapeOf({ result: [{ id: 'a' }] }); // Map { '' => {object}, 'result' => {array}, 'result[]' => {object}, 'result[].id' => {string} }
 */
export function shapeOf(value: unknown, shape: JsonShape = new Map(), path = ''): JsonShape {
  const types = shape.get(path) ?? new Set<string>();
  types.add(typeOf(value));
  shape.set(path, types);
  if (Array.isArray(value)) {
    for (const item of value) shapeOf(item, shape, `${path}[]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) shapeOf(item, shape, path === '' ? key : `${path}.${key}`);
  }
  return shape;
}

/** The path a field sits under: `a.b[]` for `a.b[].c`, `a` for `a.b`, `` at the top. */
function parentOf(path: string): string {
  if (path.endsWith('[]')) return path.slice(0, -2);
  const dot = path.lastIndexOf('.');
  const bracket = path.lastIndexOf('[]');
  return dot === -1 ? (bracket === -1 ? '' : path.slice(0, bracket + 2)) : path.slice(0, dot);
}

/** Whether a parent was an object (or, for `[]`, a non-empty array) on this side. */
function parentHolds(shape: JsonShape, path: string): boolean {
  if (path.endsWith('[]')) return shape.has(path);
  const parent = parentOf(path);
  return shape.get(parent)?.has('object') === true;
}

/**
 * How `actual` differs in shape from `expected`: a field one side has where the other side's
 * parent had room for it, or types that never meet (null aside, as a missing value is a value).
 *
 * @example
 * compareShapes(shapeOf(recorded), shapeOf(mock), 'recording', 'mock');
 * // ['result[].timezone: the mock has it (string), the recording does not']
 */
export function compareShapes(a: JsonShape, b: JsonShape, aName: string, bName: string): string[] {
  const differences: string[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (path === '') continue;
    const inA = a.get(path);
    const inB = b.get(path);
    const show = (types: Set<string>) => [...types].sort().join('|');
    if (inA !== undefined && inB === undefined) {
      if (parentHolds(b, path)) differences.push(`${path}: the ${aName} has it (${show(inA)}), the ${bName} does not`);
      continue;
    }
    if (inB !== undefined && inA === undefined) {
      if (parentHolds(a, path)) differences.push(`${path}: the ${bName} has it (${show(inB)}), the ${aName} does not`);
      continue;
    }
    const typesA = [...inA!].filter((type) => type !== 'null');
    const typesB = [...inB!].filter((type) => type !== 'null');
    if (typesA.length > 0 && typesB.length > 0 && !typesA.some((type) => typesB.includes(type)))
      differences.push(`${path}: ${show(inA!)} in the ${aName}, ${show(inB!)} in the ${bName}`);
  }
  return differences;
}
