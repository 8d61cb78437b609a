/**
 * `createApp(options)`: the whole mock as an Express app that never listens, for supertest,
 * for `serve`, or mounted in a user's own server.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { unifiedError } from '../unified/unified-error.js';
import { adminRoutes } from './admin-routes.js';
import { unifiedFastLane } from './unified-fast-lane.js';
import { listInteractionsHandler } from './list-interactions-handler.js';
import { createPageCache } from './page-cache.js';
import { journalMiddleware } from './journal-middleware.js';
import { latencyMiddleware } from './latency-middleware.js';
import { validateResponsesMiddleware } from './validate-responses.js';
import { gongRoutes, isClientError, sendGongError } from './gong-routes.js';
import { AppOptionsError, resolveOptions, type AppOptions } from './options.js';
import { sendJson } from './send.js';
import { unifiedRoutes } from './unified-routes.js';
import { refuseDeclaredTooLarge } from './declared-body-limit.js';
import { memoryUse } from './memory-use.js';

const FAST_LANE = 'interactionsKitFastLane';

/**
 * A node `request` listener for the app: unified list requests skip Express (that is most of
 * a test suite's traffic, and repeated pages then cost what a bare node answer costs);
 * everything else goes to the app.
 *
 * @example
 * http.createServer(requestListener(createApp())).listen(4010, '127.0.0.1');
 */
export function requestListener(app: express.Express): RequestListener {
  // JavaScript callers can pass anything; options here would otherwise fail deep inside with
  // "cannot read properties of undefined", which names nothing the caller wrote.
  if (typeof app !== 'function' || typeof (app as { locals?: unknown }).locals !== 'object') {
    throw new AppOptionsError('requestListener expects the app createApp returns: requestListener(createApp(options))');
  }
  const fastLane = app.locals[FAST_LANE] as ReturnType<typeof unifiedFastLane> | undefined;
  return function handle(req: IncomingMessage, res: ServerResponse) {
    if (refuseDeclaredTooLarge(req, res)) return;
    if (fastLane === undefined || !fastLane(req, res)) app(req, res);
  };
}

/**
 * Builds the mock server.
 *
 * @example
 * import request from 'supertest';
 * const app = createApp({ seed: 42, now: '2026-11-24T00:00:00Z' });
 * await request(app).get('/unified/conversational-intelligence/interactions?...').set('Authorization', 'Bearer t');
 */
export function createApp(options: AppOptions = {}): express.Express {
  const resolved = resolveOptions(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Query strings are read by the unified layer itself, in every encoding clients send.
  app.set('query parser', 'simple');
  // The same early 413 as requestListener's, for apps served another way (supertest, a user's server).
  app.use(function declaredBodyLimit(req: Request, res: Response, next: NextFunction) {
    if (!refuseDeclaredTooLarge(req, res)) next();
  });

  const { journal } = resolved.engine;
  const pageCache = createPageCache({ maxBytes: resolved.pageCacheBytes });
  const handleListInteractions = listInteractionsHandler(resolved, pageCache);
  app.locals[FAST_LANE] = unifiedFastLane(resolved, handleListInteractions, journal);
  const api = [journalMiddleware(journal), latencyMiddleware(resolved.context.world, resolved.latency)];
  if (resolved.validateResponses) api.push(validateResponsesMiddleware());
  app.use('/unified', ...api, unifiedRoutes(handleListInteractions));
  app.use('/gong/:integrated_account_id', ...api, gongRoutes(resolved));
  app.use(
    '/__admin',
    adminRoutes(resolved, journal, () => memoryUse(resolved, pageCache, journal)),
  );

  app.use(function unknownRoute(req: Request, res: Response) {
    // Below /gong/ even a path without an account answers in Gong's shape.
    if (req.path.startsWith('/gong/')) return sendGongError(res, 404, [`No Gong endpoint ${req.method} ${req.path}`]);
    const error = unifiedError(404, `No route ${req.method} ${req.path}`);
    sendJson(res, error.status, error.headers, error.body);
  });
  app.use(function lastResort(error: unknown, req: Request, res: Response, _next: NextFunction) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // Express's own client errors (a path segment that is not valid percent-encoding) are the
    // client's: a 400 in the shape of the API the path belongs to.
    if (isClientError(error)) {
      const message = `The request could not be read: ${error.message}`;
      if (req.path.startsWith('/gong/')) return sendGongError(res, 400, [message]);
      const bad = unifiedError(400, message);
      return sendJson(res, bad.status, bad.headers, bad.body);
    }
    // Anything else is a bug in the mock: say so in the real error shape rather than in HTML.
    console.error(error);
    const failure = unifiedError(500, `interactions-kit internal error: ${(error as Error)?.message ?? String(error)}`);
    sendJson(res, failure.status, failure.headers, failure.body);
  });
  return app;
}
