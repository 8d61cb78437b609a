import type { GongErrorResponse, GongInteractionStatsResponse, GongUsersResponse } from '../schema-types.js';

/** A Gong answer with data. */
export interface GongSuccess<Body> {
  ok: true;
  status: 200;
  headers: Record<string, string>;
  body: Body;
  /** False when a fault decision was involved: the same call may answer otherwise. Default true. */
  repeatable?: false;
}

/** A Gong error: `{ requestId, errors: [...] }` with its status and headers. */
export interface GongFailure {
  ok: false;
  status: number;
  headers: Record<string, string>;
  body: GongErrorResponse;
  /** For a 429: the limit that refused the call (Gong sends no headers for it; the unified API reports it). */
  rateLimit?: { limit: number; resetSeconds: number };
  /** False when a fault decision was involved: the same call may answer otherwise. Default true. */
  repeatable?: false;
}

/**
 * What a Gong endpoint answers: the HTTP layer sends it as it is, the unified layer reads it.
 *
 * @example
 * ```ts
 * const result: GongResult = gong.users(account, {});
 * if (!result.ok) result.body.errors; // Gong's messages, e.g. ['cursor: points past the last page']
 * ```
 */
export type GongResult<Body = GongInteractionStatsResponse | GongUsersResponse> = GongSuccess<Body> | GongFailure;

const JSON_CONTENT = 'application/json; charset=utf-8';

/** A Gong success with Gong's JSON content type. */
export function gongSuccess<Body>(body: Body): GongSuccess<Body> {
  return { ok: true, status: 200, headers: { 'content-type': JSON_CONTENT }, body };
}

/** A Gong error answer. */
export function gongError(
  status: number,
  requestId: string,
  errors: string[],
  headers: Record<string, string> = {},
): GongFailure {
  return { ok: false, status, headers: { 'content-type': JSON_CONTENT, ...headers }, body: { requestId, errors } };
}
