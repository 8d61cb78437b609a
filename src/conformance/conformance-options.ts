/**
 * The target a conformance run checks and the options of the run, resolved once.
 */
import { randomUUID } from 'node:crypto';
import { loadContract, type Contract } from '../contract/contract.js';
import { redactUrl } from '../redact.js';

/**
 * Where the unified API is and which account and window to read.
 *
 * @example
 * ```ts
 * const target: ConformanceTarget = {
 *   baseUrl: 'https://api.truto.one', token: process.env.TRUTO_TOKEN!,
 *   account: '62f44730-dd91-461e-bd6a-aedd9e0ad79d',
 *   start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z',
 * };
 * ```
 */
export interface ConformanceTarget {
  /** Base URL; the unified path is appended (`https://api.truto.one`, `http://127.0.0.1:4010`). */
  baseUrl: string;
  /** API token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** `integrated_account_id` of an account the token can read. */
  account: string;
  /** `start_time` of the window (ISO 8601). */
  start: string;
  /** `end_time` of the window (ISO 8601). */
  end: string;
}

/**
 * Options of a run; all optional.
 *
 * @example
 * ```ts
 * await runConformance(target, { timeoutMs: 10_000, limit: 10, only: ['error-bad-cursor'] });
 * ```
 */
export interface ConformanceOptions {
  /** The fetch to call. Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Longest wait for one answer, body included, in ms. Default 15 000. */
  timeoutMs?: number;
  /** `limit` of every paged request. Default 25. */
  limit?: number;
  /** Pages the pagination walk may take before it counts as endless. Default 200. */
  maxPages?: number;
  /** Only these check ids run; the rest are skipped. Default: every check. */
  only?: readonly string[];
  /** These check ids are skipped. Default none. */
  skip?: readonly string[];
  /** The `integrated_account_id` no account has. Default: a random UUID. */
  unknownAccount?: string;
  /** The contract answers are checked against. Default: the package's openapi.yaml. */
  contract?: Contract;
}

/** Everything a run reads, complete. */
export interface ResolvedConformance {
  target: ConformanceTarget;
  /** `baseUrl` without a trailing slash. */
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  limit: number;
  maxPages: number;
  selected(id: string): boolean;
  unknownAccount: string;
  contract: Contract;
}

/**
 * A misuse of `runConformance`'s target or options (thrown before any request is made).
 *
 * @example
 * ```ts
 * await runConformance(target, { limit: 0 }); // rejects: ConformanceOptionsError: limit must be a whole number above 0, got 0
 * ```
 */
export class ConformanceOptionsError extends Error {
  override name = 'ConformanceOptionsError';
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ConformanceOptionsError(`${name} must be a whole number above 0, got ${value}`);
  return value;
}

/** Fills in every default and checks the target. */
export function resolveConformance(target: ConformanceTarget, options: ConformanceOptions = {}): ResolvedConformance {
  const { timeoutMs = 15_000, limit = 25, maxPages = 200, only, skip = [] } = options;
  let url: URL;
  try {
    url = new URL(target.baseUrl);
  } catch {
    throw new ConformanceOptionsError(
      `baseUrl must be an absolute http(s) URL, got ${JSON.stringify(redactUrl(target.baseUrl))}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConformanceOptionsError(
      `baseUrl must be an http(s) URL, got ${JSON.stringify(redactUrl(target.baseUrl))}`,
    );
  }
  for (const name of ['token', 'account', 'start', 'end'] as const) {
    if (typeof target[name] !== 'string' || target[name] === '')
      throw new ConformanceOptionsError(`${name} must not be empty`);
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new ConformanceOptionsError('no fetch: pass options.fetch');
  return {
    target,
    baseUrl: target.baseUrl.replace(/\/+$/, ''),
    fetch: fetchImpl,
    timeoutMs: positiveInteger('timeoutMs', timeoutMs),
    limit: positiveInteger('limit', limit),
    maxPages: positiveInteger('maxPages', maxPages),
    selected: (id) => (only === undefined || only.includes(id)) && !skip.includes(id),
    unknownAccount: options.unknownAccount ?? randomUUID(),
    contract: options.contract ?? loadContract(),
  };
}
