/**
 * The wire faults as data: which scenarios break the connection and with what duration (the
 * request's, or the scenario's default), and the `duration` parameter read as whole ms up to ten
 * minutes, anything else refused with the bound named.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_WIRE_DURATION_MS,
  NO_RESPONSE_DEFAULT_MS,
  SLOW_BODY_DEFAULT_MS,
  readDuration,
  wireFaultOf,
} from '../../src/faults/wire-fault.js';
import { SCENARIO_NAMES } from '../../src/scenarios.js';

describe('wireFaultOf', () => {
  it.each(['connection-reset', 'empty-response', 'truncated-body'] as const)(
    '%s breaks the connection at once, whatever duration was asked',
    (scenario) => {
      expect(wireFaultOf(scenario, undefined)).toEqual({ kind: scenario, durationMs: 0 });
      expect(wireFaultOf(scenario, 2000)).toEqual({ kind: scenario, durationMs: 0 });
    },
  );

  it('slow-body and no-response take the asked duration, 0 included, or their defaults', () => {
    expect(wireFaultOf('slow-body', undefined)).toEqual({ kind: 'slow-body', durationMs: SLOW_BODY_DEFAULT_MS });
    expect(wireFaultOf('slow-body', 250)).toEqual({ kind: 'slow-body', durationMs: 250 });
    expect(wireFaultOf('slow-body', 0)).toEqual({ kind: 'slow-body', durationMs: 0 });
    expect(wireFaultOf('no-response', undefined)).toEqual({ kind: 'no-response', durationMs: NO_RESPONSE_DEFAULT_MS });
    expect(wireFaultOf('no-response', 0)).toEqual({ kind: 'no-response', durationMs: 0 });
    expect([SLOW_BODY_DEFAULT_MS, NO_RESPONSE_DEFAULT_MS]).toEqual([5000, 60_000]);
  });

  it('every other scenario, malformed-body included, is no wire fault', () => {
    const wire = new Set(['connection-reset', 'empty-response', 'truncated-body', 'slow-body', 'no-response']);
    for (const scenario of SCENARIO_NAMES.filter((name) => !wire.has(name)))
      expect(wireFaultOf(scenario, 100), scenario).toBeUndefined();
    expect(wireFaultOf(undefined, 100)).toBeUndefined();
  });
});

describe('readDuration', () => {
  it.each([
    [undefined, undefined],
    ['0', 0],
    ['2000', 2000],
    ['0000250', 250],
    [String(MAX_WIRE_DURATION_MS), 600_000],
  ])('%j -> %j', (text, durationMs) => {
    expect(readDuration(text)).toStrictEqual({ durationMs });
  });

  it.each(['', '-1', '1.5', 'soon', '600001', '9999999', '12345678', ' 20', '20 ', '2e3', '0x10', '20\n'])(
    'refuses %j, naming the bound',
    (text) => {
      expect(readDuration(text)).toEqual({
        problem: `duration: must be whole milliseconds from 0 to 600000, got ${JSON.stringify(text)}`,
      });
    },
  );

  it('quotes at most 30 characters of what it refuses', () => {
    expect(readDuration('x'.repeat(50))).toEqual({
      problem: `duration: must be whole milliseconds from 0 to 600000, got "${'x'.repeat(30)}"`,
    });
  });
});
