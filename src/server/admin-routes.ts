/**
 * The admin API below /__admin: health and the world's accounts. Never under /unified or /gong.
 */
import { Router, type Request, type Response } from 'express';
import type { ResolvedOptions } from './options.js';
import { sendJson } from './send.js';

/** Routes below /__admin. */
export function adminRoutes(resolved: ResolvedOptions): Router {
  const router = Router();
  const started = Date.now();

  router.get('/health', function health(_req: Request, res: Response) {
    sendJson(
      res,
      200,
      {},
      { status: 'ok', seed: resolved.context.world.seed, uptimeSeconds: Math.round((Date.now() - started) / 1000) },
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
          gongBaseUrl: `${origin}/gong/${account.id}`,
        })),
      },
    );
  });
  return router;
}
