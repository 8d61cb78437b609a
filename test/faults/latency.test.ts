/**
 * `--latency`'s three spellings read exactly (fixed ms, a uniform range, a lognormal median and
 * sigma), everything else refused with the one sentence naming the forms; and each request's
 * delay drawn from the seed and its number alone, inside the spelled bounds.
 */
import { describe, expect, it } from 'vitest';
import { parseLatency, sampleLatency, type Latency } from '../../src/faults/latency.js';
import { mix2, unit } from '../../src/world/hash.js';

const refusal = (text: string) => ({
  problem: `latency must be MS, MIN..MAX or lognormal:MEDIAN[:SIGMA], got ${JSON.stringify(text)}`,
});

describe('parseLatency', () => {
  it.each<[string, Latency]>([
    ['200', { kind: 'fixed', ms: 200 }],
    ['0', { kind: 'fixed', ms: 0 }],
    ['12.5', { kind: 'fixed', ms: 12.5 }],
    ['12.25', { kind: 'fixed', ms: 12.25 }],
    ['1.25..3.75', { kind: 'uniform', min: 1.25, max: 3.75 }],
    ['50..300', { kind: 'uniform', min: 50, max: 300 }],
    ['1.5..2.25', { kind: 'uniform', min: 1.5, max: 2.25 }],
    ['100..100', { kind: 'uniform', min: 100, max: 100 }],
    ['lognormal:200', { kind: 'lognormal', median: 200, sigma: 0.5 }],
    ['lognormal:200:0.8', { kind: 'lognormal', median: 200, sigma: 0.8 }],
    ['lognormal:12.5:2', { kind: 'lognormal', median: 12.5, sigma: 2 }],
  ])('%s', (text, want) => {
    expect(parseLatency(text)).toEqual(want);
  });

  it('refuses a range whose maximum is below its minimum, saying so', () => {
    expect(parseLatency('300..50')).toEqual({ problem: 'latency range 300..50: the maximum is below the minimum' });
    expect(parseLatency('100.5..100')).toEqual({
      problem: 'latency range 100.5..100: the maximum is below the minimum',
    });
  });

  it.each([
    '',
    'fast',
    '-5',
    ' 200',
    '200 ',
    '200ms',
    'x200',
    '1.',
    '.5',
    '1.5.5',
    '50..',
    '..300',
    '50...300',
    'a50..300',
    '50..300b',
    '50..3x0',
    'lognormal:',
    'lognormal:abc',
    'lognormal:200:',
    'lognormal:200:x',
    'lognormal:-1',
    'lognormal: 200',
    'lognormal:200:0.8:1',
    'xlognormal:200',
    'lognormal:200x',
    'lognormal:2x0:0.5',
    'lognormal:200:0.5x',
    'lognormal:200:x0.5',
    'lognormal:200 ',
    'lognormal:1e3',
    'lognormal:200:0.5 ',
    'lognormal:200:5e-1',
  ])('refuses %j with the forms it takes', (text) => {
    expect(parseLatency(text)).toEqual(refusal(text));
  });
});

describe('sampleLatency', () => {
  it('a fixed latency is its ms, whatever the seed and request', () => {
    expect(sampleLatency({ kind: 'fixed', ms: 120 }, 42, 0)).toBe(120);
    expect(sampleLatency({ kind: 'fixed', ms: 120 }, 7, 99)).toBe(120);
  });

  it('a uniform latency is min plus the request draw of the span', () => {
    const latency: Latency = { kind: 'uniform', min: 50, max: 300 };
    const samples = Array.from({ length: 200 }, (_, n) => sampleLatency(latency, 42, n));
    samples.forEach((sample, n) => expect(sample).toBe(50 + 250 * unit(mix2(42, n))));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...samples)).toBeLessThan(300);
    // Spread over the range, not stuck at an end.
    expect(Math.max(...samples) - Math.min(...samples)).toBeGreaterThan(200);
    expect(sampleLatency({ kind: 'uniform', min: 80, max: 80 }, 3, 5)).toBe(80);
  });

  it('a lognormal latency is the median times exp(sigma z), z from two draws of the seed', () => {
    const latency: Latency = { kind: 'lognormal', median: 200, sigma: 0.8 };
    for (const [seed, n] of [
      [42, 0],
      [42, 1],
      [42, 17],
      [7, 3],
    ] as const) {
      const u1 = Math.max(unit(mix2(seed, 2 * n)), 1e-12);
      const u2 = unit(mix2(seed, 2 * n + 1));
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      expect(sampleLatency(latency, seed, n)).toBeCloseTo(200 * Math.exp(0.8 * z), 9);
    }
  });

  it('a lognormal sample sits around its median: half below, half above', () => {
    const latency: Latency = { kind: 'lognormal', median: 200, sigma: 0.5 };
    const samples = Array.from({ length: 2000 }, (_, n) => sampleLatency(latency, 42, n));
    const below = samples.filter((sample) => sample < 200).length;
    expect(below).toBeGreaterThan(900);
    expect(below).toBeLessThan(1100);
    expect(samples.every((sample) => sample > 0)).toBe(true);
  });

  it('a sigma of 0 is the median exactly', () => {
    expect(sampleLatency({ kind: 'lognormal', median: 250, sigma: 0 }, 42, 9)).toBe(250);
  });

  it('caps a lognormal tail at a minute', () => {
    const latency: Latency = { kind: 'lognormal', median: 50_000, sigma: 3 };
    const samples = Array.from({ length: 200 }, (_, n) => sampleLatency(latency, 42, n));
    expect(Math.max(...samples)).toBe(60_000);
    expect(samples.some((sample) => sample < 60_000)).toBe(true);
  });
});
