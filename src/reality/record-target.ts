/**
 * Records the target: the conformance suite's own requests (every format's first page, the
 * errors that can be provoked without harm: no token, missing parameters, an unknown account, a
 * garbage cursor; the pagination walk and the `truto_*` options), then every page of the window
 * in each format asked for. So `verify --recording` can run the same suite offline and
 * `serve --replay` can serve a client's whole walk. Every exchange is redacted before it is kept.
 */
import { randomUUID } from 'node:crypto';
import { resolveConformance, type ConformanceTarget } from '../conformance/conformance-options.js';
import { runConformance } from '../conformance/run-conformance.js';
import { getUnified, type QueryPairs, type UnifiedAnswer } from '../conformance/unified-request.js';
import { TargetUnreachableError } from '../conformance/target-errors.js';
import { nextCursorOf } from '../conformance/records.js';
import { redactUrl } from '../redact.js';
import { createCapturingFetch, type CapturedExchange } from './capturing-fetch.js';
import { redactExchange } from './redact-exchange.js';
import { requestKey } from '../replay/request-key.js';
import type { Recording, RecordedExchange } from '../replay/recording.js';

/** The formats `record` can walk, in the spec's words. */
export const RECORD_FORMATS = ['unified', 'raw', 'normalized', 'debug', 'stream'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/**
 * Options of {@link recordTarget}; all optional.
 *
 * @example
 * await recordTarget(target, { formats: ['unified', 'raw'], onProgress: (done, total) => bar.update(done) });
 */
export interface RecordOptions {
  /** Formats walked page by page. Default all five. */
  formats?: readonly RecordFormat[];
  /** `limit` of paged requests. Default 25, the conformance suite's. */
  limit?: number;
  /** Pages a walk may take (a target that loops stops there). Default 200. */
  maxPages?: number;
  /** Longest wait for one answer, in ms. Default 15 000. */
  timeoutMs?: number;
  /** The fetch that reaches the target. Default the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Waits out a 429; default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Told after each step (the suite, then each format's walk). */
  onProgress?: (done: number, total: number) => void;
  /** The recording's time. Default the clock. */
  now?: Date;
}

/**
 * The target cannot be recorded: it is unreachable, it is not the unified interactions API, or
 * it refuses the token or the account. One line, for the CLI.
 *
 * @example
 * try { await recordTarget(target); } catch (error) { if (error instanceof RecordError) console.error(error.message); }
 */
export class RecordError extends Error {
  override name = 'RecordError';
}

function looksLikeTheApi(answer: UnifiedAnswer): boolean {
  const body = answer.json as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) return false;
  if ('result' in body && 'next_cursor' in body) return true;
  return typeof body.statusCode === 'number' && typeof body.message === 'string';
}

/** The first page, asked before anything else: is this the API, and will it talk to us? */
function checkFirstAnswer(answer: UnifiedAnswer, target: ConformanceTarget): void {
  const where = redactUrl(target.baseUrl);
  if (!looksLikeTheApi(answer)) {
    const type = answer.headers.get('content-type') ?? 'no content type';
    throw new RecordError(
      `${where} does not look like the unified interactions API: ${answer.request} answered ${answer.status} (${type}), neither a page ({ result, next_cursor }) nor an error ({ statusCode, error, message })`,
    );
  }
  const message = (answer.json as { message?: unknown }).message;
  if (answer.status === 401 || answer.status === 403)
    throw new RecordError(`${where} refused the token (${answer.status}): ${String(message)}`);
  if (answer.status === 404)
    throw new RecordError(`${where} does not know account ${target.account} (404): ${String(message)}`);
  if (answer.status >= 400)
    throw new RecordError(`${where} answered the window's first page with ${answer.status}: ${String(message)}`);
}

/**
 * Records `target` and returns the recording (redacted; nothing is written here).
 *
 * @example
 * const recording = await recordTarget({ baseUrl, token, account, start, end });
 * writeRecording('recording', recording);
 */
export async function recordTarget(target: ConformanceTarget, options: RecordOptions = {}): Promise<Recording> {
  const { formats = RECORD_FORMATS, limit = 25, maxPages = 200, timeoutMs = 15_000, onProgress } = options;
  const unknownAccount = randomUUID();
  const captured: CapturedExchange[] = [];
  let step = 'first page';
  const capture = createCapturingFetch({
    baseUrl: target.baseUrl,
    onExchange: (exchange) => captured.push(exchange),
    describe: (method, path) => `${step}: ${method} ${path}`,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  const resolved = resolveConformance(target, { fetch: capture, limit, maxPages, timeoutMs, unknownAccount });
  const window: QueryPairs = [
    ['integrated_account_id', target.account],
    ['start_time', target.start],
    ['end_time', target.end],
  ];
  const total = 2 + formats.length;
  try {
    checkFirstAnswer(await getUnified(resolved, { query: [...window, ['limit', String(limit)]] }), target);
    onProgress?.(1, total);
    step = 'conformance suite';
    const report = await runConformance(target, { fetch: capture, limit, maxPages, timeoutMs, unknownAccount });
    if (report.unreachable !== undefined) throw new TargetUnreachableError(report.unreachable);
    onProgress?.(2, total);
    for (const [i, format] of formats.entries()) {
      step = `truto_response_format=${format}`;
      await walkFormat(resolved, window, format, limit, maxPages);
      onProgress?.(3 + i, total);
    }
  } catch (error) {
    if (error instanceof TargetUnreachableError) throw new RecordError(error.message);
    throw error;
  }
  return {
    info: {
      baseUrl: redactUrl(target.baseUrl),
      account: target.account,
      start: target.start,
      end: target.end,
      recordedAt: (options.now ?? new Date()).toISOString(),
      limit,
      unknownAccount,
      formats: [...formats],
    },
    exchanges: uniqueExchanges(captured, [target.token]),
  };
}

/** Every page of one format, following `next_cursor` until null, a repeated cursor or maxPages. */
async function walkFormat(
  resolved: ReturnType<typeof resolveConformance>,
  window: QueryPairs,
  format: RecordFormat,
  limit: number,
  maxPages: number,
): Promise<void> {
  const query: QueryPairs = [...window, ['limit', String(limit)], ['truto_response_format', format]];
  if (format === 'stream') {
    await getUnified(resolved, { query, accept: 'application/x-ndjson' });
    return;
  }
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const answer = await getUnified(resolved, {
      query: cursor === undefined ? query : [...query, ['next_cursor', cursor]],
    });
    const next = nextCursorOf(answer.json);
    if (answer.status !== 200 || typeof next !== 'string' || next === '' || seen.has(next)) return;
    seen.add(next);
    cursor = next;
  }
}

/** Redacted, numbered, each request once (the suite and a walk share first pages). */
function uniqueExchanges(captured: readonly CapturedExchange[], secrets: readonly string[]): RecordedExchange[] {
  const kept = new Map<string, RecordedExchange>();
  for (const exchange of captured) {
    const clean = redactExchange(exchange.fixture, exchange.bodyText, secrets);
    const key = requestKey(clean.fixture.request.method, clean.fixture.request.url, clean.fixture.request.headers).text;
    if (!kept.has(key)) kept.set(key, { file: '', ...clean });
  }
  return [...kept.values()];
}
