/**
 * The mock's two Node doors over one engine. `createRequestListener(options)` is the Node door
 * itself (what `serve` listens with): every request straight to `engine.answer`, no framework
 * in between. `createApp(options)` is the same door inside an Express app, for supertest or to
 * mount in a user's own server: a thin translator, so middleware a user puts before it runs,
 * and `requestListener(app)` runs the app as it is (nothing of it is skipped).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { FaultSequences } from '../faults/fault-sequences.js';
import { unifiedError } from '../unified/unified-error.js';
import { nodeDoor } from './node-door.js';
import { AppOptionsError, resolveOptions, type AppOptions } from './options.js';
import { sendJson } from '../node-http/send.js';

/**
 * The Node door over a fresh engine: a node:http request listener answering every route.
 *
 * @example
 * http.createServer(createRequestListener({ seed: 42 })).listen(4010, '127.0.0.1');
 */
export function createRequestListener(options: AppOptions = {}): RequestListener {
  const { engine, door } = resolveOptions(options);
  return nodeDoor(engine, door);
}

/**
 * A node `request` listener running an app createApp made, middleware and all.
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
  return function handle(req: IncomingMessage, res: ServerResponse) {
    app(req, res);
  };
}

/**
 * The app `createApp` builds: an Express app, with the mock's fault sequences at hand.
 *
 * @example
 * const app: MockApp = createApp();
 * await app.faults.add({ scenario: 'rate-limited', times: 2 });
 */
export type MockApp = express.Express & {
  /** Fault sequences, as `POST /__admin/faults` keeps them: the same store. */
  readonly faults: FaultSequences;
};

/**
 * Builds the mock server as an Express app that never listens.
 *
 * @example
 * import request from 'supertest';
 * const app = createApp({ seed: 42, now: '2026-11-24T00:00:00Z' });
 * await request(app).get('/unified/conversational-intelligence/interactions?...').set('Authorization', 'Bearer t');
 */
export function createApp(options: AppOptions = {}): MockApp {
  const { engine, door } = resolveOptions(options);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const answer = nodeDoor(engine, door);
  // Below a user's mount point Express rewrites req.url to the path below it, as the engine expects.
  app.use(function answerFromEngine(req: Request, res: Response) {
    answer(req, res);
  });
  app.use(function lastResort(error: unknown, _req: Request, res: Response, _next: NextFunction) {
    // Only a user's own middleware can get here: the engine answers every input.
    if (res.headersSent) return void res.destroy();
    console.error(error);
    const failure = unifiedError(500, `interactions-kit internal error: ${(error as Error)?.message ?? String(error)}`);
    sendJson(res, failure.status, failure.headers, failure.body);
  });
  return Object.assign(app, { faults: engine.faults });
}
