/**
 * Every conformance check, in the order a run takes them: schema checks first (each format,
 * each documented error), then behaviour (pagination, the truto_* options), then the sweep
 * for 5xx over everything asked before it.
 */
import type { ConformanceCheck } from '../conformance-check.js';
import { errorChecks } from './error-checks.js';
import { excludeFieldsCheck } from './exclude-fields-check.js';
import { formatChecks } from './format-checks.js';
import { ignoreRemoteDataCheck } from './ignore-remote-data-check.js';
import { keyByCheck } from './key-by-check.js';
import { noServerErrorsCheck } from './no-server-errors-check.js';
import { paginationChecks } from './pagination-checks.js';

export const CONFORMANCE_CHECKS: readonly ConformanceCheck[] = [
  ...formatChecks,
  ...errorChecks,
  ...paginationChecks,
  keyByCheck,
  excludeFieldsCheck,
  ignoreRemoteDataCheck,
  noServerErrorsCheck,
];
