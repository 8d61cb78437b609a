/**
 * What the Gong API asks of a fault source before each call. The Gong layer does not know
 * which faults exist or how they are decided (see faults/gong-faults.ts): it is handed a
 * source, so the two never import each other.
 */
import type { ScenarioName } from '../scenarios.js';
import type { WorldAccount } from '../world/world.js';
import type { GongFailure } from './gong-result.js';

/** The fault one Gong call meets. */
export interface GongFaultOutcome {
  /** The call fails with this answer instead of its data. */
  failure: GongFailure | undefined;
  /** Gong has no data: stats 404, users an empty list. */
  empty: boolean;
  /** Gong hands back the cursor it was given. */
  looping: boolean;
  /**
   * Whether the same call would meet the same outcome again: false once a counter, a
   * limiter or a scenario was involved, so the answer must not be reused.
   */
  repeatable: boolean;
}

/**
 * Decides the fault a Gong call meets; called once per call (async: counters live in the store).
 *
 * @example
 * const outcome = await faults.meet(account, 'remote-error'); // outcome.failure?.status === 500
 */
export interface GongFaultSource {
  meet(account: WorldAccount, scenario: ScenarioName | undefined): Promise<GongFaultOutcome>;
}

/**
 * A fault source under which every call succeeds: the Gong layer as pure data.
 *
 * @example
 * createGongApi(context, { faults: NO_GONG_FAULTS });
 */
export const NO_GONG_FAULTS: GongFaultSource = {
  meet: () => Promise.resolve({ failure: undefined, empty: false, looping: false, repeatable: true }),
};
