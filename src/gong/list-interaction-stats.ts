/**
 * `POST /v2/stats/interaction`: the users with calls in the window, 100 a page, each with one
 * flat set of stats for the whole window, exactly in Gong's shape.
 */
import type { MockContext } from '../mock-context.js';
import type { GongInteractionStatsResponse, GongPersonInteractionStats } from '../schema-types.js';
import { fingerprint } from '../signing.js';
import { interactionStatsOf } from '../world/interaction-stats.js';
import type { WorldAccount } from '../world/world.js';
import { gongPage, pageOfCursor } from './gong-paging.js';
import { gongError, gongSuccess, type GongResult } from './gong-result.js';
import { parseStatsRequest, type StatsRequest } from './parse-stats-request.js';
import { requestIdWith } from './request-id.js';
import { NO_WINDOW_CACHE, type WindowCache } from './window-cache.js';
import { personAt, windowPeople, windowPeopleWithTotals, type WindowPeople } from './window-people.js';

/** One entry of Gong's `peopleInteractionStats`: the `i`th person of the window. */
function personInteractionStats(people: WindowPeople, i: number): GongPersonInteractionStats {
  const { user, totals } = personAt(people, i);
  return {
    userId: user.id,
    userEmailAddress: user.emailAddress,
    personInteractionStats: interactionStatsOf(totals),
  };
}

/** Every user of the request with calls in its window, with their stats, in Gong's order. */
export function peopleInteractionStats(account: WorldAccount, request: StatsRequest): GongPersonInteractionStats[] {
  const people = windowPeopleWithTotals(account, request);
  return Array.from({ length: people.count }, (_, i) => personInteractionStats(people, i));
}

/** Gong's `requestId` of a stats request: the same body always gets the same one. */
export function statsRequestId(context: MockContext, account: WorldAccount, body: unknown): string {
  return requestIdWith(context.signer, String(context.world.seed), account.id, 'stats', JSON.stringify(body) ?? '');
}

/**
 * Answers a stats request for an account, as Gong would. `windows` keeps the windows being
 * walked (see `createWindowCache`); without it each page works out its own people only.
 *
 * @example
 * listInteractionStats(context, account, { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });
 */
export function listInteractionStats(
  context: MockContext,
  account: WorldAccount,
  body: unknown,
  windows: WindowCache = NO_WINDOW_CACHE,
): GongResult<GongInteractionStatsResponse> {
  const requestId = statsRequestId(context, account, body);
  const parsed = parseStatsRequest(account, body, context.now());
  if ('errors' in parsed) return gongError(400, requestId, parsed.errors);
  const { request } = parsed;

  const scope = {
    keys: context,
    world: context.world.fingerprint,
    account: account.id,
    fingerprint: fingerprint(context, `${account.id}:${request.filterKey}`),
  };
  const position = pageOfCursor(scope, request.cursor);
  if ('problem' in position) return gongError(400, requestId, [position.problem]);

  const cacheKey = `${account.id}|${request.filterKey}`;
  // Asked for lately, the window is being walked and is kept: its later pages need everyone's
  // totals, worked out in one pass over the users' day tables. Asked for the first time, only
  // this page's people's totals are worked out.
  const people =
    windows.get(cacheKey) ??
    windows.offer(cacheKey, (kept) =>
      kept ? windowPeopleWithTotals(account, request) : windowPeople(account, request),
    );
  if (people.count === 0) return gongError(404, requestId, ['No stats found for the specified period']);
  const page = gongPage(scope, people.count, position.page);
  if (page === undefined) return gongError(400, requestId, ['cursor: points past the last page of this request']);
  const entries: GongPersonInteractionStats[] = [];
  for (let i = page.start; i < page.end; i++) entries.push(personInteractionStats(people, i));

  return gongSuccess({
    requestId,
    records: page.records,
    timeZone: account.timeZone,
    fromDateTime: account.zone.formatInstant(account.zone.startOfDay(request.fromDate)),
    toDateTime: account.zone.formatInstant(account.zone.startOfDay(request.toDate)),
    peopleInteractionStats: entries,
  });
}
