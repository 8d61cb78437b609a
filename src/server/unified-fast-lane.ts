/**
 * `serve`'s fast lane: unified list requests go straight to their handler without entering
 * Express, so a repeated page costs about what a bare node:http answer costs. Requests that
 * need Express's middleware (added latency, a slow account, response validation) and every
 * other path take the normal way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Journal } from '../engine/journal.js';
import { unifiedError } from '../unified/unified-error.js';
import { sendJson } from './send.js';
import { recordWhenDone } from './journal-middleware.js';
import { isSlowAccountRequest } from './latency-middleware.js';
import type { listInteractionsHandler, HandlerLocals } from './list-interactions-handler.js';
import type { ResolvedOptions } from './options.js';
import { UNIFIED_INTERACTIONS_PATH } from '../unified/interactions-path.js';

/** Handles the request and returns true, or returns false and leaves it to Express. */
export function unifiedFastLane(
  resolved: ResolvedOptions,
  handler: ReturnType<typeof listInteractionsHandler>,
  journal: Journal,
) {
  const enabled = resolved.latency === undefined && !resolved.validateResponses;
  return function takeFastLane(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    if (!enabled || req.method !== 'GET' || !url.startsWith(UNIFIED_INTERACTIONS_PATH)) return false;
    const rest = url.length === UNIFIED_INTERACTIONS_PATH.length ? '' : url[UNIFIED_INTERACTIONS_PATH.length];
    if (rest !== '' && rest !== '?') return false;
    if (isSlowAccountRequest(resolved.context.world, url)) return false;
    const locals: HandlerLocals = {};
    recordWhenDone(journal, 'GET', url, res, locals);
    handler(req, res, url, locals).catch((error: unknown) => {
      // Never expected: the handler answers every input. Say so in the real shape, not a hang.
      console.error(error);
      if (!res.headersSent) {
        const failure = unifiedError(500, `interactions-kit internal error: ${String(error)}`);
        sendJson(res, failure.status, failure.headers, failure.body);
      } else res.destroy();
    });
    return true;
  };
}
