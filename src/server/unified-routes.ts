/**
 * The unified API's routes: parse, call the unified layer, send. Nothing else happens here.
 */
import { Router, type Request, type Response } from 'express';
import { listInteractions } from '../unified/list-interactions.js';
import { unifiedError } from '../unified/unified-error.js';
import { requestedScenario } from '../faults/request-scenario.js';
import { unifiedAuthProblem } from './auth.js';
import type { JournalLocals } from './journal-middleware.js';
import type { ResolvedOptions } from './options.js';
import { JSON_CONTENT_TYPE, pageCacheKey, requestOrigin } from './cached-page.js';
import type { PageCache } from './page-cache.js';
import { sendJson, sendJsonBytes, sendNdjson } from './send.js';

/** The raw query string of a request, without `?`. */
export function rawQueryOf(req: Request): string {
  const q = req.originalUrl.indexOf('?');
  return q === -1 ? '' : req.originalUrl.slice(q + 1);
}

/** Routes below /unified. */
export function unifiedRoutes(resolved: ResolvedOptions, pageCache: PageCache): Router {
  const router = Router();

  router.get(
    '/conversational-intelligence/interactions',
    async function listInteractionsRoute(req: Request, res: Response) {
      const authProblem = unifiedAuthProblem(req.get('authorization'), resolved.tokens);
      if (authProblem !== undefined) {
        const error = unifiedError(401, authProblem);
        sendJson(res, error.status, error.headers, error.body);
        return;
      }
      const rawQuery = rawQueryOf(req);
      const asked = requestedScenario(req.get('prefer'), rawQuery);
      if ('problem' in asked) {
        const error = unifiedError(400, asked.problem);
        sendJson(res, error.status, error.headers, error.body);
        return;
      }
      (res.locals as JournalLocals).scenario = asked.scenario;
      const origin = requestOrigin(req);
      // Faults make answers vary from call to call; only a fault-free server reuses pages.
      const cacheKey =
        asked.scenario === undefined && resolved.pagesRepeat ? pageCacheKey(origin, rawQuery) : undefined;
      const cached = cacheKey === undefined ? undefined : pageCache.get(cacheKey);
      if (cached !== undefined) {
        sendJsonBytes(res, 200, { 'content-type': JSON_CONTENT_TYPE }, cached);
        return;
      }
      const answer = listInteractions(resolved.context, resolved.gong, { rawQuery, scenario: asked.scenario, origin });
      if (answer.kind === 'stream') {
        await sendNdjson(res, answer.headers, answer.pages);
        return;
      }
      const bytes = Buffer.from(JSON.stringify(answer.body));
      if (cacheKey !== undefined && answer.status === 200 && answer.repeatable === true) pageCache.set(cacheKey, bytes);
      sendJsonBytes(res, answer.status, answer.headers, bytes);
    },
  );

  router.all('/conversational-intelligence/interactions', function methodNotAllowed(req: Request, res: Response) {
    const error = unifiedError(405, `${req.method} is not allowed here; use GET`);
    sendJson(res, error.status, { ...error.headers, allow: 'GET' }, error.body);
  });

  router.use(function unknownUnifiedRoute(req: Request, res: Response) {
    const error = unifiedError(
      404,
      `No route ${req.method} /unified${req.path}; the mock serves GET /unified/conversational-intelligence/interactions`,
    );
    sendJson(res, error.status, error.headers, error.body);
  });
  return router;
}
