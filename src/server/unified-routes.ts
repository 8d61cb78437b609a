/**
 * The unified API's routes below /unified: the list endpoint (through its handler), 405 for
 * other methods on it, 404 for every other path.
 */
import { Router, type Request, type Response } from 'express';
import { unifiedError } from '../unified/unified-error.js';
import type { HandlerLocals, listInteractionsHandler } from './list-interactions-handler.js';
import { sendJson } from './send.js';

/** Routes below /unified. */
export function unifiedRoutes(handleListInteractions: ReturnType<typeof listInteractionsHandler>): Router {
  const router = Router();

  router.get('/conversational-intelligence/interactions', function listInteractionsRoute(req: Request, res: Response) {
    return handleListInteractions(req, res, req.originalUrl, res.locals as HandlerLocals);
  });

  router.all('/conversational-intelligence/interactions', function methodNotAllowed(req: Request, res: Response) {
    // Express answers HEAD wherever GET is served, so Allow names it too.
    const allow = 'GET, HEAD';
    const error = unifiedError(405, `${req.method} is not allowed on /unified${req.path}; use ${allow}`);
    sendJson(res, error.status, { ...error.headers, allow }, error.body);
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
