/**
 * What is wrong with a world document, as data: each problem names its place in the document
 * (a path of keys and list indexes) and says in one sentence what the value must be. A door
 * that has the document's text adds line and column (see world-file/locate-problems.ts).
 */
import { validate } from '../generated/validate-world-document.js';

/**
 * A path into a world document: keys and list indexes, from the top.
 *
 * @example
 * ```ts
 * const path: WorldPath = ['accounts', 0, 'users', 2, 'days', '2026-10-05', 'patience'];
 * ```
 */
export type WorldPath = readonly (string | number)[];

/**
 * One thing wrong with a world document.
 *
 * @example
 * ```ts
 * const problem: WorldProblem = { path: ['accounts', 0, 'timezone'], message: 'unknown key (did you mean timeZone?)' };
 * ```
 */
export interface WorldProblem {
  /** Where in the document. */
  path: WorldPath;
  /** What is wrong, in a sentence. */
  message: string;
  /** The problem is the last key itself (unknown, or not a date), not its value: placed at the key. */
  atKey?: true;
}

/**
 * A path as the messages print it: `accounts[0].users[2].days.2026-10-05.patience`.
 *
 * @example
 * formatWorldPath(['accounts', 0, 'timeZone']); // 'accounts[0].timeZone'
 */
export function formatWorldPath(path: WorldPath): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text === '' ? '(the document)' : text;
}

/**
 * A problem as one line: `accounts[0].timeZone: must be an IANA time zone such as Europe/Berlin`.
 *
 * @example
 * formatWorldProblem({ path: ['seed'], message: 'must be a whole number' }); // 'seed: must be a whole number'
 */
export function formatWorldProblem(problem: WorldProblem): string {
  return `${formatWorldPath(problem.path)}: ${problem.message}`;
}

/** What ajv's standalone validator reports of one failure (`verbose`: with the failing schema). */
interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  parentSchema?: { 'x-expects'?: string; properties?: Record<string, unknown> };
  /** Set when a key (not a value) failed: `propertyNames`. */
  propertyName?: string;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

/** Keys differing only in case, or by one or two typed letters, are likely the one meant. */
function closeEnough(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = row;
  }
  return (previous[b.length] as number) <= 2;
}

function pathOf(document: unknown, pointer: string): (string | number)[] {
  const path: (string | number)[] = [];
  let node = document;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const part = Array.isArray(node) ? Number(key) : key;
    path.push(part);
    node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[part] : undefined;
  }
  return path;
}

function problemOf(document: unknown, error: SchemaError): WorldProblem | undefined {
  const path = pathOf(document, error.instancePath);
  const expects = error.parentSchema?.['x-expects'];
  switch (error.keyword) {
    case 'required':
      return { path: [...path, String(error.params.missingProperty)], message: 'is required' };
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(error.parentSchema?.properties ?? {});
      const meant = known.find((name) => closeEnough(key, name));
      const hint = meant === undefined ? `the keys here are ${known.join(', ')}` : `did you mean ${meant}?`;
      return { path: [...path, key], message: `unknown key (${hint})`, atKey: true };
    }
    case 'propertyNames':
      // The failing name's own `pattern` error says what a name must be.
      return undefined;
    case 'pattern':
      if (error.propertyName !== undefined)
        return { path: [...path, error.propertyName], message: `is not ${expects ?? 'a valid key here'}`, atKey: true };
      return { path, message: `must be ${expects ?? `text matching ${String(error.params.pattern)}`}` };
    case 'enum':
      return { path, message: `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}` };
    case 'type':
      return {
        path,
        message: `must be ${expects ?? TYPE_WORDS[String(error.params.type)] ?? String(error.params.type)}`,
      };
    default:
      // minimum, maximum: the schema says the whole range in words.
      return {
        path,
        message: `must be ${expects ?? `${String(error.params.comparison)} ${String(error.params.limit)}`}`,
      };
  }
}

/**
 * The document's problems of shape: unknown keys, wrong types, values out of range. An empty
 * list means the document has the shape of a world (its meaning is checked when it is built).
 *
 * @example
 * schemaProblems({ accounts: [{ id: 'x' }] })[0]?.message; // 'must be a UUID such as 5c2e8f1a-...'
 */
export function schemaProblems(document: unknown): WorldProblem[] {
  if (validate(document)) return [];
  const errors = (validate as unknown as { errors: SchemaError[] }).errors;
  const problems: WorldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = problemOf(document, error);
    if (problem === undefined) continue;
    const line = formatWorldProblem(problem);
    if (seen.has(line)) continue;
    seen.add(line);
    problems.push(problem);
  }
  return problems;
}
