/**
 * Fault sequences below the doors: the spec checked field by field (every problem named, in
 * order), kept with an id, counted per matching request, and the scenario given to exactly the
 * requests after `after` and up to `after + times`; the oldest sequence wins a tie.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_FAULT_SEQUENCES,
  createFaultSequences,
  readFaultSequenceSpec,
  type SequencedRequest,
} from '../../src/faults/fault-sequences.js';
import { GONG_SCENARIO_NAMES, SCENARIO_NAMES } from '../../src/scenarios.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

const KNOWN = SCENARIO_NAMES.join(', ');
const UNIFIED = '/unified/conversational-intelligence/interactions';
const A = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const unified = (account: string | undefined = A): SequencedRequest => ({
  path: UNIFIED,
  account,
  offered: SCENARIO_NAMES,
});

describe('readFaultSequenceSpec', () => {
  it('fills in after, lower-cases the account, keeps path and duration', () => {
    expect(readFaultSequenceSpec({ scenario: 'remote-error', times: 1 })).toStrictEqual({
      spec: { scenario: 'remote-error', times: 1, after: 0 },
    });
    expect(
      readFaultSequenceSpec({
        scenario: 'slow-body',
        times: 1_000_000,
        after: 1_000_000,
        account: 'ABC-Def',
        path: '/gong',
        duration: 600_000,
      }),
    ).toEqual({
      spec: { scenario: 'slow-body', times: 1_000_000, after: 1_000_000, account: 'abc-def', path: '/gong', duration: 600_000 },
    });
    expect(readFaultSequenceSpec({ scenario: 'no-response', times: 1, after: 0, path: '/', duration: 0 })).toEqual({
      spec: { scenario: 'no-response', times: 1, after: 0, path: '/', duration: 0 },
    });
  });

  it.each([null, [], 'x', 3, undefined])('refuses a body that is no object: %j', (input) => {
    expect(readFaultSequenceSpec(input)).toEqual({
      problems: ['the body must be a JSON object: { scenario, times, after?, account?, path?, duration? }'],
    });
  });

  it('names every problem, unknown fields first', () => {
    expect(readFaultSequenceSpec({ color: 'red', ['y'.repeat(50)]: 1 })).toEqual({
      problems: [
        '"color": not a field of a fault sequence',
        `"${'y'.repeat(40)}": not a field of a fault sequence`,
        `scenario: unknown scenario undefined; known: ${KNOWN}`,
        'times: required, how many matching requests get the scenario',
      ],
    });
  });

  it('quotes at most 60 characters of an unknown scenario, and refuses one that is no text', () => {
    expect(readFaultSequenceSpec({ scenario: 'z'.repeat(100), times: 1 })).toEqual({
      problems: [`scenario: unknown scenario "${'z'.repeat(59)}; known: ${KNOWN}`],
    });
    expect(readFaultSequenceSpec({ scenario: 7, times: 1 })).toEqual({
      problems: [`scenario: unknown scenario 7; known: ${KNOWN}`],
    });
    expect(readFaultSequenceSpec({ scenario: 'toString', times: 1 })).toEqual({
      problems: [`scenario: unknown scenario "toString"; known: ${KNOWN}`],
    });
  });

  it.each([
    ['times', 0, 'times: must be a whole number from 1 to 1000000, got 0'],
    ['times', 1_000_001, 'times: must be a whole number from 1 to 1000000, got 1000001'],
    ['times', 1.5, 'times: must be a whole number from 1 to 1000000, got 1.5'],
    ['times', '2', 'times: must be a whole number from 1 to 1000000, got "2"'],
    ['times', null, 'times: must be a whole number from 1 to 1000000, got null'],
    ['times', 2 ** 53, `times: must be a whole number from 1 to 1000000, got ${2 ** 53}`],
    ['after', -1, 'after: must be a whole number from 0 to 1000000, got -1'],
    ['after', 1_000_001, 'after: must be a whole number from 0 to 1000000, got 1000001'],
    ['duration', -1, 'duration: must be a whole number from 0 to 600000, got -1'],
    ['duration', 600_001, 'duration: must be a whole number from 0 to 600000, got 600001'],
    ['account', '', 'account: must be an integrated account id, got ""'],
    ['account', 'a b', 'account: must be an integrated account id, got "a b"'],
    ['account', 'a/b', 'account: must be an integrated account id, got "a/b"'],
    ['account', 'a?b', 'account: must be an integrated account id, got "a?b"'],
    ['account', 'a#b', 'account: must be an integrated account id, got "a#b"'],
    ['account', 'x'.repeat(101), `account: must be an integrated account id, got ${JSON.stringify('x'.repeat(101)).slice(0, 80)}`],
    ['account', 5, 'account: must be an integrated account id, got 5'],
    ['path', 'gong', 'path: must be a path starting with /, got "gong"'],
    ['path', '/a b', 'path: must be a path starting with /, got "/a b"'],
    ['path', '/a?b', 'path: must be a path starting with /, got "/a?b"'],
    ['path', '/a#b', 'path: must be a path starting with /, got "/a#b"'],
    ['path', 'x/a', 'path: must be a path starting with /, got "x/a"'],
    ['path', `/${'p'.repeat(1000)}`, `path: must be a path starting with /, got ${JSON.stringify(`/${'p'.repeat(1000)}`).slice(0, 80)}`],
  ])('%s %j: %s', (field, value, problem) => {
    expect(readFaultSequenceSpec({ scenario: 'empty', times: 1, [field]: value })).toEqual({ problems: [problem] });
  });

  it('refuses a scenario that is no text even when it reads as a name', () => {
    expect(readFaultSequenceSpec({ scenario: ['empty'], times: 1 })).toEqual({
      problems: [`scenario: unknown scenario ["empty"]; known: ${KNOWN}`],
    });
  });

  it('says "undefined" for a value JSON cannot write (a function, given programmatically)', () => {
    expect(readFaultSequenceSpec({ scenario: 'empty', times: 1, account: () => 1, path: () => 2 })).toEqual({
      problems: [
        'account: must be an integrated account id, got undefined',
        'path: must be a path starting with /, got undefined',
      ],
    });
  });

  it('takes the longest account and path it allows', () => {
    const account = 'x'.repeat(100);
    const path = `/${'p'.repeat(999)}`;
    expect(readFaultSequenceSpec({ scenario: 'empty', times: 1, account, path })).toEqual({
      spec: { scenario: 'empty', times: 1, after: 0, account, path },
    });
  });
});

describe('createFaultSequences', () => {
  it('keeps sequences with increasing ids, lists what is left, and clears them', async () => {
    const faults = createFaultSequences(createMemoryStore());
    expect(await faults.add({ scenario: 'remote-error', times: 2, after: 1 })).toEqual({
      id: 1,
      scenario: 'remote-error',
      times: 2,
      after: 1,
      seen: 0,
      left: 2,
    });
    expect(await faults.add({ scenario: 'empty', times: 1, account: 'ACC' })).toMatchObject({ id: 2, account: 'acc' });
    expect(await faults.list()).toEqual([
      { id: 1, scenario: 'remote-error', times: 2, after: 1, seen: 0, left: 2 },
      { id: 2, scenario: 'empty', times: 1, after: 0, account: 'acc', seen: 0, left: 1 },
    ]);
    expect(await faults.clear()).toBe(2);
    expect(await faults.list()).toEqual([]);
    expect(await faults.clear()).toBe(0);
  });

  it('refuses a spec naming every problem, keeping nothing', async () => {
    const faults = createFaultSequences(createMemoryStore());
    await expect(faults.add({ scenario: 'meteor', times: 0 })).rejects.toMatchObject({
      name: 'FaultSequenceError',
      message: `scenario: unknown scenario "meteor"; known: ${KNOWN}; times: must be a whole number from 1 to 1000000, got 0`,
    });
    expect(await faults.list()).toEqual([]);
  });

  it('gives the scenario to the requests after `after`, `times` of them, then none', async () => {
    const faults = createFaultSequences(createMemoryStore());
    await faults.add({ scenario: 'slow-body', times: 2, after: 3, duration: 250 });
    const met = [];
    for (let i = 0; i < 7; i++) met.push(await faults.meet(unified()));
    const slow = { scenario: 'slow-body', durationMs: 250 };
    expect(met).toEqual([undefined, undefined, undefined, slow, slow, undefined, undefined]);
    expect(await faults.list()).toEqual([
      { id: 1, scenario: 'slow-body', times: 2, after: 3, duration: 250, seen: 7, left: 0 },
    ]);
  });

  it('left counts down only once `after` requests have passed', async () => {
    const faults = createFaultSequences(createMemoryStore());
    await faults.add({ scenario: 'remote-error', times: 3, after: 2 });
    const left = [];
    for (let i = 0; i < 6; i++) {
      await faults.meet(unified());
      left.push((await faults.list())[0]?.left);
    }
    expect(left).toEqual([3, 3, 2, 1, 0, 0]);
  });

  it('the oldest sequence wins, and every matching one counts the request', async () => {
    const faults = createFaultSequences(createMemoryStore());
    await faults.add({ scenario: 'rate-limited', times: 1 });
    await faults.add({ scenario: 'remote-error', times: 2 });
    expect(await faults.meet(unified())).toEqual({ scenario: 'rate-limited', durationMs: undefined });
    expect(await faults.meet(unified())).toEqual({ scenario: 'remote-error', durationMs: undefined });
    expect(await faults.meet(unified())).toBeUndefined();
    expect((await faults.list()).map((sequence) => sequence.seen)).toEqual([3, 3]);
  });

  it('matches only its account, its path prefix and what the route offers; others are not counted', async () => {
    const faults = createFaultSequences(createMemoryStore());
    await faults.add({ scenario: 'remote-error', times: 5, account: A.toUpperCase() });
    await faults.add({ scenario: 'remote-error', times: 5, path: '/gong' });
    await faults.add({ scenario: 'forbidden', times: 5 });
    const gong: SequencedRequest = { path: `/gong/${A}/v2/users`, account: A, offered: GONG_SCENARIO_NAMES };
    expect(await faults.meet(unified('another'))).toEqual({ scenario: 'forbidden', durationMs: undefined });
    expect(await faults.meet({ ...unified(), account: undefined })).toEqual({ scenario: 'forbidden', durationMs: undefined });
    expect((await faults.list()).map((sequence) => sequence.seen)).toEqual([0, 0, 2]);
    expect(await faults.meet(gong)).toEqual({ scenario: 'remote-error', durationMs: undefined });
    expect((await faults.list()).map((sequence) => sequence.seen)).toEqual([1, 1, 2]);
    expect(await faults.meet({ ...gong, path: '/unified/x', account: 'b' })).toBeUndefined();
    expect((await faults.list()).map((sequence) => sequence.seen)).toEqual([1, 1, 2]);
  });

  it(`keeps at most ${MAX_FAULT_SEQUENCES} sequences, the oldest going first`, async () => {
    const faults = createFaultSequences(createMemoryStore());
    for (let i = 0; i < MAX_FAULT_SEQUENCES + 2; i++) await faults.add({ scenario: 'empty', times: 1 });
    const kept = await faults.list();
    expect(kept).toHaveLength(MAX_FAULT_SEQUENCES);
    expect(kept[0]?.id).toBe(3);
    expect(kept.at(-1)?.id).toBe(MAX_FAULT_SEQUENCES + 2);
  });
});
