/**
 * Readers for the shapes the unified endpoint's parameters take. Each returns the value or a
 * problem that names the parameter as the client wrote it.
 */
import { spell, type QueryEntry } from './parse-query-string.js';

/**
 * A parameter's value, or the sentence saying why it cannot be read (for a 400).
 *
 * @example
 * ```ts
 * const read: Read<string | undefined> = readScalar('start_time', entries);
 * if ('problem' in read) return invalidParameters([read.problem]);
 * ```
 */
export type Read<T> = { value: T } | { problem: string };

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_ITEMS = 1000;

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

/**
 * Whether a parameter was sent once, without brackets, and empty (`limit=`). An empty optional
 * parameter means the parameter is absent, as an empty `next_cursor` does for the TypeScript
 * SDK's first request; one rule for every parameter, so `limit=` and `truto_key_by=` agree.
 */
export function isEmptyParameter(entries: QueryEntry[] | undefined): boolean {
  return entries?.length === 1 && entries[0]?.segments.length === 0 && entries[0].value === '';
}

/** A parameter that takes one plain value: `start_time=...`; empty is absent. */
export function readScalar(name: string, entries: QueryEntry[] | undefined): Read<string | undefined> {
  if (entries === undefined || isEmptyParameter(entries)) return { value: undefined };
  const first = entries[0] as QueryEntry;
  if (first.segments.length > 0) return { problem: `${spell(first)}: ${name} takes a single value, not brackets` };
  if (entries.length > 1) return { problem: `${name}: given ${entries.length} times; send it once` };
  return { value: first.value };
}

/** `true` or `false`; absent is undefined. */
export function readBoolean(name: string, raw: string | undefined): Read<boolean | undefined> {
  if (raw === undefined) return { value: undefined };
  if (raw === 'true') return { value: true };
  if (raw === 'false') return { value: false };
  return { problem: `${name}: must be true or false, got ${quote(raw)}` };
}

/**
 * `users` in the two encodings clients send: `users[][id]=1&users[][id]=2` (documented, Python
 * SDK) and `users[0][id]=1&users[1][id]=2` (TypeScript SDK's qs). A user is an object with a
 * required `id`; its other properties (a client passing back the `user` objects it received,
 * `users[0][name]=Jon`, `users[0][emails][0][email]=...`) are ignored, not refused.
 */
export function readUsers(entries: QueryEntry[] | undefined): Read<string[] | undefined> {
  if (entries === undefined || isEmptyParameter(entries)) return { value: undefined };
  const indexed = new Map<number, string | undefined>();
  const appended: string[] = [];
  let appendedOther: QueryEntry | undefined;
  for (const entry of entries) {
    const [first, second, ...rest] = entry.segments;
    const where = spell(entry);
    const index = first !== undefined && /^\d{1,4}$/.test(first) ? Number(first) : undefined;
    if ((first !== '' && index === undefined) || second === undefined) {
      return { problem: `${where}: unknown form; send users[][id]=123 or users[0][id]=123` };
    }
    if (second !== 'id') {
      // Another property of the user object: read past it.
      if (index === undefined) appendedOther ??= entry;
      else if (!indexed.has(index)) indexed.set(index, undefined);
      continue;
    }
    if (rest.length > 0) return { problem: `${where}: a user's id is one value, e.g. users[][id]=123` };
    const id = entry.value.trim();
    if (id === '') return { problem: `${where}: a user id must not be empty` };
    if (index === undefined) appended.push(id);
    else if (indexed.get(index) !== undefined) return { problem: `${where}: users[${index}] is given twice` };
    else indexed.set(index, id);
  }
  const ordered = [...indexed.entries()].sort((a, b) => a[0] - b[0]);
  const withoutId = ordered.find(([, id]) => id === undefined);
  if (withoutId !== undefined)
    return { problem: `users[${withoutId[0]}]: has no id; send users[${withoutId[0]}][id]=123` };
  if (appendedOther !== undefined && appended.length === 0)
    return { problem: `${spell(appendedOther)}: a user needs an id; send users[][id]=123` };
  const ids = [...ordered.map(([, id]) => id as string), ...appended];
  if (ids.length > MAX_ITEMS) return { problem: `users: at most ${MAX_ITEMS} users, got ${ids.length}` };
  return { value: [...new Set(ids)] };
}

/** `truto_exclude_fields[]=a&truto_exclude_fields[]=b` or `truto_exclude_fields=a,b`. */
export function readFieldList(name: string, entries: QueryEntry[] | undefined): Read<string[] | undefined> {
  if (entries === undefined) return { value: undefined };
  const fields: string[] = [];
  for (const entry of entries) {
    const [first, ...rest] = entry.segments;
    if (rest.length > 0 || (first !== undefined && first !== '' && !/^\d{1,4}$/.test(first))) {
      return { problem: `${spell(entry)}: send ${name}[]=field or ${name}=a,b` };
    }
    for (const raw of entry.value.split(',')) {
      const field = raw.trim();
      if (field === '') continue;
      if (!FIELD_PATH.test(field) || field.split('.').some((part) => UNSAFE_KEYS.has(part))) {
        return { problem: `${name}: ${quote(field)} is not a field name` };
      }
      fields.push(field);
    }
  }
  if (fields.length > MAX_ITEMS) return { problem: `${name}: at most ${MAX_ITEMS} fields` };
  return { value: [...new Set(fields)] };
}

type Nested = { [key: string]: Nested | string | string[] };

/** The largest index qs (the TypeScript SDK's encoder, and the usual reader) reads as a list's. */
const LIST_INDEX_MAX = 20;
/** An index as qs reads one: digits without a leading zero. */
const LIST_INDEX = /^(0|[1-9]\d?)$/;

/**
 * Nodes keyed only by list indexes (0 to 20, as qs reads them) as lists, in index order with
 * the gaps closed: the TypeScript SDK sends a list as `a[0]=x&a[1]=y`, and Gong takes lists
 * (`filter.userIds`). A node mixing indexes and names stays an object, as it does in qs.
 */
function listsOf(node: Nested): Nested | string[] | Nested[] {
  listsIn(node);
  const keys = Object.keys(node);
  const indexed = keys.every((key) => LIST_INDEX.test(key) && Number(key) <= LIST_INDEX_MAX);
  if (!indexed) return node;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => node[String(index)]) as string[] | Nested[];
}

/** listsOf over each of the node's objects, in place. */
function listsIn(node: Nested): void {
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (typeof value === 'object' && !Array.isArray(value)) node[key] = listsOf(value) as Nested;
  }
}

/**
 * `remote_query[a][b]=c` as `{ a: { b: 'c' } }`; `remote_query[a][]=1` and
 * `remote_query[a][0]=1` as lists (see listsOf). The top level stays an object: it is merged
 * into Gong's body.
 */
export function readNestedObject(
  name: string,
  entries: QueryEntry[] | undefined,
): Read<Record<string, unknown> | undefined> {
  if (entries === undefined || isEmptyParameter(entries)) return { value: undefined };
  const root: Nested = Object.create(null) as Nested;
  for (const entry of entries) {
    const where = spell(entry);
    const path = entry.segments;
    if (path.length === 0 || path[0] === '')
      return { problem: `${where}: ${name} takes keys, e.g. ${name}[key]=value` };
    if (path.length > 6) return { problem: `${where}: nested too deeply` };
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i] as string;
      const last = i === path.length - 1;
      if (UNSAFE_KEYS.has(key)) return { problem: `${where}: ${quote(key)} is not allowed as a key` };
      // `[]` appends, only as the last segment: the key before it takes the value and the walk
      // ends there, so no key here is ever '' (a leading `[]` is refused above).
      const nextIsAppend = path[i + 1] === '';
      const existing = node[key];
      if (nextIsAppend && i + 1 !== path.length - 1) return { problem: `${where}: [] may only come last` };
      if (last || nextIsAppend) {
        if (nextIsAppend) {
          if (existing === undefined) node[key] = [entry.value];
          else if (Array.isArray(existing)) existing.push(entry.value);
          else return { problem: `${where}: conflicts with another ${name} parameter` };
          break;
        }
        if (existing !== undefined)
          return { problem: `${where}: given twice or conflicts with another ${name} parameter` };
        node[key] = entry.value;
        break;
      }
      if (existing === undefined) node = node[key] = Object.create(null) as Nested;
      else if (typeof existing === 'object' && !Array.isArray(existing)) node = existing;
      else return { problem: `${where}: conflicts with another ${name} parameter` };
    }
  }
  listsIn(root);
  return { value: root };
}
