/**
 * The Gong API of the world, as one object: the HTTP routes under /gong and the unified layer
 * both call it, so the raw format, the debug envelope and the Gong endpoints always agree.
 */
import type { MockContext } from '../mock-context.js';
import type { GongInteractionStatsResponse, GongUsersResponse } from '../schema-types.js';
import type { WorldAccount } from '../world/world.js';
import type { GongResult } from './gong-result.js';
import { listInteractionStats } from './list-interaction-stats.js';
import { listUsers, type UsersQuery } from './list-users.js';

/** Gong's paths below an account's base URL. */
export const GONG_PATHS = {
  interactionStats: '/v2/stats/interaction',
  users: '/v2/users',
} as const;

export interface GongApi {
  interactionStats(account: WorldAccount, body: unknown): GongResult<GongInteractionStatsResponse>;
  users(account: WorldAccount, query: UsersQuery): GongResult<GongUsersResponse>;
}

/** The Gong API over a context. */
export function createGongApi(context: MockContext): GongApi {
  return {
    interactionStats: (account, body) => listInteractionStats(context, account, body),
    users: (account, query) => listUsers(context, account, query),
  };
}
