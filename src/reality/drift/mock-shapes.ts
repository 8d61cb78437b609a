/**
 * The mock beside the recording: each recorded request asked of the mock's engine, and the two
 * answers compared in shape (status, fields, types), not in values. Pages reached with a cursor
 * the target issued are left out, as no other server can read the target's cursors; a recorded
 * account the mock's world does not know is asked as the mock's default account.
 */
import type { Engine } from '../../engine/create-engine.js';
import { DEFAULT_ACCOUNT_ID } from '../../world/account-spec.js';
import { canonicalCursor, requestKey } from '../../replay/request-key.js';
import type { Recording } from '../../replay/recording.js';
import { bodyValues } from './body-records.js';
import { compareShapes, shapeOf, type JsonShape } from './json-shape.js';

/**
 * Answers a request as the mock would.
 *
 * @example
 * const mock: MockAnswerer = engineAnswerer(createEngine(), recording.info.account);
 */
export type MockAnswerer = (request: {
  method: string;
  url: string;
  headers: Record<string, string>;
}) => Promise<{ status: number; text: string; ndjson: boolean }>;

/**
 * A {@link MockAnswerer} over an engine, the recording's account mapped onto one it knows.
 *
 * @example
 * engineAnswerer(createEngine({ now: recording.info.recordedAt }), recording.info.account);
 */
export function engineAnswerer(engine: Engine, recordedAccount: string): MockAnswerer {
  const known = engine.world.accounts.some((account) => account.id === recordedAccount);
  return async ({ method, url, headers }) => {
    const asked = known ? url : url.split(recordedAccount).join(DEFAULT_ACCOUNT_ID);
    const answer = await engine.answer({ method, url: asked, headers, body: new Uint8Array() });
    let text = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
    if (answer.pages !== undefined) {
      text = '';
      for await (const chunk of answer.pages) text += chunk;
    }
    return { status: answer.status, text, ndjson: /ndjson/i.test(answer.headers['content-type'] ?? '') };
  };
}

/** A keyed `result` (`truto_key_by`) as the list of its records: its keys are values, not fields. */
function unkeyed(value: unknown): unknown {
  const result = (value as { result?: unknown } | null)?.result;
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return value;
  return { ...(value as object), result: Object.values(result) };
}

function shapeOfBody(text: string, ndjson: boolean, keyed: boolean): JsonShape | undefined {
  const values = bodyValues(text, ndjson);
  if (values === undefined) return undefined;
  const shape: JsonShape = new Map();
  for (const value of values) shapeOf(keyed ? unkeyed(value) : value, shape);
  return shape;
}

/** The `next_cursor` values the target handed out, in one spelling. */
function issuedCursors(recording: Recording): Set<string> {
  const issued = new Set<string>();
  for (const exchange of recording.exchanges) {
    const values = bodyValues(exchange.bodyText, false);
    const cursor = (values?.[0] as { next_cursor?: unknown } | undefined)?.next_cursor;
    if (typeof cursor === 'string' && cursor !== '') issued.add(canonicalCursor(cursor));
  }
  return issued;
}

/**
 * Where the mock's answers differ in shape from the recorded ones, one line each.
 *
 * @example
 * await mockShapeDifferences(recording, engineAnswerer(engine, recording.info.account));
 * // ['GET /unified/...: result[].timezone: the mock has it (string), the recording does not']
 */
export async function mockShapeDifferences(recording: Recording, mock: MockAnswerer): Promise<string[]> {
  const issued = issuedCursors(recording);
  const differences: string[] = [];
  for (const exchange of recording.exchanges) {
    const { method, url, headers } = exchange.fixture.request;
    const key = requestKey(method, url, headers);
    if (key.pairs.some(([name, value]) => name === 'next_cursor' && issued.has(value))) continue;
    const label = `${method} ${url}`;
    const answer = await mock({
      method,
      url,
      headers: key.token === 'none' ? {} : { authorization: 'Bearer drift-check' },
    });
    const recorded = exchange.fixture.response;
    if (answer.status !== recorded.status) {
      differences.push(`${label}: recorded ${recorded.status}, the mock answers ${answer.status}`);
      continue;
    }
    const ndjson = /ndjson/i.test(recorded.headers['content-type'] ?? '');
    const keyed = key.pairs.some(([name, value]) => name === 'truto_key_by' && value !== '');
    const theirs = shapeOfBody(exchange.bodyText, ndjson, keyed);
    const ours = shapeOfBody(answer.text, answer.ndjson, keyed);
    if (theirs === undefined || ours === undefined) {
      if ((theirs === undefined) !== (ours === undefined))
        differences.push(`${label}: the ${theirs === undefined ? 'recorded body' : "mock's body"} is not JSON`);
      continue;
    }
    for (const difference of compareShapes(theirs, ours, 'recording', 'mock'))
      differences.push(`${label}: ${difference}`);
  }
  return differences;
}
