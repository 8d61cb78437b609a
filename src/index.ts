/**
 * interactions-kit's public API, named exports only.
 *
 * @example
 * ```ts
 * import { createApp, loadContract, runConformance } from 'interactions-kit';
 * ```
 */
export { createApp, createRequestListener, requestListener, type MockApp } from './server/create-app.js';
export {
  FaultSequenceError,
  type FaultSequence,
  type FaultSequenceSpec,
  type FaultSequences,
} from './faults/fault-sequences.js';
export { AppOptionsError, type AppOptions } from './server/options.js';
export { openStore, parseStoreUrl, type OpenStoreOptions, type StoreSpec } from './store/open-store.js';
export type { Store, StoreHealth } from './store/store.js';
export { loadWorldFile } from './world-file/load-world-file.js';
export { parseWorldText, type WorldText } from './world-file/parse-world-text.js';
export { WorldFileError, formatLocatedProblem, type LocatedProblem } from './world-file/located-problem.js';
export { readMappingDir, MappingDirError } from './mapping-files/read-mapping-dir.js';
export type { MappingTexts, MappingKind, MappingLayer } from './unified/mapping-texts.js';
export { DEFAULT_WORLD, WorldOptionsError, type WorldDocument } from './engine.js';
export { loadContract, describeViolations, ContractError } from './contract/index.js';
export type { Contract, Diagnostic } from './contract/index.js';
export { toMatchContract, createContractMatcher } from './contract/matchers.js';
export {
  runConformance,
  formatPrettyReport,
  formatJunitReport,
  recentFullMonth,
  CONFORMANCE_CHECK_IDS,
} from './conformance/index.js';
export type { ConformanceTarget, ConformanceOptions, ConformanceReport, CheckResult } from './conformance/index.js';
export { recordTarget, RecordError, type RecordOptions } from './reality/record-target.js';
export { readRecording } from './reality/read-recording.js';
export { writeRecording } from './reality/write-recording.js';
export { RecordingError, type Recording } from './replay/recording.js';
export { verifyRecording, type VerifyRecordingOptions } from './reality/verify-recording.js';
export { createReplay } from './replay/replay-recording.js';
export { replayDoor } from './replay/replay-door.js';
export { proxyDoor } from './proxy/proxy-door.js';
