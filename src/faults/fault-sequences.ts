/**
 * Fault sequences (WireMock's scenarios, for this API): "the next `times` matching requests,
 * after skipping `after` of them, get `scenario`; then the normal answer". Kept in the store,
 * the sequences as a bounded list and each one's count of matching requests as a counter, so
 * instances sharing a store share them. A request learns its place in a sequence from the
 * store's atomic `incr`, never from a value read before a write: under any concurrency exactly
 * `times` requests fault.
 */
import { SCENARIO_NAMES, isScenarioName, type ScenarioName } from '../scenarios.js';
import type { Store } from '../store/store.js';
import type { AskedScenario } from './request-scenario.js';
import { MAX_WIRE_DURATION_MS } from './wire-fault.js';

/** Sequences kept at most; past it the oldest goes. */
export const MAX_FAULT_SEQUENCES = 1000;
const LIST = 'fault-sequences';
const IDS = 'fault-sequence-ids';
const MAX_COUNT = 1_000_000;

/**
 * A fault sequence as asked for (`POST /__admin/faults`, `faults.add`). Only `scenario` and
 * `times` are required.
 *
 * @example
 * ```ts
 * const spec: FaultSequenceSpec = { scenario: 'rate-limited', times: 2, path: '/unified' };
 * ```
 */
export interface FaultSequenceSpec {
  /** The scenario the matching requests get (any of `GET /__admin/scenarios`). */
  scenario: string;
  /** How many matching requests get it (1 to 1,000,000). */
  times: number;
  /** Matching requests let through first. Default 0. */
  after?: number;
  /** Only requests for this integrated account. Default: any account. */
  account?: string;
  /** Only requests whose path starts with this (`/unified`, `/gong/{id}/v2/users`). Default: any API path. */
  path?: string;
  /** The scenario's `duration` parameter, ms (`slow-body`, `no-response`). Default: the scenario's. */
  duration?: number;
}

/**
 * A sequence as kept, and what is left of it.
 *
 * @example
 * (await faults.list())[0]; // { id: 1, scenario: 'rate-limited', times: 2, after: 0, seen: 1, left: 1 }
 */
export interface FaultSequence {
  id: number;
  scenario: ScenarioName;
  times: number;
  after: number;
  account?: string;
  path?: string;
  duration?: number;
  /** Matching requests so far. */
  seen: number;
  /** Requests still to get the scenario. */
  left: number;
}

type Kept = Omit<FaultSequence, 'seen' | 'left'>;

/**
 * A fault sequence given programmatically that cannot be kept; the message names every problem.
 *
 * @example
 * await faults.add({ scenario: 'meteor', times: 1 }); // rejects: scenario: unknown scenario "meteor"...
 */
export class FaultSequenceError extends Error {
  override name = 'FaultSequenceError';
}

const FIELDS = new Set(['scenario', 'times', 'after', 'account', 'path', 'duration']);

function wholeNumber(value: unknown, name: string, min: number, max: number, problems: string[]) {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    problems.push(`${name}: must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
}

function text(value: unknown, name: string, rule: RegExp, what: string, problems: string[]) {
  if (value === undefined) return;
  if (typeof value !== 'string' || !rule.test(value))
    problems.push(`${name}: must be ${what}, got ${JSON.stringify(value)?.slice(0, 80)}`);
}

/**
 * Checks a sequence as asked for: the sequence to keep (without its id), or every problem.
 *
 * @example
 * readFaultSequenceSpec({ scenario: 'remote-error', times: 1 }); // { spec: { scenario: 'remote-error', times: 1, after: 0 } }
 */
export function readFaultSequenceSpec(input: unknown): { spec: Omit<Kept, 'id'> } | { problems: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { problems: ['the body must be a JSON object: { scenario, times, after?, account?, path?, duration? }'] };
  const given = input as Record<string, unknown>;
  const problems = Object.keys(given)
    .filter((name) => !FIELDS.has(name))
    .map((name) => `${JSON.stringify(name.slice(0, 40))}: not a field of a fault sequence`);
  const { scenario, times, after, account, path, duration } = given;
  if (typeof scenario !== 'string' || !isScenarioName(scenario))
    problems.push(
      `scenario: unknown scenario ${JSON.stringify(scenario)?.slice(0, 60)}; known: ${SCENARIO_NAMES.join(', ')}`,
    );
  if (times === undefined) problems.push('times: required, how many matching requests get the scenario');
  wholeNumber(times, 'times', 1, MAX_COUNT, problems);
  wholeNumber(after, 'after', 0, MAX_COUNT, problems);
  wholeNumber(duration, 'duration', 0, MAX_WIRE_DURATION_MS, problems);
  text(account, 'account', /^[^\s/?#]{1,100}$/, 'an integrated account id', problems);
  text(path, 'path', /^\/[^\s?#]{0,999}$/, 'a path starting with /', problems);
  if (problems.length > 0) return { problems };
  return {
    spec: {
      scenario: scenario as ScenarioName,
      times: times as number,
      after: (after as number | undefined) ?? 0,
      ...(account === undefined ? {} : { account: (account as string).toLowerCase() }),
      ...(path === undefined ? {} : { path: path as string }),
      ...(duration === undefined ? {} : { duration: duration as number }),
    },
  };
}

/**
 * A request as the sequences see it: its path, its account, and the scenarios its route offers.
 *
 * @example
 * ```ts
 * const request: SequencedRequest = { path: '/unified/conversational-intelligence/interactions', account: ACCOUNT, offered: SCENARIO_NAMES };
 * ```
 */
export interface SequencedRequest {
  path: string;
  account: string | undefined;
  offered: readonly ScenarioName[];
}

/**
 * The fault sequences of an engine.
 *
 * @example
 * await engine.faults.add({ scenario: 'rate-limited', times: 2 });
 */
export interface FaultSequences {
  /** Keeps a sequence; rejects with FaultSequenceError naming every problem. */
  add(spec: FaultSequenceSpec): Promise<FaultSequence>;
  /** Every sequence kept, oldest first, with what is left of it. */
  list(): Promise<FaultSequence[]>;
  /** Forgets every sequence; resolves to how many there were. */
  clear(): Promise<number>;
  /**
   * The scenario a request without one of its own gets, if any. The request counts in every
   * sequence it matches; when several would fault it, the oldest one's scenario is given.
   */
  meet(request: SequencedRequest): Promise<AskedScenario | undefined>;
}

const seenKey = (id: number) => `fault-sequence:${id}:seen`;

function matches(sequence: Kept, request: SequencedRequest): boolean {
  if (!request.offered.includes(sequence.scenario)) return false;
  if (sequence.account !== undefined && sequence.account !== request.account) return false;
  return sequence.path === undefined || request.path.startsWith(sequence.path);
}

function withState(sequence: Kept, seen: number): FaultSequence {
  const left = Math.max(0, sequence.times - Math.max(0, seen - sequence.after));
  return { ...sequence, seen, left };
}

/**
 * Fault sequences kept in `store`.
 *
 * @example
 * const faults = createFaultSequences(createMemoryStore());
 * await faults.add({ scenario: 'remote-error', times: 1, after: 2 });
 */
export function createFaultSequences(store: Store): FaultSequences {
  return {
    async add(asked) {
      const read = readFaultSequenceSpec(asked);
      if ('problems' in read) throw new FaultSequenceError(read.problems.join('; '));
      const { value: id } = await store.incr(IDS);
      const sequence: Kept = { id, ...read.spec };
      await store.append(LIST, sequence, { maxItems: MAX_FAULT_SEQUENCES });
      return withState(sequence, 0);
    },
    async list() {
      const kept = await store.list<Kept>(LIST);
      return Promise.all(kept.map(async (sequence) => withState(sequence, await store.count(seenKey(sequence.id)))));
    },
    clear: () => store.clear(LIST),
    async meet(request) {
      const kept = await store.list<Kept>(LIST);
      let chosen: AskedScenario | undefined;
      for (const sequence of kept) {
        if (!matches(sequence, request)) continue;
        const { value: seen } = await store.incr(seenKey(sequence.id));
        if (chosen === undefined && seen > sequence.after && seen <= sequence.after + sequence.times)
          chosen = { scenario: sequence.scenario, durationMs: sequence.duration };
      }
      return chosen;
    },
  };
}
