/**
 * What differs between an unrecorded request and a recorded one, in words a reader can act on
 * (WireMock's near misses, for this API's parameters), and how far apart they are.
 */
import type { RequestKey } from './request-key.js';

/**
 * A recorded request close to the one asked, and what differs.
 *
 * @example
 * const miss: NearMiss = { request: 'GET /unified/...?limit=25', differences: ['limit: asked "50", recorded "25"'], distance: 1 };
 */
export interface NearMiss {
  /** The recorded request (method, path and query as recorded). */
  request: string;
  differences: string[];
  distance: number;
}

function valuesByName(pairs: RequestKey['pairs']): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [name, value] of pairs) values.set(name, [...(values.get(name) ?? []), value]);
  return values;
}

const shown = (values: string[]) => values.map((value) => JSON.stringify(value)).join(', ');

/**
 * The differences between the request asked and a recorded one; distance counts them, a
 * different path or method weighing most.
 *
 * @example
 * compareKeys(asked, recorded); // { differences: ['truto_response_format: asked "raw", recorded "unified"'], distance: 1 }
 */
export function compareKeys(asked: RequestKey, recorded: RequestKey): { differences: string[]; distance: number } {
  const differences: string[] = [];
  let distance = 0;
  if (asked.method !== recorded.method) {
    differences.push(`method: asked ${asked.method}, recorded ${recorded.method}`);
    distance += 10;
  }
  if (asked.path !== recorded.path) {
    differences.push(`path: asked ${asked.path}, recorded ${recorded.path}`);
    distance += 10;
  }
  if (asked.token !== recorded.token) {
    const say = (token: string) => (token === 'none' ? 'no token' : `a ${token} token`);
    differences.push(`token: asked with ${say(asked.token)}, recorded with ${say(recorded.token)}`);
    distance += 1;
  }
  const mine = valuesByName(asked.pairs);
  const theirs = valuesByName(recorded.pairs);
  for (const name of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    const a = mine.get(name);
    const r = theirs.get(name);
    if (a !== undefined && r !== undefined && shown(a) === shown(r)) continue;
    distance += 1;
    if (r === undefined) differences.push(`${name}: asked ${shown(a ?? [])}, not in the recorded request`);
    else if (a === undefined) differences.push(`${name}: recorded ${shown(r)}, not asked`);
    else differences.push(`${name}: asked ${shown(a)}, recorded ${shown(r)}`);
  }
  return { differences, distance };
}
