/**
 * The `Prefer` header is read by a one-pass RFC 7240 reader: several preferences, parameters,
 * quoted values; and a hostile header costs steps in proportion to its length (counted, not
 * timed), and beyond a bound is refused in the real error shape. On the wire, over every door
 * (the engine, Express, the Node door), each answer the engine's byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { readPreferences, readPreferencesWithParameters, type HeaderText } from '../../src/faults/prefer-header.js';
import { MAX_PREFER_LENGTH, requestedScenario } from '../../src/faults/request-scenario.js';
import { describeDoors, type Door, type DoorRequest } from '../helpers/doors.js';
import { expectEveryDoorAsEngine, getChecked, parsed } from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const cases: { given: string; want: string | undefined }[] = [
  { given: 'scenario=empty', want: 'empty' },
  { given: '  Scenario = "empty"  ', want: 'empty' },
  { given: 'respond-async, scenario=empty; x=y', want: 'empty' },
  { given: 'respond-async,scenario=empty;x=y,wait=10', want: 'empty' },
  { given: 'return=minimal; foo="a, scenario=forbidden", scenario=rate-limited', want: 'rate-limited' },
  // RFC 7240: only the first instance of a preference counts.
  { given: 'scenario=empty, scenario=forbidden', want: 'empty' },
  { given: 'scenario="emp\\ty"', want: 'empty' },
  // A parameter named scenario belongs to another preference.
  { given: 'respond-async; scenario=empty', want: undefined },
  { given: 'example=ok', want: undefined },
  { given: 'scenario', want: '' },
  { given: '=empty, scenario=looping', want: 'looping' },
  { given: 'scenario=empty garbage, x', want: undefined },
  // A malformed preference is skipped whole, commas inside its quoted strings too.
  { given: 'junk x "a, scenario=forbidden, b", scenario=rate-limited', want: 'rate-limited' },
  { given: 'scenario="unterminated', want: 'unterminated' },
  { given: '', want: undefined },
];

/** A header whose every read is counted: `charCodeAt` costs one, `slice` its length. */
function counted(text: string): { text: HeaderText; steps: () => number } {
  let steps = 0;
  return {
    text: {
      length: text.length,
      charCodeAt(index) {
        steps++;
        return text.charCodeAt(index);
      },
      slice(start, end) {
        steps += end - start;
        return text.slice(start, end);
      },
    },
    steps: () => steps,
  };
}

/** Shapes that made the old regular expression backtrack, or that could make a reader loop. */
const hostile: Record<string, (size: number) => string> = {
  spaces: (n) => ' '.repeat(n),
  'spaces after scenario=': (n) => `scenario=${' '.repeat(n)}x`,
  'scenario = repeated': (n) => 'scenario ='.repeat(n / 10),
  semicolons: (n) => ';'.repeat(n),
  'open quotes and escapes': (n) => `scenario="${'\\"'.repeat(n / 2)}`,
  'commas and quotes': (n) => '",'.repeat(n / 2),
  'long token': (n) => 'a'.repeat(n),
};

describe('readPreferences', () => {
  it.each(cases)('$given -> $want', ({ given, want }) => {
    expect(readPreferences(given).get('scenario')).toBe(want);
  });

  it.each(Object.entries(hostile))('reads a hostile header (%s) in linear steps', (_name, make) => {
    for (const size of [1024, 1024 * 1024]) {
      const header = counted(make(size));
      readPreferences(header.text);
      // Each character is read at most twice (once by charCodeAt, once in a slice of a token).
      expect(header.steps()).toBeLessThanOrEqual(2 * header.text.length + 4);
    }
  });

  it('finds the scenario after a megabyte of other preferences', () => {
    expect(readPreferences(`${'a=b; c="d,e", '.repeat(75_000)}scenario=empty`).get('scenario')).toBe('empty');
  });
});

describe('readPreferencesWithParameters, character by character', () => {
  const read = (header: string) =>
    Object.fromEntries(
      [...readPreferencesWithParameters(header)].map(([name, { value, parameters }]) => [
        name,
        { value, parameters: Object.fromEntries(parameters) },
      ]),
    );

  it('a token is digits, letters and the RFC 7230 symbols, up to the first other character', () => {
    expect(read("s=09AZaz!#$%&'*+-.^_`|~")).toEqual({ s: { value: "09AZaz!#$%&'*+-.^_`|~", parameters: {} } });
  });

  it.each(['/', ':', '@', '[', '{', '(', '\u00e9'])('a value broken by %j is not well-formed: dropped', (char) => {
    expect(read(`s=a${char}b, t=1`)).toEqual({ t: { value: '1', parameters: {} } });
  });

  it('tabs count as spaces around names, equals signs and separators', () => {
    expect(read('\ts\t=\tx\t;\td\t=\t2\t,\tt')).toEqual({
      s: { value: 'x', parameters: { d: '2' } },
      t: { value: '', parameters: {} },
    });
  });

  it('quoted values: escapes stand for themselves, a backslash at the very end is kept', () => {
    expect(read('s="a\\"b\\\\c"')).toEqual({ s: { value: 'a"b\\c', parameters: {} } });
    expect(read('s="abc\\')).toEqual({ s: { value: 'abc\\', parameters: {} } });
    expect(read('s="a,b;c=d", t=1')).toEqual({
      s: { value: 'a,b;c=d', parameters: {} },
      t: { value: '1', parameters: {} },
    });
    expect(read('s=""')).toEqual({ s: { value: '', parameters: {} } });
  });

  it('parameters: lower-cased names, the first of a name kept, empty ones skipped, quoted values read', () => {
    expect(read('s=x;;D=1; d=2 ; e="a b";f')).toEqual({
      s: { value: 'x', parameters: { d: '1', e: 'a b', f: '' } },
    });
  });

  it('parameters stop at the first malformed one; the next preference still counts', () => {
    expect(read('s=x; d=1 junk; e=2, t=y; g=3')).toEqual({
      s: { value: 'x', parameters: { d: '1' } },
      t: { value: 'y', parameters: { g: '3' } },
    });
    expect(read('s=x; =1; d=2')).toEqual({ s: { value: 'x', parameters: {} } });
  });

  it('a preference name is lower-cased; the first instance wins, with its own parameters', () => {
    expect(read('S=1; a=1, s=2; b=2')).toEqual({ s: { value: '1', parameters: { a: '1' } } });
  });

  it('skips a malformed preference up to the next comma outside quotes', () => {
    expect(read('"x,y", s=1')).toEqual({ s: { value: '1', parameters: {} } });
    expect(read('s=1 "a,b", t=2')).toEqual({ t: { value: '2', parameters: {} } });
    expect(read(',,, s=1 ,')).toEqual({ s: { value: '1', parameters: {} } });
  });

  it('readPreferences keeps the values alone', () => {
    expect(Object.fromEntries(readPreferences('s=x; d=1, t'))).toEqual({ s: 'x', t: '' });
  });
});

const EMPTY_SCENARIOS = ['scenario=', 'scenario', 'scenario=""', 'respond-async, scenario= ; x=y'];
const tooLong = `scenario=empty${' '.repeat(MAX_PREFER_LENGTH)}x`;
const gongStats = (prefer?: string): DoorRequest => ({
  method: 'POST',
  path: `/gong/${ACCOUNT}/v2/stats/interaction`,
  // Bearer, as before: Gong's routes take any credentials the client sends.
  headers: { ...AUTH, 'Content-Type': 'application/json', ...(prefer === undefined ? {} : { Prefer: prefer }) },
  body: JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-10-08' } }),
});

describeDoors('Prefer on the wire', { now: NOW }, (door) => {
  it('picks scenario out of several preferences', async () => {
    const res = await getChecked(door(), unifiedUrl(october()), {
      ...AUTH,
      Prefer: 'respond-async, scenario=forbidden; x=y',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a header longer than the bound with a 400 in the real shape', async () => {
    const res = parsed(await door().send({ path: unifiedUrl(october()), headers: { ...AUTH, Prefer: tooLong } }));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: `Prefer: the header is longer than ${MAX_PREFER_LENGTH} characters`,
    });
  });

  // One rule for an empty scenario, whichever way it is sent: `__scenario=` is absent, and so
  // is `Prefer: scenario=` (or a bare `scenario`, or `scenario=""`).
  it.each(EMPTY_SCENARIOS)('Prefer: %s is no scenario: the answer without the header', async (prefer) => {
    const without = await getChecked(door(), unifiedUrl(october({ limit: '2' })));
    const empty = await getChecked(door(), unifiedUrl(october({ limit: '2' })), { ...AUTH, Prefer: prefer });
    expect(empty.status, empty.text).toBe(200);
    expect(empty.text).toBe(without.text);
  });

  it('an empty Prefer scenario leaves __scenario to choose, as an absent one does', async () => {
    const res = await getChecked(door(), unifiedUrl(october({ __scenario: 'forbidden' })), {
      ...AUTH,
      Prefer: 'scenario=',
    });
    expect(res.status).toBe(403);
  });

  it('Gong: an empty Prefer scenario is no scenario either', async () => {
    const gong = async (on: Door, prefer?: string) => parsed(await on.send(gongStats(prefer)));
    const without = await gong(door());
    const empty = await gong(door(), 'scenario=');
    expect(empty.status, empty.text).toBe(200);
    expect(empty.body.records).toEqual(without.body.records);
  });

  it('answers a header at the bound as it answers a short one', () => {
    expect(requestedScenario(`${' '.repeat(MAX_PREFER_LENGTH - 14)}scenario=empty`, '')).toEqual({ scenario: 'empty' });
  });
});

describe('scenario parameters', () => {
  it.each([
    ['scenario=slow-body; duration=2000', { scenario: 'slow-body', durationMs: 2000 }],
    ['scenario=slow-body;DURATION="250" ;x=1, wait=5', { scenario: 'slow-body', durationMs: 250 }],
    ['scenario=no-response; duration=0', { scenario: 'no-response', durationMs: 0 }],
    ['scenario=no-response', { scenario: 'no-response' }],
    ['respond-async; duration=5, scenario=empty', { scenario: 'empty' }],
  ])('Prefer %s', (header, want) => {
    expect(requestedScenario(header, '')).toEqual(want);
  });

  it('the query writes them as the header does', () => {
    expect(requestedScenario(undefined, '__scenario=slow-body%3Bduration%3D300')).toEqual({
      scenario: 'slow-body',
      durationMs: 300,
    });
    expect(requestedScenario(undefined, '__scenario=slow-body;duration=300')).toEqual({
      scenario: 'slow-body',
      durationMs: 300,
    });
  });

  it.each(['-1', '1.5', 'soon', '600001', ''])('a duration of %j is refused, naming the bound', (duration) => {
    expect(requestedScenario(`scenario=slow-body; duration=${duration}`, '')).toEqual({
      problem: `scenario slow-body: duration: must be whole milliseconds from 0 to 600000, got ${JSON.stringify(duration)}`,
    });
  });

  it('reading parameters stays linear: a megabyte of them costs a thousand kilobytes', () => {
    const cost = (size: number) => {
      const { text, steps } = counted(`scenario=slow-body${'; d=1'.repeat(size / 5)}`);
      readPreferencesWithParameters(text);
      return steps();
    };
    expect(cost(1_000_000)).toBeLessThan(cost(1000) * 1000 * 1.5);
  });
});

describe('every door answers Prefer as the engine does, byte for byte', () => {
  it('several preferences, the bound, empty scenarios on both APIs', async () => {
    const unified = (prefer: string, extra: Record<string, string> = {}): DoorRequest => ({
      path: unifiedUrl(october({ limit: '2', ...extra })),
      headers: { ...AUTH, Prefer: prefer },
    });
    await expectEveryDoorAsEngine({ now: NOW }, [
      unified('respond-async, scenario=forbidden; x=y'),
      unified(tooLong),
      unified(`${' '.repeat(MAX_PREFER_LENGTH - 14)}scenario=empty`),
      ...EMPTY_SCENARIOS.map((prefer) => unified(prefer)),
      unified('scenario=', { __scenario: 'forbidden' }),
      gongStats(),
      gongStats('scenario='),
    ]);
  });
});
