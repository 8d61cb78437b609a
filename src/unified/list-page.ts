/**
 * One unified page, the way the real service makes it: translate the query into a Gong
 * request, call Gong, map its records, slice by `limit`, and wrap Gong's cursor in ours.
 */
import type { GongApi, GongCallOptions } from '../gong/gong-api.js';
import type { GongResult } from '../gong/gong-result.js';
import type { MockContext } from '../mock-context.js';
import type { GongInteractionStatsResponse, GongPersonInteractionStats, Interaction } from '../schema-types.js';
import { fingerprint, type SigningKeys } from '../signing.js';
import type { WorldAccount } from '../world/world.js';
import { gongStatsBody, windowOutOfRange } from './gong-request.js';
import { toInteraction } from './map-interaction-stats.js';
import { remoteError } from './remote-error.js';
import type { AccountMapper } from './mapping-override.js';
import { isMappingFailure, mappingError } from './mapping-failure.js';
import { decodeUnifiedCursor, encodeUnifiedCursor, type UnifiedPosition } from './unified-cursor.js';
import { invalidParameters, type UnifiedErrorResult } from './unified-error.js';
import type { UnifiedQuery } from './unified-query.js';

/** The Gong call behind a page, for the debug envelope. */
export interface GongCall {
  body: Record<string, unknown>;
  result: GongResult<GongInteractionStatsResponse>;
}

/**
 * One unified page: Gong's records, the same records mapped, the `next_cursor`, and the Gong
 * call behind them (for the debug envelope).
 *
 * @example
 * const page = await fetchUnifiedPage(context, gong, query);
 * if (!isErrorResult(page)) page.nextCursor; // null on the last page
 */
export interface UnifiedPage {
  /** Gong's records of this page, as Gong sent them. */
  people: GongPersonInteractionStats[];
  /** The same records mapped to unified records. */
  records: Interaction[];
  /** The page's `next_cursor`: null on the last page. */
  nextCursor: string | null;
  /** The Gong call made for this page, for the debug envelope. */
  gongCall: GongCall;
  /** False when a fault decision was involved in the Gong call: the page must not be reused. */
  repeatable: boolean;
}

/** What a cursor is bound to: everything that decides which records a page holds. */
export function queryFingerprint(keys: SigningKeys, query: UnifiedQuery): string {
  return fingerprint(
    keys,
    JSON.stringify([
      query.integratedAccountId,
      query.startMs,
      query.endMs,
      query.userIds ?? null,
      query.limit,
      query.remoteQuery ?? null,
    ]),
  );
}

/**
 * A remote that hands back the cursor it was given would send every client round the same
 * page for ever (neither official SDK guards against it), so the page where that happens is
 * the last: its `next_cursor` is null and its debug envelope says `isLooping`.
 */
export function isLooping(remoteNextCursor: string | undefined, givenRemoteCursor: string | undefined): boolean {
  return remoteNextCursor !== undefined && remoteNextCursor === givenRemoteCursor;
}

/**
 * An account's overridden mapping and the request's query string as sent (which the response
 * mapping reads as `rawQuery`).
 *
 * @example
 * const mapping: PageMapping = { mapper: mappings.forAccount(account.id)!, rawQuery };
 */
export interface PageMapping {
  mapper: AccountMapper;
  rawQuery: string;
}

/**
 * The page a query's `next_cursor` points at (the first page without one). Without `mapping`
 * the built-in mapping runs, synchronously; with it, the overriding expressions.
 */
export async function fetchUnifiedPage(
  context: MockContext,
  gong: GongApi,
  account: WorldAccount,
  query: UnifiedQuery,
  call: GongCallOptions = {},
  mapping?: PageMapping,
): Promise<UnifiedPage | UnifiedErrorResult> {
  const bound = queryFingerprint(context, query);
  let position: UnifiedPosition = { gongCursor: undefined, offset: 0 };
  if (query.nextCursor !== undefined) {
    const decoded = decodeUnifiedCursor(context, query.nextCursor, bound, context.world.fingerprint);
    if ('problem' in decoded) return invalidParameters([decoded.problem]);
    position = decoded.position;
  }
  const outOfRange = windowOutOfRange(account, query);
  if (outOfRange !== undefined) return invalidParameters([outOfRange]);
  const body =
    mapping === undefined
      ? gongStatsBody(account, query, position.gongCursor)
      : await mapping.mapper.gongBody(account, query, position.gongCursor);
  if (isMappingFailure(body)) return mappingError(body, null);
  const result = await gong.interactionStats(account, body, call);
  const gongCall: GongCall = { body, result };
  if (!result.ok) {
    // Gong answers an empty window with 404; the unified API answers it with an empty page.
    if (result.status === 404 && position.gongCursor === undefined)
      return { people: [], records: [], nextCursor: null, gongCall, repeatable: result.repeatable !== false };
    return remoteError(result);
  }
  const page = result.body;
  const people = page.peopleInteractionStats.slice(position.offset, position.offset + query.limit);
  const end = position.offset + query.limit;
  let next: UnifiedPosition | undefined;
  if (end < page.peopleInteractionStats.length) next = { gongCursor: position.gongCursor, offset: end };
  else if (page.records.cursor !== undefined && !isLooping(page.records.cursor, position.gongCursor))
    next = { gongCursor: page.records.cursor, offset: 0 };
  const window = { fromDateTime: page.fromDateTime, toDateTime: page.toDateTime, timeZone: page.timeZone };
  const records =
    mapping === undefined
      ? people.map((person) => toInteraction(person, window))
      : await mapping.mapper.records(account, { body: page, headers: result.headers }, people, query, mapping.rawQuery);
  if (isMappingFailure(records)) return mappingError(records, page);
  return {
    people,
    records,
    nextCursor: next === undefined ? null : encodeUnifiedCursor(context, bound, next, context.world.fingerprint),
    gongCall,
    repeatable: result.repeatable !== false,
  };
}

/** Whether `fetchUnifiedPage` answered with an error. */
export function isErrorResult(value: UnifiedPage | UnifiedErrorResult): value is UnifiedErrorResult {
  return 'status' in value;
}
