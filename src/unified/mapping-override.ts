/**
 * What the unified layer asks of a mapping override (src/mapping builds one from JSONata): an
 * account's Gong request body and records, or undefined for the built-in mapping. Declared
 * here, beside its one user, so the override machinery builds on the unified layer and never
 * the other way round.
 */
import type { GongInteractionStatsResponse, GongPersonInteractionStats, Interaction } from '../schema-types.js';
import type { WorldAccount } from '../world/world.js';
import type { MappingFailure } from './mapping-failure.js';
import type { MappingKind, MappingLayer } from './mapping-texts.js';
import type { UnifiedQuery } from './unified-query.js';

type Json = Record<string, unknown>;

/**
 * The overridden mapping of one account: its Gong request body and its records.
 *
 * @example
 * const body = await mapper.gongBody(account, query, undefined);
 * if (!isMappingFailure(body)) await gong.interactionStats(account, body);
 */
export interface AccountMapper {
  /** Which layer each kind comes from. */
  readonly layers: Readonly<Record<MappingKind, MappingLayer>>;
  /** The `POST /v2/stats/interaction` body: the query mapping's, with the cursor and `remote_query` added. */
  gongBody(account: WorldAccount, query: UnifiedQuery, gongCursor: string | undefined): Promise<Json | MappingFailure>;
  /** The page's records through the response mapping; `null` drops one, `remote_data` is added to each. */
  records(
    account: WorldAccount,
    page: { body: GongInteractionStatsResponse; headers: Record<string, string> },
    people: readonly GongPersonInteractionStats[],
    query: UnifiedQuery,
    rawQuery: string,
  ): Promise<Interaction[] | MappingFailure>;
}

/**
 * Every account's mapping.
 *
 * @example
 * const mapper = mappings.forAccount(account.id); // undefined: the built-in mapping
 */
export interface GongMappings {
  /** The account's mapper, or undefined when no layer overrides anything for it. */
  forAccount(accountId: string): AccountMapper | undefined;
  /** Every override compiled, with the account it belongs to: what a load-time check reports. */
  check(): Promise<Array<MappingFailure & { accountId?: string }>>;
}
