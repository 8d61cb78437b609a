/**
 * One GET of the unified endpoint of the target, with a timeout, checked against the contract.
 * The answer comes back with its contract diagnostics; a target that cannot be reached or
 * does not answer in time is a thrown {@link TargetUnreachableError} / {@link RequestTimeoutError}.
 */
import type { Diagnostic } from '../contract/diagnostics.js';
import type { ResolvedConformance } from './conformance-options.js';
import { fetchFailure, RequestTimeoutError, TargetUnreachableError } from './target-errors.js';
import { UNIFIED_INTERACTIONS_PATH } from '../unified/interactions-path.js';

/** The unified endpoint, below the target's base URL. */

/** Query parameters as ordered pairs, so keys can repeat (`truto_exclude_fields[]`). */
export type QueryPairs = ReadonlyArray<readonly [string, string]>;

/** What to ask the unified endpoint. */
export interface UnifiedRequest {
  query: QueryPairs;
  /** Send `Authorization: Bearer <token>`. Default true. */
  auth?: boolean;
  /** The `Accept` header. Default `application/json`. */
  accept?: string;
}

/** An answer of the target, read whole. */
export interface UnifiedAnswer {
  /** `GET <path>?<query>`, relative to the base URL, for messages. */
  request: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON when it is JSON; `undefined` otherwise. */
  json: unknown;
  /** How the answer breaks the contract; `[]` when it honours it. */
  diagnostics: Diagnostic[];
}

/** Brackets stay literal (`users[][id]`), as the API documents its query style. */
function encodeQuery(query: QueryPairs): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
  return query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}

/** The full URL of a unified request. */
export function unifiedUrl(resolved: ResolvedConformance, query: QueryPairs): string {
  const search = encodeQuery(query);
  return `${resolved.baseUrl}${UNIFIED_INTERACTIONS_PATH}${search === '' ? '' : `?${search}`}`;
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return (
    (error as Error | undefined)?.name === 'TimeoutError' ||
    (signal.aborted && (signal.reason as Error)?.name === 'TimeoutError')
  );
}

function parseJson(text: string, contentType: string | null): unknown {
  if (contentType === null || !/[/+]json\b/i.test(contentType)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * GETs the unified endpoint once.
 *
 * @example
 * ```ts
 * const answer = await getUnified(resolved, { query: [['integrated_account_id', id], ...] });
 * answer.status; answer.diagnostics;
 * ```
 */
export async function getUnified(resolved: ResolvedConformance, request: UnifiedRequest): Promise<UnifiedAnswer> {
  const url = unifiedUrl(resolved, request.query);
  const label = `GET ${url.slice(resolved.baseUrl.length)}`;
  const headers: Record<string, string> = { accept: request.accept ?? 'application/json' };
  if (request.auth !== false) headers.authorization = `Bearer ${resolved.target.token}`;
  const signal = AbortSignal.timeout(resolved.timeoutMs);
  let response: Response;
  try {
    response = await resolved.fetch(url, { method: 'GET', headers, signal, redirect: 'manual' });
  } catch (error) {
    if (isTimeout(error, signal))
      throw new RequestTimeoutError(`no answer within ${resolved.timeoutMs} ms to ${label}`);
    const failure = fetchFailure(error);
    if (failure.connect) throw new TargetUnreachableError(`cannot reach ${resolved.baseUrl}: ${failure.reason}`);
    throw new Error(`no HTTP answer to ${label}: ${failure.reason}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isTimeout(error, signal)) {
      throw new RequestTimeoutError(`the body of ${label} did not arrive within ${resolved.timeoutMs} ms`);
    }
    throw new Error(`the body of ${label} could not be read: ${fetchFailure(error).reason}`);
  }
  const diagnostics = resolved.contract.validateResponse({
    method: 'GET',
    path: url,
    status: response.status,
    headers: response.headers,
    body: text,
  });
  return {
    request: label,
    url,
    status: response.status,
    headers: response.headers,
    text,
    json: parseJson(text, response.headers.get('content-type')),
    diagnostics,
  };
}
