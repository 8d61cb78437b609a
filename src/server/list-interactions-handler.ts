/**
 * The unified list endpoint over plain node request/response objects: authenticate, read the
 * scenario, answer from the page cache or from the unified layer, send. Express's route and
 * `serve`'s fast lane both call it, so there is one code path whichever door a request used.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestedScenario } from '../faults/request-scenario.js';
import { listInteractions } from '../unified/list-interactions.js';
import { answerJson } from '../unified/interaction-json.js';
import { unifiedError } from '../unified/unified-error.js';
import { unifiedAuthProblem } from './auth.js';
import type { JournalLocals } from './journal-middleware.js';
import type { ResolvedOptions } from './options.js';
import type { PageCache } from './page-cache.js';
import { sendJsonBytes, sendNdjson, type SentLocals } from './send.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** What the handler leaves for the journal and the response validator. */
export type HandlerLocals = JournalLocals & SentLocals;

function sendError(res: ServerResponse, status: number, message: string, locals: HandlerLocals): void {
  const error = unifiedError(status, message);
  sendJsonBytes(res, error.status, error.headers, JSON.stringify(error.body), locals);
}

/** The handler of `GET /unified/conversational-intelligence/interactions`; `url` is path and query as sent. */
export function listInteractionsHandler(resolved: ResolvedOptions, pageCache: PageCache) {
  return async function handleListInteractions(
    req: IncomingMessage,
    res: ServerResponse,
    url: string,
    locals: HandlerLocals,
  ): Promise<void> {
    const authProblem = unifiedAuthProblem(req.headers.authorization, resolved.tokens);
    if (authProblem !== undefined) return sendError(res, 401, authProblem, locals);
    const q = url.indexOf('?');
    const rawQuery = q === -1 ? '' : url.slice(q + 1);
    const asked = requestedScenario(req.headers.prefer?.toString(), rawQuery);
    if ('problem' in asked) return sendError(res, 400, asked.problem, locals);
    locals.scenario = asked.scenario;

    // The configured origin, never the request's Host: a Host is the client's to choose, and
    // echoing it would hand a rebound or spoofed name back inside debug.requestUrl.
    const origin = resolved.origin;
    // Faults make answers vary from call to call; only fault-free answers are reused. The
    // query is the key: with the origin configured, it is all that defines the page.
    const reusable = asked.scenario === undefined && resolved.pagesRepeat;
    const cached = reusable ? pageCache.get(rawQuery) : undefined;
    if (cached !== undefined) return sendJsonBytes(res, 200, { 'content-type': JSON_CONTENT_TYPE }, cached, locals);

    const answer = await listInteractions(resolved.context, resolved.gong, { rawQuery, scenario: asked.scenario, origin });
    if (answer.kind === 'stream') return sendNdjson(res, answer.headers, answer.pages, locals);
    // Bytes at once: the page's text is built of many pieces, and encoding it is what joins
    // them; asking a string for its byte length would join them once more.
    const bytes = Buffer.from(answerJson(answer.body));
    if (reusable && answer.status === 200 && answer.repeatable === true) pageCache.offer(rawQuery, bytes);
    sendJsonBytes(res, answer.status, answer.headers, bytes, locals);
  };
}
