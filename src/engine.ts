/**
 * The portable engine (`interactions-kit/engine`): the whole mock as one function from request
 * to answer, with web-standard code only. Nothing here imports Node or a door, so it bundles
 * for browsers, workers and edge runtimes; the Node server and the Express app are doors around
 * this same `engine.answer` (test/architecture keeps it so).
 *
 * @example
 * ```ts
 * import { createEngine } from 'interactions-kit/engine';
 *
 * const engine = createEngine({ seed: 42, now: '2026-11-24T00:00:00Z' });
 * const answer = await engine.answer({
 *   method: 'GET',
 *   url: '/unified/conversational-intelligence/interactions?integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z',
 *   headers: { authorization: 'Bearer any-token' },
 * });
 * answer.status; // 200
 * ```
 */
export { createEngine, type Engine, type EngineParts, type Exchange, type MemoryUse } from './engine/create-engine.js';
export {
  DEFAULT_BASE_URL,
  EngineOptionsError,
  type EngineOptions,
  type EngineSettings,
} from './engine/engine-options.js';
export {
  BodyTooLargeError,
  type BodyReader,
  type EngineAnswer,
  type EngineRequest,
  type HeaderValue,
} from './engine/engine-request.js';
export { createWorld, WorldOptionsError, type World, type WorldAccount, type WorldOptions } from './world/world.js';
export { DEFAULT_ACCOUNT_ID, DEFAULT_ACCOUNTS, type AccountSpec, type AccountBehavior } from './world/account-spec.js';
export { DEFAULT_WORLD } from './world/default-world.js';
export type { WorldDocument, WorldDocumentAccount, WorldDocumentUser, PinnedDay } from './world/world-document.js';
export { resolveWorldDocument } from './world/resolve-world-document.js';
export type { ResolvedWorld, WorldOverrides } from './world/resolved-world.js';
export { formatWorldProblem, type WorldProblem, type WorldPath } from './world/world-problems.js';
export type { MockContext } from './mock-context.js';
export { MAPPING_KINDS, type MappingTexts, type MappingKind, type MappingLayer } from './unified/mapping-texts.js';
export { createJsonataLoader, type JsonataLoader, type JsonataRuntime } from './mapping/jsonata-loader.js';
export { describeMappingFailure, type MappingFailure } from './unified/mapping-failure.js';
export { createPortableSigner, portableSigner, type Signer, type SigningKeys } from './signing.js';
export { GONG_PATHS, type GongApi, type GongCallOptions } from './gong/gong-api.js';
export type { GongResult } from './gong/gong-result.js';
export { SCENARIO_NAMES, type ScenarioName } from './scenarios.js';
export {
  FaultSequenceError,
  type FaultSequence,
  type FaultSequenceSpec,
  type FaultSequences,
} from './faults/fault-sequences.js';
export type { FaultRates } from './faults/fault-rates.js';
export type { WireFault } from './faults/wire-fault.js';
export { createMemoryStore, type MemoryStoreOptions } from './store/memory-store.js';
export type { Store } from './store/store.js';
