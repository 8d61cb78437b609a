/**
 * A recording of the real service: exchanges in the fixtures' format (`{ description, request,
 * response: { status, headers, body } }`) and an index saying what was recorded, from where,
 * for which account and window. `record` and `serve --proxy --record` write one; `serve
 * --replay` and `verify --recording` read one.
 */
import type { FixtureFile } from '../fixtures/fixture-file.js';

/** The index file's name, in the recording's folder. */
export const RECORDING_INDEX = 'index.json';

/**
 * One recorded exchange: the fixture file as written, and the body's exact text (from
 * `response.body` re-serialized, or from `response.bodyFile`).
 *
 * @example
 * const exchange: RecordedExchange = { file: 'exchanges/0001.json', fixture, bodyText: '{"result":[]}' };
 */
export interface RecordedExchange {
  /** Path of the fixture file, relative to the recording's folder, with `/`. */
  file: string;
  fixture: FixtureFile;
  /** The body exactly as the target sent it (after redaction). */
  bodyText: string;
}

/**
 * What a recording holds besides its exchanges: enough to replay the conformance suite over it.
 *
 * @example
 * const info: RecordingInfo = { baseUrl: 'https://api.truto.one', account: '62f4...', start, end, recordedAt, limit: 25, unknownAccount };
 */
export interface RecordingInfo {
  /** Where it was recorded (credentials redacted). */
  baseUrl: string;
  /** The `integrated_account_id` recorded. */
  account: string;
  /** The window's `start_time` and `end_time`. */
  start: string;
  end: string;
  /** When the recording was made (ISO 8601). */
  recordedAt: string;
  /** `limit` of the conformance suite's paged requests. */
  limit?: number;
  /** The account id the suite used as "unknown". */
  unknownAccount?: string;
  /** The formats walked page by page. */
  formats?: string[];
}

/**
 * A recording in memory.
 *
 * @example
 * const recording = readRecording('recording'); recording.exchanges.length;
 */
export interface Recording {
  info: RecordingInfo;
  exchanges: RecordedExchange[];
}

/**
 * A recording folder that cannot be read: missing, empty, or a file that is not what it should
 * be. The message names the file and the problem.
 *
 * @example
 * try { readRecording('nowhere'); } catch (error) { error instanceof RecordingError; } // true
 */
export class RecordingError extends Error {
  override name = 'RecordingError';
}
