/**
 * `verify --recording DIR`: the conformance suite run offline over a recording (its requests
 * answered by replay, so a request the recording lacks fails its check with the near misses),
 * followed by the drift report. The report is the live run's, with the same reporters; a team
 * records once with a token and checks every contract or mock change in CI without one.
 */
import type { CheckResult, ConformanceReport } from '../conformance/check-result.js';
import { runConformance } from '../conformance/run-conformance.js';
import { loadContract, type Contract } from '../contract/contract.js';
import { createEngine } from '../engine/create-engine.js';
import { createReplay, replayFetch } from '../replay/replay-recording.js';
import { driftChecks } from './drift/drift-checks.js';
import { engineAnswerer, type MockAnswerer } from './drift/mock-shapes.js';
import type { Recording } from '../replay/recording.js';

/** Where the replayed suite "sends" its requests: never resolved, never reached. */
const RECORDING_ORIGIN = 'http://recording.invalid';

/**
 * Options of {@link verifyRecording}; all optional.
 *
 * @example
 * await verifyRecording(recording, { only: ['format-raw'], mock: false });
 */
export interface VerifyRecordingOptions {
  /** The contract. Default: the package's openapi.yaml. */
  contract?: Contract;
  /** The mock compared in shape: an answerer, or false for none. Default: this kit's engine, default world. */
  mock?: MockAnswerer | false;
  /** Conformance checks to run (drift checks always run). Default every one. */
  only?: readonly string[];
  /** Conformance checks to skip. Default none. */
  skip?: readonly string[];
  /** Pages the pagination walk may take. Default 200. */
  maxPages?: number;
  /** Named in the report: where the recording is. Default the recording's base URL. */
  source?: string;
}

function summaryOf(checks: readonly CheckResult[]) {
  const count = (status: CheckResult['status']) => checks.filter((check) => check.status === status).length;
  return { total: checks.length, passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

/**
 * The conformance report of a recording, drift checks included.
 *
 * @example
 * const report = await verifyRecording(readRecording('recording'));
 * console.log(formatPrettyReport(report));
 */
export async function verifyRecording(
  recording: Recording,
  options: VerifyRecordingOptions = {},
): Promise<ConformanceReport> {
  const started = performance.now();
  const { info } = recording;
  const contract = options.contract ?? loadContract();
  const report = await runConformance(
    { baseUrl: RECORDING_ORIGIN, token: 'recorded', account: info.account, start: info.start, end: info.end },
    {
      fetch: replayFetch(createReplay(recording), RECORDING_ORIGIN),
      contract,
      limit: info.limit ?? 25,
      maxPages: options.maxPages ?? 200,
      ...(info.unknownAccount === undefined ? {} : { unknownAccount: info.unknownAccount }),
      ...(options.only === undefined ? {} : { only: options.only }),
      ...(options.skip === undefined ? {} : { skip: options.skip }),
    },
  );
  const mock =
    options.mock === false
      ? undefined
      : (options.mock ?? engineAnswerer(createEngine({ now: info.recordedAt }), info.account));
  const checks = [...report.checks, ...(await driftChecks(recording, contract, mock))];
  const summary = summaryOf(checks);
  return {
    ...report,
    target: { ...report.target, baseUrl: options.source ?? `recording of ${info.baseUrl}` },
    checks,
    summary,
    ok: report.unreachable === undefined && summary.failed === 0,
    durationMs: Math.round(performance.now() - started),
  };
}
