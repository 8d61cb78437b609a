/**
 * The Gong API of the world, as one object: the HTTP routes under /gong and the unified layer
 * both call it, so the raw format, the debug envelope and the Gong endpoints always agree,
 * and a Gong fault (asked for, or an account's habit) looks the same through both doors.
 */
import type { MockContext } from '../mock-context.js';
import type { GongInteractionStatsResponse, GongRecords, GongUsersResponse } from '../schema-types.js';
import type { WorldAccount } from '../world/world.js';
import type { ScenarioName } from '../scenarios.js';
import { NO_GONG_FAULTS, type GongFaultSource } from './gong-faults.js';
import { gongError, gongSuccess, type GongResult } from './gong-result.js';
import { listInteractionStats, statsRequestId } from './list-interaction-stats.js';
import { listUsers, type UsersQuery } from './list-users.js';
import { NO_WINDOW_CACHE, type WindowCache } from './window-cache.js';

/**
 * Gong's paths below an account's base URL.
 *
 * @example
 * `${origin}/gong/${account.id}${GONG_PATHS.users}`; // http://127.0.0.1:4010/gong/<id>/v2/users
 */
export const GONG_PATHS = {
  interactionStats: '/v2/stats/interaction',
  users: '/v2/users',
} as const;

/**
 * Per-call options: the scenario the request asked for.
 *
 * @example
 * await gong.users(account, {}, { scenario: 'rate-limited' }); // a 429
 */
export interface GongCallOptions {
  scenario?: ScenarioName | undefined;
}

/**
 * Gong's endpoints for the world's accounts. A result says whether it may be reused
 * (`repeatable`): false when a fault decision (a counter, a limiter, a scenario) was involved.
 *
 * @example
 * const result = await gong.users(account, { includeAvatars: false });
 * if (result.ok) result.body.users.length; // up to 100
 */
export interface GongApi {
  /**
   * `POST /v2/stats/interaction`: `body` is the request's JSON as sent (checked here, as Gong
   * checks it); its `cursor`, when present, picks the page.
   */
  interactionStats(
    account: WorldAccount,
    body: unknown,
    call?: GongCallOptions,
  ): Promise<GongResult<GongInteractionStatsResponse>>;
  /** `GET /v2/users`: a page of the account's users (`query.cursor` picks it; `includeAvatars` adds the avatars). */
  users(account: WorldAccount, query: UsersQuery, call?: GongCallOptions): Promise<GongResult<GongUsersResponse>>;
}

/** What a Gong API is made of besides the context; all optional. */
export interface GongApiParts {
  /** Decides each call's fault. Default: none, every call succeeds. */
  faults?: GongFaultSource;
  /** Keeps the windows being walked. Default: nothing kept. */
  windows?: WindowCache;
}

function bodyCursor(body: unknown): string | undefined {
  const cursor = (body as { cursor?: unknown } | null)?.cursor;
  return typeof cursor === 'string' ? cursor : undefined;
}

/** A looping remote hands back the very cursor it was given (on any page but the first). */
function handBackCursor<Body extends { records: GongRecords }>(
  result: GongResult<Body>,
  given: string | undefined,
): GongResult<Body> {
  if (!result.ok || given === undefined) return result;
  return gongSuccess({ ...result.body, records: { ...result.body.records, cursor: given } });
}

/** Marks a result that a fault decision made unfit for reuse. */
function unrepeatable<Result extends GongResult<unknown>>(result: Result, repeatable: boolean): Result {
  return repeatable ? result : { ...result, repeatable: false };
}

/**
 * The Gong API over a context.
 *
 * @example
 * const gong = createGongApi(context, { faults: createGongFaults(context), windows: createWindowCache() });
 */
export function createGongApi(context: MockContext, parts: GongApiParts = {}): GongApi {
  const { faults = NO_GONG_FAULTS, windows = NO_WINDOW_CACHE } = parts;
  return {
    async interactionStats(account, body, call = {}) {
      const fault = await faults.meet(account, call.scenario);
      if (fault.failure !== undefined) return unrepeatable(fault.failure, false);
      if (fault.empty) {
        return unrepeatable(
          gongError(404, statsRequestId(context, account, body), ['No stats found for the specified period']),
          false,
        );
      }
      const result = listInteractionStats(context, account, body, windows);
      return unrepeatable(fault.looping ? handBackCursor(result, bodyCursor(body)) : result, fault.repeatable);
    },
    async users(account, query, call = {}) {
      const fault = await faults.meet(account, call.scenario);
      if (fault.failure !== undefined) return unrepeatable(fault.failure, false);
      const result = listUsers(context, account, query);
      if (fault.empty && result.ok) {
        return unrepeatable(
          gongSuccess({
            ...result.body,
            records: { totalRecords: 0, currentPageSize: 0, currentPageNumber: 0 },
            users: [],
          }),
          false,
        );
      }
      return unrepeatable(fault.looping ? handBackCursor(result, query.cursor) : result, fault.repeatable);
    },
  };
}
