/**
 * `--fault-rate` by kind (`connection-reset:0.01,remote-error:0.02`): each API request of an
 * account draws one seeded number from that account's own count of requests, and meets the
 * kind whose share the number falls in, or none. Same seed and same requests per account, same
 * faults: a run repeats. (The bare `--fault-rate 0.05` keeps its older meaning, a share of Gong
 * calls failing with 500: see gong-faults.ts.)
 */
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from '../scenarios.js';
import type { Store } from '../store/store.js';
import { hashString, mix3, unit } from '../world/hash.js';

/**
 * Shares of API requests meeting each scenario, as `createEngine({ faultRate })` takes them.
 *
 * @example
 * ```ts
 * const rates: FaultRates = { 'connection-reset': 0.01, 'remote-error': 0.02 };
 * ```
 */
export type FaultRates = Readonly<Partial<Record<ScenarioName, number>>>;

/** One kind and its share, in the order given. */
export interface FaultRate {
  scenario: ScenarioName;
  rate: number;
}

/** Salt of the draw, so it never coincides with the Gong fault rate's draw of the same call. */
const SALT = 0x6b1d;

/**
 * Checks shares by kind: the list to draw from, or a sentence saying what is wrong (an unknown
 * kind, a share outside 0-1, shares adding up to more than 1).
 *
 * @example
 * readFaultRates({ 'remote-error': 0.02 }); // { rates: [{ scenario: 'remote-error', rate: 0.02 }] }
 */
export function readFaultRates(rates: Readonly<Record<string, unknown>>): { rates: FaultRate[] } | { problem: string } {
  const list: FaultRate[] = [];
  let total = 0;
  for (const [scenario, rate] of Object.entries(rates)) {
    if (!isScenarioName(scenario))
      return {
        problem: `unknown fault kind ${JSON.stringify(scenario.slice(0, 60))}; known: ${SCENARIO_NAMES.join(', ')}`,
      };
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1))
      return { problem: `${scenario}: the share must be a number from 0 to 1, got ${String(rate)}` };
    total += rate;
    list.push({ scenario, rate });
  }
  if (total > 1 + 1e-9) return { problem: `the shares add up to ${Math.round(total * 1e6) / 1e6}, more than 1` };
  return { rates: list };
}

/**
 * Reads `--fault-rate`'s kinds form, `kind:share[,kind:share...]`.
 *
 * @example
 * parseFaultRates('connection-reset:0.01,remote-error:0.02'); // { rates: { 'connection-reset': 0.01, 'remote-error': 0.02 } }
 */
export function parseFaultRates(text: string): { rates: Record<string, number> } | { problem: string } {
  const rates: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([a-z-]+)\s*:\s*(0(?:\.\d+)?|1(?:\.0+)?)\s*$/.exec(part);
    if (match === null)
      return { problem: `expected kind:share such as connection-reset:0.01, got ${JSON.stringify(part.slice(0, 60))}` };
    const [, kind = '', share = ''] = match;
    if (Object.hasOwn(rates, kind)) return { problem: `${kind} is given twice` };
    rates[kind] = Number(share);
  }
  return { rates };
}

/**
 * The kind an API request meets, if any: the `n`th request of `account` draws its number.
 *
 * @example
 * await meetFaultRate(store, 42, rates, ACCOUNT); // 'remote-error' about 2% of the time
 */
export async function meetFaultRate(
  store: Store,
  seed: number,
  rates: readonly FaultRate[],
  account: string,
): Promise<ScenarioName | undefined> {
  if (rates.length === 0) return undefined;
  const { value: n } = await store.incr(`fault-rate-draws:${account}`);
  const draw = unit(mix3(seed ^ SALT, hashString(account), n));
  let bound = 0;
  for (const { scenario, rate } of rates) {
    bound += rate;
    if (draw < bound) return scenario;
  }
  return undefined;
}
