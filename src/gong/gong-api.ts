/**
 * The Gong API of the world, as one object: the HTTP routes under /gong and the unified layer
 * both call it, so the raw format, the debug envelope and the Gong endpoints always agree,
 * and a Gong fault (asked for, or an account's habit) looks the same through both doors.
 */
import type { MockContext } from '../mock-context.js';
import type { GongInteractionStatsResponse, GongRecords, GongUsersResponse } from '../schema-types.js';
import type { WorldAccount } from '../world/world.js';
import { gongFault, type FaultState } from '../faults/gong-faults.js';
import type { ScenarioName } from '../faults/scenarios.js';
import { gongError, gongSuccess, type GongResult } from './gong-result.js';
import { listInteractionStats, statsRequestId } from './list-interaction-stats.js';
import { listUsers, type UsersQuery } from './list-users.js';

/**
 * Gong's paths below an account's base URL.
 *
 * @example
 * ```ts
 * `${origin}/gong/${account.id}${GONG_PATHS.users}`; // http://127.0.0.1:4010/gong/<id>/v2/users
 * ```
 */
export const GONG_PATHS = {
  interactionStats: '/v2/stats/interaction',
  users: '/v2/users',
} as const;

/**
 * Per-call options: the scenario the request asked for.
 *
 * @example
 * ```ts
 * gong.users(account, {}, { scenario: 'rate-limited' }); // a 429
 * ```
 */
export interface GongCallOptions {
  scenario?: ScenarioName | undefined;
}

/**
 * The Gong API of one world, as plain calls: every door (the Gong routes, the unified layer,
 * an in-process test) asks it, so they all see the same answers and the same faults. Each
 * call answers a {@link GongResult}: status, headers and body, ready to send.
 *
 * @example
 * ```ts
 * const gong = createGongApi(context, createFaultState({}));
 * const account = context.world.account(DEFAULT_ACCOUNT_ID)!;
 * const result = gong.interactionStats(account, { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });
 * if (result.ok) result.body.peopleInteractionStats.length; // up to 100 a page
 * ```
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
  ): GongResult<GongInteractionStatsResponse>;
  /** `GET /v2/users`: a page of the account's users (`query.cursor` picks it; `includeAvatars` adds the avatars). */
  users(account: WorldAccount, query: UsersQuery, call?: GongCallOptions): GongResult<GongUsersResponse>;
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

/**
 * The Gong API over a context; `faults` holds the server's fault settings and counters.
 *
 * @example
 * ```ts
 * const gong = createGongApi(context, createFaultState({ faultRate: 0.1 }));
 * gong.users(context.world.account(DEFAULT_ACCOUNT_ID)!, {}).status; // 200, or 500 one call in ten
 * ```
 */
export function createGongApi(context: MockContext, faults: FaultState): GongApi {
  return {
    interactionStats(account, body, call = {}) {
      const fault = gongFault(context, faults, account, call.scenario);
      if (fault.failure !== undefined) return fault.failure;
      if (fault.empty) {
        return gongError(404, statsRequestId(context, account, body), ['No stats found for the specified period']);
      }
      const result = listInteractionStats(context, account, body);
      return fault.looping ? handBackCursor(result, bodyCursor(body)) : result;
    },
    users(account, query, call = {}) {
      const fault = gongFault(context, faults, account, call.scenario);
      if (fault.failure !== undefined) return fault.failure;
      const result = listUsers(context, account, query);
      if (fault.empty && result.ok) {
        return gongSuccess({
          ...result.body,
          records: { totalRecords: 0, currentPageSize: 0, currentPageNumber: 0 },
          users: [],
        });
      }
      return fault.looping ? handBackCursor(result, query.cursor) : result;
    },
  };
}
