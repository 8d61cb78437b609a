/**
 * Repeated unified requests answered from the page cache. `serve` puts this in front of
 * Express, so a repeated page costs what a bare node:http answer costs; the Express route
 * uses the same lookup, so in-process users get the same bytes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { SCENARIO_PARAMETER } from '../faults/request-scenario.js';
import { unifiedAuthProblem } from './auth.js';
import type { Journal } from './journal.js';
import { recordWhenDone } from './journal-middleware.js';
import type { ResolvedOptions } from './options.js';
import type { PageCache } from './page-cache.js';

export const UNIFIED_INTERACTIONS_PATH = '/unified/conversational-intelligence/interactions';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** `http://host`: debug envelopes name the Gong URL on the host the client used. */
export function requestOrigin(req: IncomingMessage): string {
  const tls = (req.socket as TLSSocket).encrypted === true;
  return `${tls ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
}

/** The cache key of a unified request: its origin and raw query. */
export function pageCacheKey(origin: string, rawQuery: string): string {
  return `${origin}\n${rawQuery}`;
}

/**
 * A node request listener step: answers a repeated, fault-free, authenticated unified GET from
 * the cache and returns true, or returns false and leaves the request alone.
 */
export function cachedPageResponder(resolved: ResolvedOptions, pageCache: PageCache, journal: Journal) {
  const enabled = resolved.pagesRepeat && resolved.latency === undefined && !resolved.validateResponses;
  return function answerFromCache(req: IncomingMessage, res: ServerResponse): boolean {
    if (!enabled || req.method !== 'GET' || req.headers.prefer !== undefined) return false;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    if (q !== UNIFIED_INTERACTIONS_PATH.length || !url.startsWith(UNIFIED_INTERACTIONS_PATH)) return false;
    const rawQuery = url.slice(q + 1);
    if (rawQuery.includes(SCENARIO_PARAMETER)) return false;
    if (unifiedAuthProblem(req.headers.authorization, resolved.tokens) !== undefined) return false;
    const bytes = pageCache.get(pageCacheKey(requestOrigin(req), rawQuery));
    if (bytes === undefined) return false;
    recordWhenDone(journal, 'GET', url, res, {});
    res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'content-length': bytes.length });
    res.end(bytes);
    return true;
  };
}
