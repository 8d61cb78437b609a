/**
 * Gong's HTTP API, one base URL per integrated account: `/gong/{integrated_account_id}/v2/...`.
 * Answers in Gong's shapes, errors included, through the same Gong API the unified layer calls.
 * The order is the router's that it replaces: the account, the credentials, the scenario, then
 * the endpoint and its input rules.
 */
import { requestedScenario, type AmbientScenario, type AskedScenario } from '../faults/request-scenario.js';
import { GONG_SCENARIO_NAMES, SCENARIOS } from '../scenarios.js';
import { GONG_PATHS, type GongApi, type GongCallOptions } from '../gong/gong-api.js';
import { gongError, type GongResult } from '../gong/gong-result.js';
import { requestIdFor } from '../gong/request-id.js';
import type { World } from '../world/world.js';
import { gongAuthorized } from './auth.js';
import type { EngineRequest } from './engine-request.js';
import { readGongJson } from './gong-body.js';
import { headerText, isRoute, parseSimpleQuery, routerPath } from './route-path.js';
import type { BareAnswer } from './bare-answer.js';
import { withWireFault } from './wire-answer.js';

/** What the Gong API answers from. */
export interface GongParts {
  world: World;
  gong: GongApi;
  tokens: ReadonlySet<string> | undefined;
}

/**
 * Gong's error body, `{ requestId, errors }`, as an answer.
 *
 * @example
 * gongErrorAnswer(404, ['No Gong endpoint GET /v2/calls']).status; // 404
 */
export function gongErrorAnswer(status: number, errors: string[], headers: Record<string, string> = {}): BareAnswer {
  const result = gongError(status, requestIdFor('error', String(status), errors.join('|')), errors, headers);
  return { status: result.status, headers: result.headers, body: JSON.stringify(result.body), cacheable: false };
}

function resultAnswer(result: GongResult<unknown>, scenario: string | undefined): BareAnswer {
  return {
    status: result.status,
    headers: result.headers,
    body: JSON.stringify(result.body),
    cacheable: result.ok && result.repeatable !== false,
    scenario,
  };
}

/** The account segment of `/gong/{id}/...` and the path below it; undefined when there is none. */
export function gongMount(path: string): { segment: string; rest: string } | undefined {
  if (path.length < 6 || path.slice(0, 6).toLowerCase() !== '/gong/') return undefined;
  const end = path.indexOf('/', 6);
  const segment = end === -1 ? path.slice(6) : path.slice(6, end);
  if (segment === '') return undefined;
  return { segment, rest: end === -1 ? '' : path.slice(end) };
}

async function usersAnswer(
  parts: GongParts,
  rawQuery: string,
  call: GongCallOptions,
  account: Parameters<GongApi['users']>[0],
) {
  const { cursor, includeAvatars } = parseSimpleQuery(rawQuery);
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === ''))
    return gongErrorAnswer(400, ['cursor: must be the cursor string a previous page returned']);
  if (includeAvatars !== undefined && includeAvatars !== 'true' && includeAvatars !== 'false')
    return gongErrorAnswer(400, [`includeAvatars: must be true or false, got ${JSON.stringify(includeAvatars)}`]);
  const result = await parts.gong.users(account, { cursor, includeAvatars: includeAvatars === 'true' }, call);
  return resultAnswer(result, call.scenario);
}

/**
 * Answers a request below `/gong/{segment}`; `segment` is the account as sent (not decoded).
 * The decoding itself is the caller's (a malformed one is no Gong request at all). `ambient`
 * gives the scenario of a request that asks for none (fault sequences and the like).
 *
 * @example
 * await answerGong(parts, request, ACCOUNT, '/v2/users', '');
 */
export async function answerGong(
  parts: GongParts,
  request: EngineRequest,
  id: string,
  rest: string,
  rawQuery: string,
  ambient?: AmbientScenario,
): Promise<BareAnswer> {
  const answer = await routeGong(parts, request, id, rest, rawQuery, ambient);
  return answer.asked === undefined ? answer.answer : withWireFault(answer.answer, answer.asked);
}

async function routeGong(
  parts: GongParts,
  request: EngineRequest,
  id: string,
  rest: string,
  rawQuery: string,
  ambient: AmbientScenario | undefined,
): Promise<{ answer: BareAnswer; asked?: AskedScenario }> {
  const bare = (answer: BareAnswer) => ({ answer });
  const account = parts.world.account(id);
  if (account === undefined)
    return bare(
      gongErrorAnswer(404, [
        `No Gong company at this base URL: unknown integrated account ${JSON.stringify(id.slice(0, 60))}`,
      ]),
    );
  if (!gongAuthorized(headerText(request.headers.authorization), parts.tokens))
    return bare(
      gongErrorAnswer(401, ['Access denied: send Basic credentials (access key and secret) or a Bearer token']),
    );
  const requested = requestedScenario(headerText(request.headers.prefer), rawQuery, GONG_SCENARIO_NAMES);
  if ('problem' in requested) return bare(gongErrorAnswer(400, [requested.problem]));
  if (requested.scenario !== undefined && SCENARIOS[requested.scenario].level === 'unified')
    return bare(
      gongErrorAnswer(400, [
        `scenario: ${requested.scenario} happens in the unified API, not in Gong; ask for it on the unified endpoint`,
      ]),
    );
  const withScenario = (answer: BareAnswer, scenario = requested.scenario): BareAnswer => ({ ...answer, scenario });
  // Only a request to one of Gong's endpoints, with the right method, meets an ambient scenario.
  const chosen = async (): Promise<AskedScenario> =>
    requested.scenario === undefined ? ((await ambient?.(GONG_SCENARIO_NAMES)) ?? requested) : requested;

  const path = routerPath(rest);
  if (isRoute(rest, GONG_PATHS.interactionStats)) {
    if (request.method !== 'POST')
      return bare(
        withScenario(
          gongErrorAnswer(405, [`${request.method} is not allowed on ${path}; use POST`], { allow: 'POST' }),
        ),
      );
    const asked = await chosen();
    const { scenario } = asked;
    const body = await readGongJson(request);
    if ('error' in body) return { answer: withScenario(gongErrorAnswer(body.status, [body.error]), scenario), asked };
    return {
      answer: resultAnswer(await parts.gong.interactionStats(account, body.value, { scenario }), scenario),
      asked,
    };
  }
  if (isRoute(rest, GONG_PATHS.users)) {
    // HEAD is served wherever GET is, so Allow names it too.
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return bare(
        withScenario(
          gongErrorAnswer(405, [`${request.method} is not allowed on ${path}; use GET, HEAD`], { allow: 'GET, HEAD' }),
        ),
      );
    const asked = await chosen();
    const { scenario } = asked;
    return { answer: withScenario(await usersAnswer(parts, rawQuery, { scenario }, account), scenario), asked };
  }
  return bare(withScenario(gongErrorAnswer(404, [`No Gong endpoint ${request.method} ${path}`])));
}
