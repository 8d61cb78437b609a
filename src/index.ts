/**
 * interactions-kit's public API, named exports only.
 *
 * @example
 * ```ts
 * import { createApp, loadContract, runConformance } from 'interactions-kit';
 * ```
 */
export { createApp, createRequestListener, requestListener } from './server/create-app.js';
export { AppOptionsError, type AppOptions } from './server/options.js';
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
