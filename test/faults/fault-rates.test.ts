/**
 * `--fault-rate` by kind, below the flags: the shares are checked (known kinds, 0 to 1 each, at
 * most 1 together), the `kind:share` text is read strictly, and each request of an account draws
 * the kind whose share its seeded number falls in, from that account's own count.
 */
import { describe, expect, it } from 'vitest';
import { meetFaultRate, parseFaultRates, readFaultRates } from '../../src/faults/fault-rates.js';
import { SCENARIO_NAMES } from '../../src/scenarios.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { hashString, mix3, unit } from '../../src/world/hash.js';
import { unmix2First } from '../helpers/hash-inverse.js';

const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const KNOWN = SCENARIO_NAMES.join(', ');

describe('readFaultRates', () => {
  it('keeps the shares in the order given', () => {
    expect(readFaultRates({ 'remote-error': 0.02, 'connection-reset': 0.01 })).toEqual({
      rates: [
        { scenario: 'remote-error', rate: 0.02 },
        { scenario: 'connection-reset', rate: 0.01 },
      ],
    });
    expect(readFaultRates({})).toEqual({ rates: [] });
  });

  it('takes the ends of 0 to 1, and shares adding up to exactly 1', () => {
    expect(readFaultRates({ 'remote-error': 0, empty: 1 })).toEqual({
      rates: [
        { scenario: 'remote-error', rate: 0 },
        { scenario: 'empty', rate: 1 },
      ],
    });
    // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point: still 1.
    expect(readFaultRates({ 'remote-error': 0.1, empty: 0.2, forbidden: 0.7 })).toMatchObject({
      rates: [{ rate: 0.1 }, { rate: 0.2 }, { rate: 0.7 }],
    });
  });

  it('takes shares adding up to exactly 1 + 1e-9, the rounding allowance', () => {
    expect(readFaultRates({ 'remote-error': 1e-9, empty: 1 })).toEqual({
      rates: [
        { scenario: 'remote-error', rate: 1e-9 },
        { scenario: 'empty', rate: 1 },
      ],
    });
  });

  it('refuses an unknown kind, naming it (60 characters at most) and the known ones', () => {
    expect(readFaultRates({ meteor: 0.1 })).toEqual({ problem: `unknown fault kind "meteor"; known: ${KNOWN}` });
    expect(readFaultRates({ ['x'.repeat(100)]: 0.1 })).toEqual({
      problem: `unknown fault kind "${'x'.repeat(60)}"; known: ${KNOWN}`,
    });
  });

  it.each([
    [-0.1, '-0.1'],
    [1.5, '1.5'],
    [Number.NaN, 'NaN'],
    ['0.5', '0.5'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('refuses a share of %j', (rate, shown) => {
    expect(readFaultRates({ 'remote-error': rate })).toEqual({
      problem: `remote-error: the share must be a number from 0 to 1, got ${shown}`,
    });
  });

  it('refuses shares adding up to more than 1, rounded to six places', () => {
    expect(readFaultRates({ 'remote-error': 0.7, empty: 0.6 })).toEqual({
      problem: 'the shares add up to 1.3, more than 1',
    });
    expect(readFaultRates({ 'remote-error': 0.5, empty: 0.5, forbidden: 0.0000004 })).toEqual({
      problem: 'the shares add up to 1, more than 1',
    });
    expect(readFaultRates({ 'remote-error': 0.5, empty: 0.5000015 })).toEqual({
      problem: 'the shares add up to 1.000002, more than 1',
    });
  });
});

describe('parseFaultRates', () => {
  it.each([
    ['remote-error:0.02', { 'remote-error': 0.02 }],
    ['connection-reset:0.01,remote-error:0.02', { 'connection-reset': 0.01, 'remote-error': 0.02 }],
    [' remote-error : 0.5 , empty:1 ', { 'remote-error': 0.5, empty: 1 }],
    ['empty:1.000', { empty: 1 }],
    ['empty:0', { empty: 0 }],
    ['meteor:0.1', { meteor: 0.1 }],
  ])('%s', (text, rates) => {
    expect(parseFaultRates(text)).toEqual({ rates });
  });

  it.each(['remote-error:2', 'remote-error:1.5', 'remote-error', 'remote-error:', ':0.1', 'Remote:0.1', 'a:0.1:0.2', '', 'a:0.1,', 'x remote-error:0.1', 'remote-error:0.1 x', 'remote-error:.5'])(
    'refuses %j, quoting the part',
    (text) => {
      const part = text.split(',').find((p) => !/^\s*[a-z-]+\s*:\s*(0(\.\d+)?|1(\.0+)?)\s*$/.test(p)) ?? '';
      expect(parseFaultRates(text)).toEqual({
        problem: `expected kind:share such as connection-reset:0.01, got ${JSON.stringify(part)}`,
      });
    },
  );

  it('quotes at most 60 characters of a bad part', () => {
    const part = `${'z'.repeat(80)}:9`;
    expect(parseFaultRates(part)).toEqual({
      problem: `expected kind:share such as connection-reset:0.01, got ${JSON.stringify('z'.repeat(60))}`,
    });
  });

  it('refuses a kind given twice', () => {
    expect(parseFaultRates('remote-error:0.1,remote-error:0.2')).toEqual({ problem: 'remote-error is given twice' });
  });

  it('reads a kind named like an Object property as any other', () => {
    expect(parseFaultRates('constructor:0.1')).toEqual({ rates: { constructor: 0.1 } });
  });
});

describe('meetFaultRate', () => {
  it('draws nothing, and counts nothing, without rates', async () => {
    const store = createMemoryStore();
    expect(await meetFaultRate(store, 42, [], ACCOUNT)).toBeUndefined();
    expect(await store.count(`fault-rate-draws:${ACCOUNT}`)).toBe(0);
  });

  it("the nth request of an account meets the kind its seeded number falls in, shares in the order given", async () => {
    const rates = [
      { scenario: 'connection-reset' as const, rate: 0.1 },
      { scenario: 'remote-error' as const, rate: 0.2 },
    ];
    const store = createMemoryStore();
    const met = [];
    for (let n = 1; n <= 300; n++) met.push(await meetFaultRate(store, 42, rates, ACCOUNT));
    const want = Array.from({ length: 300 }, (_, i) => {
      const draw = unit(mix3(42 ^ 0x6b1d, hashString(ACCOUNT), i + 1));
      return draw < 0.1 ? 'connection-reset' : draw < 0.3 ? 'remote-error' : undefined;
    });
    expect(met).toEqual(want);
    expect(new Set(met)).toEqual(new Set(['connection-reset', 'remote-error', undefined]));
    expect(await store.count(`fault-rate-draws:${ACCOUNT}`)).toBe(300);
  });

  it('a share of 1 meets every request, and a share of 0 none', async () => {
    const store = createMemoryStore();
    const all = [];
    for (let n = 0; n < 20; n++)
      all.push(
        await meetFaultRate(
          store,
          42,
          [
            { scenario: 'empty', rate: 0 },
            { scenario: 'remote-error', rate: 1 },
          ],
          ACCOUNT,
        ),
      );
    expect(all).toEqual(Array(20).fill('remote-error'));
  });

  it('a draw exactly on a bound belongs to the next share', async () => {
    // The seed whose first draw for ACCOUNT is exactly 0 (found by inverting the hash).
    const seed = (unmix2First(unmix2First(0, 1), hashString(ACCOUNT)) ^ 0x6b1d) >>> 0;
    expect(unit(mix3(seed ^ 0x6b1d, hashString(ACCOUNT), 1))).toBe(0);
    const rates = [
      { scenario: 'empty' as const, rate: 0 },
      { scenario: 'remote-error' as const, rate: 0.5 },
    ];
    expect(await meetFaultRate(createMemoryStore(), seed, rates, ACCOUNT)).toBe('remote-error');
  });

  it("each account counts its own requests: another's draws change nothing", async () => {
    const rates = [{ scenario: 'remote-error' as const, rate: 0.5 }];
    const alone = createMemoryStore();
    const amid = createMemoryStore();
    const a = [];
    const b = [];
    for (let n = 0; n < 30; n++) {
      a.push(await meetFaultRate(alone, 42, rates, ACCOUNT));
      await meetFaultRate(amid, 42, rates, 'another-account');
      b.push(await meetFaultRate(amid, 42, rates, ACCOUNT));
    }
    expect(b).toEqual(a);
  });
});
