/**
 * Records every API request in the journal when its response has been sent.
 */
import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Journal, JournalViolation } from '../engine/journal.js';
import { redactQuery } from '../redact.js';
import { accountOfUrl } from './account-of-url.js';

/** Where handlers leave what the journal needs to know. */
export interface JournalLocals {
  scenario?: string;
  violations?: JournalViolation[];
}

/**
 * Journals a request once its response is done; `locals` is read then, so handlers can
 * still fill it. `url` is the URL as the client sent it (path and query).
 */
export function recordWhenDone(
  journal: Journal,
  method: string,
  url: string,
  res: ServerResponse,
  locals: JournalLocals,
): void {
  const started = performance.now();
  const time = new Date().toISOString();
  res.on('close', () => {
    const q = url.indexOf('?');
    const rawQuery = q === -1 ? '' : url.slice(q + 1);
    const path = q === -1 ? url : url.slice(0, q);
    const account = accountOfUrl(url);
    void journal.record({
      time,
      method,
      path,
      query: redactQuery(rawQuery),
      account,
      scenario: locals.scenario,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ...(locals.violations === undefined ? {} : { violations: locals.violations }),
    });
  });
}

export function journalMiddleware(journal: Journal) {
  return function recordRequest(req: Request, res: Response, next: NextFunction): void {
    // originalUrl: below a mount point Express rewrites req.url.
    recordWhenDone(journal, req.method, req.originalUrl, res, res.locals as JournalLocals);
    next();
  };
}
