/**
 * The scenario a request asks for, read below the doors: `Prefer` first, `__scenario` when the
 * header names none; the query's value decoded (`+` a space, a bad escape kept as written), its
 * parameters written as the header's; an unknown name refused with the caller's list.
 */
import { describe, expect, it } from 'vitest';
import { requestedScenario, SCENARIO_PARAMETER } from '../../src/faults/request-scenario.js';
import { GONG_SCENARIO_NAMES, SCENARIO_NAMES } from '../../src/scenarios.js';

const unknown = (shown: string, known: readonly string[] = SCENARIO_NAMES) => ({
  problem: `scenario: unknown scenario ${JSON.stringify(shown)}; known: ${known.join(', ')}`,
});

describe('requestedScenario from the query', () => {
  it('names its parameter __scenario', () => {
    expect(SCENARIO_PARAMETER).toBe('__scenario');
  });

  it.each([
    ['__scenario=empty', { scenario: 'empty' }],
    ['limit=2&__scenario=looping&x=1', { scenario: 'looping' }],
    ['__scenario=empty&__scenario=looping', { scenario: 'empty' }],
    ['__scenarios=empty&__scenario=looping', { scenario: 'looping' }],
    ['x__scenario=empty', { scenario: undefined }],
    ['__scenario', { scenario: undefined }],
    ['__scenario=', { scenario: undefined }],
    ['__scenario=&__scenario=empty', { scenario: undefined }],
    ['__scenario&__scenario=empty', { scenario: undefined }],
    ['', { scenario: undefined }],
    ['scenario=empty', { scenario: undefined }],
    ['__scenario=remote%2Derror', { scenario: 'remote-error' }],
    ['__scenario=slow-body;duration=300', { scenario: 'slow-body', durationMs: 300 }],
    ['__scenario=slow-body ; duration=300', { scenario: 'slow-body', durationMs: 300 }],
    ['__scenario=slow-body%3B%20duration%3D300', { scenario: 'slow-body', durationMs: 300 }],
    ['__scenario=slow-body;', { scenario: 'slow-body' }],
    ['__scenario=slow-body;x=1', { scenario: 'slow-body' }],
    ['__scenario=;duration=300', { scenario: undefined }],
  ])('%s', (query, want) => {
    expect(requestedScenario(undefined, query)).toStrictEqual(want);
  });

  it('reads + as a space, so a name with one is unknown, quoted as decoded', () => {
    expect(requestedScenario(undefined, '__scenario=remote+error')).toEqual(unknown('remote error'));
  });

  it('keeps a value that does not decode as written', () => {
    expect(requestedScenario(undefined, '__scenario=%E0%A4%A')).toEqual(unknown('%E0%A4%A'));
  });

  it('quotes 60 characters of an unknown name, and lists what the caller offers', () => {
    expect(requestedScenario(undefined, `__scenario=${'q'.repeat(80)}`)).toEqual(unknown('q'.repeat(60)));
    expect(requestedScenario(undefined, '__scenario=meteor', GONG_SCENARIO_NAMES)).toEqual(
      unknown('meteor', GONG_SCENARIO_NAMES),
    );
  });

  it("refuses a bad duration, naming the scenario", () => {
    expect(requestedScenario(undefined, '__scenario=slow-body;duration=soon')).toEqual({
      problem: 'scenario slow-body: duration: must be whole milliseconds from 0 to 600000, got "soon"',
    });
  });
});

describe('requestedScenario from Prefer', () => {
  it('the header wins over the query; an absent or empty one leaves the query to choose', () => {
    expect(requestedScenario('scenario=empty', '__scenario=looping')).toStrictEqual({ scenario: 'empty' });
    expect(requestedScenario('scenario=slow-body', '')).toStrictEqual({ scenario: 'slow-body' });
    expect(requestedScenario('x=1', '')).toStrictEqual({ scenario: undefined });
    expect(requestedScenario(undefined, '__scenario=looping')).toEqual({ scenario: 'looping' });
    expect(requestedScenario('scenario=', '__scenario=looping')).toEqual({ scenario: 'looping' });
    expect(requestedScenario('respond-async', '__scenario=looping')).toEqual({ scenario: 'looping' });
  });

  it('an unknown name in the header is refused even when the query names a good one', () => {
    expect(requestedScenario('scenario=meteor', '__scenario=looping')).toEqual(unknown('meteor'));
  });

  it('refuses a header one character over the bound, and reads one at it', () => {
    const at = `${' '.repeat(4096 - 14)}scenario=empty`;
    expect(requestedScenario(at, '')).toEqual({ scenario: 'empty' });
    expect(requestedScenario(` ${at}`, '__scenario=looping')).toEqual({
      problem: 'Prefer: the header is longer than 4096 characters',
    });
  });
});
