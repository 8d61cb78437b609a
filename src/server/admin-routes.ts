/**
 * The admin API below /__admin: health, the world's accounts and their behaviours, the
 * scenarios, and the request journal. Never under /unified or /gong; loopback only by default.
 */
import { Router, type Request, type Response } from 'express';
import { SCENARIO_PARAMETER } from '../faults/request-scenario.js';
import { SCENARIOS } from '../faults/scenarios.js';
import type { Journal } from './journal.js';
import { loopbackOnly } from './loopback-only.js';
import type { ResolvedOptions } from './options.js';
import { sendJson } from './send.js';

function badRequest(res: Response, message: string): void {
  sendJson(res, 400, {}, { statusCode: 400, error: 'Bad Request', message });
}

/** Routes below /__admin. */
export function adminRoutes(resolved: ResolvedOptions, journal: Journal): Router {
  const router = Router();
  const started = Date.now();
  if (!resolved.adminFromAnywhere) router.use(loopbackOnly);

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
      },
    );
  });

  router.get('/accounts', function accounts(req: Request, res: Response) {
    const origin = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
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
          gongBaseUrl: `${origin}/gong/${account.id}`,
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

  router.get('/requests', function listRequests(req: Request, res: Response) {
    const { path, status, account } = req.query;
    for (const [name, value] of Object.entries({ path, status, account })) {
      if (value !== undefined && typeof value !== 'string') return badRequest(res, `${name}: give it once, as text`);
    }
    if (status !== undefined && !/^[1-5]\d\d$/.test(status as string))
      return badRequest(res, `status: must be an HTTP status such as 200, got ${JSON.stringify(status)}`);
    const requests = journal.list({
      path: path as string | undefined,
      status: status === undefined ? undefined : Number(status),
      account: (account as string | undefined)?.toLowerCase(),
    });
    sendJson(res, 200, {}, { requests });
  });

  router.delete('/requests', function clearRequests(_req: Request, res: Response) {
    sendJson(res, 200, {}, { cleared: journal.clear() });
  });

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
