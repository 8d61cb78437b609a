/**
 * Added latency, as `--latency` spells it: `200` (fixed ms), `100..300` (uniform) or
 * `lognormal:200` / `lognormal:200:0.8` (median ms and sigma; long tails like real APIs).
 */
import { mix2, unit } from '../world/hash.js';

/**
 * An added delay's distribution, as `--latency` spells it: `120`, `50..300`, `lognormal:200:0.8`.
 *
 * @example
 * ```ts
 * parseLatency('50..300'); // { kind: 'uniform', min: 50, max: 300 }
 * ```
 */
export type Latency =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'lognormal'; median: number; sigma: number };

/** Reads a latency spec, or says what is wrong with it. */
export function parseLatency(text: string): Latency | { problem: string } {
  const number = (s: string | undefined) => (s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN);
  if (/^\d+(\.\d+)?$/.test(text)) return { kind: 'fixed', ms: Number(text) };
  const range = /^(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)$/.exec(text);
  if (range !== null) {
    const [min, max] = [number(range[1]), number(range[2])];
    if (max < min) return { problem: `latency range ${text}: the maximum is below the minimum` };
    return { kind: 'uniform', min, max };
  }
  const log = /^lognormal:([^:]+)(?::([^:]+))?$/.exec(text);
  if (log !== null) {
    const median = number(log[1]);
    const sigma = log[2] === undefined ? 0.5 : number(log[2]);
    if (Number.isFinite(median) && Number.isFinite(sigma)) return { kind: 'lognormal', median, sigma };
  }
  return { problem: `latency must be MS, MIN..MAX or lognormal:MEDIAN[:SIGMA], got ${JSON.stringify(text)}` };
}

/** The delay of the `n`th request under a latency spec; deterministic per seed and n. */
export function sampleLatency(latency: Latency, seed: number, n: number): number {
  switch (latency.kind) {
    case 'fixed':
      return latency.ms;
    case 'uniform':
      return latency.min + (latency.max - latency.min) * unit(mix2(seed, n));
    case 'lognormal': {
      // Box-Muller from two hashed uniforms.
      const u1 = Math.max(unit(mix2(seed, 2 * n)), 1e-12);
      const u2 = unit(mix2(seed, 2 * n + 1));
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.min(latency.median * Math.exp(latency.sigma * z), 60_000);
    }
  }
}
