/**
 * What changed between two JSON values, as JSON pointers: `mapping test --diff` shows how an
 * override's records differ from the base mapping's.
 */

/** One difference: the pointer, and the value on each side (absent: undefined). */
export interface JsonChange {
  pointer: string;
  before: unknown;
  after: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Every leaf that differs (an array is compared item by item).
 *
 * @example
 * jsonChanges({ a: 1, b: 2 }, { a: 1, c: 3 }); // [{ pointer: '/b', before: 2, after: undefined }, { pointer: '/c', before: undefined, after: 3 }]
 */
export function jsonChanges(before: unknown, after: unknown, pointer = ''): JsonChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) =>
      jsonChanges(
        Object.hasOwn(before, key) ? before[key] : undefined,
        Object.hasOwn(after, key) ? after[key] : undefined,
        `${pointer}/${escapeToken(key)}`,
      ),
    );
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => jsonChanges(before[i], after[i], `${pointer}/${i}`)).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ pointer, before, after }];
}

/** A value as a diff line shows it: JSON, or `(absent)`. */
export function shown(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}
