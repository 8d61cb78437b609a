/**
 * The portable engine (`interactions-kit/engine`): the world, the Gong API and the unified
 * API as plain functions, with web-standard code only. Nothing here imports Node or a door, so
 * it bundles for browsers, workers and edge runtimes; the Node server and the Express app are
 * doors built on these same functions (test/architecture keeps it so).
 *
 * @example
 * ```ts
 * import {
 *   createWorld, createGongApi, createFaultState, listInteractions, portableSigner,
 *   createLruCache, keptOnSecondOffer, weighWindowPeople, type MockContext,
 * } from 'interactions-kit/engine';
 *
 * const context: MockContext = {
 *   world: createWorld({ seed: 42 }),
 *   now: () => Date.parse('2026-11-24T00:00:00Z'),
 *   secret: 'interactions-kit:42',
 *   signer: portableSigner,
 *   windowPeople: keptOnSecondOffer(createLruCache(16 << 20, weighWindowPeople, 4096), 64),
 * };
 * const gong = createGongApi(context, createFaultState({}));
 * const answer = listInteractions(context, gong, {
 *   rawQuery: 'integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z',
 *   origin: 'http://127.0.0.1:4010',
 * });
 * answer.status; // 200
 * ```
 */
export { createWorld, WorldOptionsError, type World, type WorldAccount, type WorldOptions } from './world/world.js';
export { DEFAULT_ACCOUNT_ID, DEFAULT_ACCOUNTS, type AccountSpec, type AccountBehavior } from './world/account-spec.js';
export type { MockContext } from './mock-context.js';
export { createPortableSigner, portableSigner, type Signer, type SigningKeys } from './signing.js';
export { createGongApi, GONG_PATHS, type GongApi, type GongCallOptions } from './gong/gong-api.js';
export type { GongResult } from './gong/gong-result.js';
export { createFaultState, type FaultState } from './faults/gong-faults.js';
export { SCENARIO_NAMES, type ScenarioName } from './faults/scenarios.js';
export {
  listInteractions,
  StreamCutShortError,
  type ListInteractionsInput,
  type UnifiedAnswer,
  type JsonAnswer,
  type StreamAnswer,
} from './unified/list-interactions.js';
export { createLruCache, keptOnSecondOffer, type LruCache, type SecondOfferCache } from './lru-cache.js';
export { weighWindowPeople, type WindowPeople } from './gong/window-people.js';
