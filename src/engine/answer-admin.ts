/**
 * The admin API below /__admin: health, the world's accounts and their behaviours, the world
 * document being served, the scenarios, fault sequences, and the request journal. Who may ask (loopback only, by default) is the door's to
 * check, since only a door knows the peer's address; the Host check is here.
 */
import type { FaultSequences } from '../faults/fault-sequences.js';
import { SCENARIO_PARAMETER } from '../faults/request-scenario.js';
import { answerAdminFaults } from './admin-faults.js';
import { SCENARIOS } from '../scenarios.js';
import type { World } from '../world/world.js';
import { adminHostRefusal } from './allowed-host.js';
import { jsonAnswer, type BareAnswer } from './bare-answer.js';
import type { EngineRequest } from './engine-request.js';
import { JOURNAL_PAGE_MAX, type Journal } from './journal.js';
import { headerText, parseSimpleQuery, routerPath } from './route-path.js';

/** What the admin API answers from. */
export interface AdminParts {
  world: World;
  journal: Journal;
  faults: FaultSequences;
  origin: string;
  originHost: string;
  /** Gong's current instant when it is fixed (the options' `now`, else the world's), in epoch ms. */
  now: number | undefined;
  /** When the engine was built (epoch ms), for the uptime. */
  started: number;
  /** The health answer's fields besides status, seed and uptime, and the caches' use. */
  health: () => Promise<Record<string, unknown>>;
}

function badRequest(message: string): BareAnswer {
  return jsonAnswer(400, {}, { statusCode: 400, error: 'Bad Request', message });
}

/** Paths of the admin API and the methods each serves (HEAD wherever GET is). */
const ALLOWED: Readonly<Record<string, string>> = {
  '/health': 'GET, HEAD',
  '/accounts': 'GET, HEAD',
  '/world': 'GET, HEAD',
  '/scenarios': 'GET, HEAD',
  '/requests': 'GET, HEAD, DELETE',
  '/faults': 'GET, HEAD, POST, DELETE',
};

const JOURNAL_FILTERS = ['path', 'status', 'account', 'limit', 'next_cursor'] as const;

async function listRequests(parts: AdminParts, rawQuery: string): Promise<BareAnswer> {
  const query = parseSimpleQuery(rawQuery);
  const given: Partial<Record<(typeof JOURNAL_FILTERS)[number], string>> = {};
  for (const name of JOURNAL_FILTERS) {
    const value = query[name];
    if (value !== undefined && typeof value !== 'string') return badRequest(`${name}: give it once, as text`);
    // As on the API routes: an empty optional parameter is absent.
    if (value !== undefined && value !== '') given[name] = value;
  }
  const { path, status, account, limit, next_cursor: cursor } = given;
  if (status !== undefined && !/^[1-5]\d\d$/.test(status))
    return badRequest(`status: must be an HTTP status such as 200, got ${JSON.stringify(status)}`);
  if (limit !== undefined && !(/^\d{1,4}$/.test(limit) && +limit >= 1 && +limit <= JOURNAL_PAGE_MAX))
    return badRequest(`limit: must be a whole number from 1 to ${JOURNAL_PAGE_MAX}, got ${JSON.stringify(limit)}`);
  // The cursor is the id of the previous page's last entry; empty means the first page.
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor))
    return badRequest(`next_cursor: must be the next_cursor of a previous page, got ${JSON.stringify(cursor)}`);
  const page = await parts.journal.list(
    {
      path,
      status: status === undefined ? undefined : Number(status),
      account: account?.toLowerCase(),
    },
    {
      ...(limit === undefined ? {} : { limit: Number(limit) }),
      ...(cursor === undefined ? {} : { after: Number(cursor) }),
    },
  );
  const nextCursor = page.nextCursor === null ? null : String(page.nextCursor);
  return jsonAnswer(200, {}, { requests: page.requests, next_cursor: nextCursor });
}

async function read(parts: AdminParts, route: string, rawQuery: string): Promise<BareAnswer> {
  switch (route) {
    case '/health':
      return jsonAnswer(
        200,
        {},
        {
          status: 'ok',
          seed: parts.world.seed,
          uptimeSeconds: Math.round((Date.now() - parts.started) / 1000),
          ...(await parts.health()),
        },
      );
    case '/accounts':
      return jsonAnswer(
        200,
        {},
        {
          accounts: parts.world.accounts.map((account) => ({
            id: account.id,
            name: account.name,
            timeZone: account.timeZone,
            userCount: account.userCount,
            behavior: account.userCount === 0 ? 'empty' : (account.behavior ?? 'healthy'),
            gongBaseUrl: `${parts.origin}/gong/${account.id}`,
          })),
        },
      );
    case '/world': {
      const { world } = parts;
      const now = parts.now === undefined ? null : new Date(parts.now).toISOString();
      return jsonAnswer(200, {}, { fingerprint: world.fingerprint, seed: world.seed, now, document: world.document });
    }
    case '/scenarios':
      return jsonAnswer(
        200,
        {},
        {
          howToAsk: `Prefer: scenario=<name> header, or ${SCENARIO_PARAMETER}=<name> query parameter`,
          scenarios: Object.entries(SCENARIOS).map(([name, scenario]) => ({ name, ...scenario })),
        },
      );
    default:
      return listRequests(parts, rawQuery);
  }
}

/**
 * Answers a request below /__admin; `rest` is its path below the mount.
 *
 * @example
 * await answerAdmin(parts, { method: 'GET', url: '/__admin/health', headers: {} }, '/health', '');
 */
export async function answerAdmin(
  parts: AdminParts,
  request: EngineRequest,
  rest: string,
  rawQuery: string,
): Promise<BareAnswer> {
  // Even from anywhere: a foreign Host means a rebound name in someone's browser.
  const refusal = adminHostRefusal(headerText(request.headers.host), parts.originHost, parts.origin);
  if (refusal !== undefined) return jsonAnswer(403, {}, refusal);
  const lower = rest.toLowerCase();
  const route = Object.keys(ALLOWED).find((path) => lower === path || lower === `${path}/`);
  const { method } = request;
  if (route === '/faults' && ['GET', 'HEAD', 'POST', 'DELETE'].includes(method))
    return answerAdminFaults(parts.faults, request);
  if (route !== undefined) {
    if (method === 'GET' || method === 'HEAD') return read(parts, route, rawQuery);
    if (method === 'DELETE' && route === '/requests')
      return jsonAnswer(200, {}, { cleared: await parts.journal.clear() });
    const allow = ALLOWED[route] as string;
    return jsonAnswer(
      405,
      { allow },
      {
        statusCode: 405,
        error: 'Method Not Allowed',
        message: `${method} is not allowed on /__admin${route}; use ${allow}`,
      },
    );
  }
  return jsonAnswer(
    404,
    {},
    { statusCode: 404, error: 'Not Found', message: `No admin route ${method} /__admin${routerPath(rest)}` },
  );
}
