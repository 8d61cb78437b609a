/**
 * A Gong error as the unified API reports it: `truto_is_remote_error`, Gong's body in
 * `raw_response`, and the rate-limit headers forwarded.
 */
import type { GongFailure } from '../gong/gong-result.js';
import { unifiedError, type UnifiedErrorResult } from './unified-error.js';

/** Gong status -> unified status: a rejected request is a 422, a broken remote a 502. */
const STATUS_FROM_GONG: Readonly<Record<number, number>> = {
  400: 422,
  401: 401,
  403: 403,
  404: 404,
  422: 422,
  429: 429,
  500: 502,
  502: 502,
  503: 502,
  504: 504,
};

const FORWARDED_HEADERS = ['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'];

const LEAD: Readonly<Record<number, string>> = {
  401: "The remote API rejected the integrated account's credentials; re-authenticate the account",
  403: 'The remote API refused access; the integrated account lacks a required scope',
  429: 'The remote API rate limit was exceeded',
  502: 'The remote API returned an unexpected response',
  504: 'The remote API did not answer in time',
};

/** The unified error for a Gong error result. */
export function remoteError(result: GongFailure): UnifiedErrorResult {
  const status = STATUS_FROM_GONG[result.status] ?? 502;
  const detail = result.body.errors.join('; ');
  const lead = LEAD[status] ?? 'The remote API rejected the request';
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = result.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  // Gong sends no rate-limit headers; the unified API reports the limit that refused the call.
  if (result.rateLimit !== undefined && headers['ratelimit-limit'] === undefined) {
    headers['ratelimit-limit'] = String(result.rateLimit.limit);
    headers['ratelimit-remaining'] = '0';
    headers['ratelimit-reset'] = String(result.rateLimit.resetSeconds);
  }
  const retry = headers['retry-after'];
  const unit = retry === '1' ? 'second' : 'seconds';
  const message = retry !== undefined ? `${lead}; retry after ${retry} ${unit} (${detail})` : `${lead}: ${detail}`;
  return unifiedError(status, message, { truto_is_remote_error: true, raw_response: result.body }, headers);
}
