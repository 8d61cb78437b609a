/**
 * The admin API below /__admin: health, the world's accounts and their behaviours, the
 * scenarios, and the request journal. Never under /unified or /gong; loopback only by default.
 */
import { Router, type Request, type Response } from 'express';
import { SCENARIO_PARAMETER } from '../faults/request-scenario.js';
import { SCENARIOS } from '../faults/scenarios.js';
import { JOURNAL_PAGE_MAX, type Journal } from './journal.js';
import type { MemoryUse } from './memory-use.js';
import { allowedHostOnly } from './allowed-host.js';
import { loopbackOnly } from './loopback-only.js';
import type { ResolvedOptions } from './options.js';
import { sendJson } from './send.js';

function badRequest(res: Response, message: string): void {
  sendJson(res, 400, {}, { statusCode: 400, error: 'Bad Request', message });
}

/** Routes below /__admin; `caches` reports how full the bounded stores are. */
export function adminRoutes(resolved: ResolvedOptions, journal: Journal, caches: () => MemoryUse): Router {
  const router = Router();
  const started = Date.now();
  if (!resolved.adminFromAnywhere) router.use(loopbackOnly);
  // Even from anywhere: a foreign Host means a rebound name in someone's browser.
  router.use(allowedHostOnly(resolved.originHost, resolved.origin));

  router.get('/health', function health(_req: Request, res: Response) {
    sendJson(
      res,
      200,
      {},
      {
        status: 'ok',
        seed: resolved.context.world.seed,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        rssBytes: process.memoryUsage.rss(),
        pid: process.pid,
        caches: caches(),
      },
    );
  });

  router.get('/accounts', function accounts(_req: Request, res: Response) {
    sendJson(
      res,
      200,
      {},
      {
        accounts: resolved.context.world.accounts.map((account) => ({
          id: account.id,
          name: account.name,
          timeZone: account.timeZone,
          userCount: account.userCount,
          behavior: account.userCount === 0 ? 'empty' : (account.behavior ?? 'healthy'),
          gongBaseUrl: `${resolved.origin}/gong/${account.id}`,
        })),
      },
    );
  });

  router.get('/scenarios', function scenarios(_req: Request, res: Response) {
    sendJson(
      res,
      200,
      {},
      {
        howToAsk: `Prefer: scenario=<name> header, or ${SCENARIO_PARAMETER}=<name> query parameter`,
        scenarios: Object.entries(SCENARIOS).map(([name, scenario]) => ({ name, ...scenario })),
      },
    );
  });

  const JOURNAL_FILTERS = ['path', 'status', 'account', 'limit', 'next_cursor'] as const;
  router.get('/requests', function listRequests(req: Request, res: Response) {
    const given: Partial<Record<(typeof JOURNAL_FILTERS)[number], string>> = {};
    for (const name of JOURNAL_FILTERS) {
      const value = req.query[name];
      if (value !== undefined && typeof value !== 'string') return badRequest(res, `${name}: give it once, as text`);
      // As on the API routes: an empty optional parameter is absent.
      if (value !== undefined && value !== '') given[name] = value;
    }
    const { path, status, account, limit, next_cursor: cursor } = given;
    if (status !== undefined && !/^[1-5]\d\d$/.test(status))
      return badRequest(res, `status: must be an HTTP status such as 200, got ${JSON.stringify(status)}`);
    if (limit !== undefined && !(/^\d{1,4}$/.test(limit) && +limit >= 1 && +limit <= JOURNAL_PAGE_MAX))
      return badRequest(
        res,
        `limit: must be a whole number from 1 to ${JOURNAL_PAGE_MAX}, got ${JSON.stringify(limit)}`,
      );
    // The cursor is the id of the previous page's last entry; empty means the first page.
    if (cursor !== undefined && !/^\d{1,15}$/.test(cursor))
      return badRequest(res, `next_cursor: must be the next_cursor of a previous page, got ${JSON.stringify(cursor)}`);
    const page = journal.list(
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
    sendJson(res, 200, {}, { requests: page.requests, next_cursor: nextCursor });
  });

  router.delete('/requests', function clearRequests(_req: Request, res: Response) {
    sendJson(res, 200, {}, { cleared: journal.clear() });
  });

  // A known path asked with a method it does not serve: 405 naming the ones it does, as the
  // API routes answer. Express serves HEAD wherever GET is served, so Allow lists it too.
  const allowed: Record<string, string> = {
    '/health': 'GET, HEAD',
    '/accounts': 'GET, HEAD',
    '/scenarios': 'GET, HEAD',
    '/requests': 'GET, HEAD, DELETE',
  };
  for (const [path, allow] of Object.entries(allowed)) {
    router.all(path, function methodNotAllowed(req: Request, res: Response) {
      sendJson(
        res,
        405,
        { allow },
        {
          statusCode: 405,
          error: 'Method Not Allowed',
          message: `${req.method} is not allowed on /__admin${path}; use ${allow}`,
        },
      );
    });
  }

  router.use(function unknownAdminRoute(req: Request, res: Response) {
    sendJson(
      res,
      404,
      {},
      { statusCode: 404, error: 'Not Found', message: `No admin route ${req.method} /__admin${req.path}` },
    );
  });
  return router;
}
