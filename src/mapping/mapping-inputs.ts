/**
 * What the mapping expressions see, built from the request the way the service documents it:
 * `query_mapping` gets `query`, `body`, `context`, `before` and `id`; `response_mapping` gets
 * `response` (one `peopleInteractionStats` entry), `body`, `headers`, `query`, `rawQuery` and
 * `context`. The expressions read them as fields of their input (`response.userId`).
 */
import type { GongInteractionStatsResponse, GongPersonInteractionStats } from '../schema-types.js';
import type { UnifiedQuery } from '../unified/unified-query.js';
import type { WorldAccount } from '../world/world.js';

type Json = Record<string, unknown>;

/**
 * The unified query as the expressions read it. The window bounds are instants in UTC
 * (`2026-10-01T00:00:00.000Z`): the service has already read what was sent (a date, or a
 * date-time without an offset, is UTC); `rawQuery` keeps them as sent.
 *
 * @example
 * mappingQuery(query); // { integrated_account_id, start_time, end_time, users: [{ id: '7' }] }
 */
export function mappingQuery(query: UnifiedQuery): Json {
  return {
    integrated_account_id: query.integratedAccountId,
    start_time: new Date(query.startMs).toISOString(),
    end_time: new Date(query.endMs).toISOString(),
    ...(query.userIds === undefined ? {} : { users: query.userIds.map((id) => ({ id })) }),
    ...(query.remoteQuery === undefined ? {} : { remote_query: JSON.parse(JSON.stringify(query.remoteQuery)) }),
  };
}

/**
 * The integrated account's context: its id and the Gong company's time zone (Gong's days begin
 * and end in it).
 *
 * @example
 * mappingContext(account); // { integrated_account_id: '62f4...', timezone: 'America/Los_Angeles' }
 */
export function mappingContext(account: WorldAccount): Json {
  return { integrated_account_id: account.id, timezone: account.timeZone };
}

/**
 * The query string as sent, one property per parameter name (a repeated name is a list).
 *
 * @example
 * rawQueryObject('a=1&b=2&b=3'); // { a: '1', b: ['2', '3'] }
 */
export function rawQueryObject(rawQuery: string): Json {
  const out: Json = Object.create(null) as Json;
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const current = out[name];
    out[name] = current === undefined ? value : Array.isArray(current) ? [...current, value] : [current, value];
  }
  return { ...out };
}

/**
 * The input of `query_mapping`: a list has no `id` and no earlier steps (`before`), and a
 * `GET` has no body.
 *
 * @example
 * queryMappingInput(account, query); // { query, body: {}, context }
 */
export function queryMappingInput(account: WorldAccount, query: UnifiedQuery): Json {
  return { query: mappingQuery(query), body: {}, context: mappingContext(account) };
}

/** The page-wide part of `response_mapping`'s input; `response` is added per record. */
export interface ResponseMappingPage {
  body: GongInteractionStatsResponse;
  headers: Record<string, string>;
  query: Json;
  rawQuery: Json;
  context: Json;
}

/**
 * The input of `response_mapping` for one Gong record.
 *
 * @example
 * responseMappingInput(page, person).response === person; // true
 */
export function responseMappingInput(page: ResponseMappingPage, person: GongPersonInteractionStats): Json {
  return { response: person, ...page };
}
