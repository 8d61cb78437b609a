/**
 * Records every API request in the journal when its response has been sent.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Journal, JournalViolation } from './journal.js';
import { redactQuery } from './journal.js';

const ACCOUNT_IN_QUERY = /(?:^|&)integrated_account_id=([^&]*)/;
const ACCOUNT_IN_PATH = /^\/gong\/([^/]+)/;

/** Where handlers leave what the journal needs to know. */
export interface JournalLocals {
  scenario?: string;
  violations?: JournalViolation[];
}

export function journalMiddleware(journal: Journal) {
  return function recordRequest(req: Request, res: Response, next: NextFunction): void {
    const started = performance.now();
    const time = new Date().toISOString();
    const q = req.originalUrl.indexOf('?');
    const rawQuery = q === -1 ? '' : req.originalUrl.slice(q + 1);
    const path = q === -1 ? req.originalUrl : req.originalUrl.slice(0, q);
    res.on('close', () => {
      const locals = res.locals as JournalLocals;
      let account = ACCOUNT_IN_PATH.exec(path)?.[1] ?? ACCOUNT_IN_QUERY.exec(rawQuery)?.[1];
      try {
        account = account === undefined ? undefined : decodeURIComponent(account).toLowerCase();
      } catch {
        // A malformed id stays as it was sent.
      }
      journal.record({
        time,
        method: req.method,
        path,
        query: redactQuery(rawQuery),
        account,
        scenario: locals.scenario,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(locals.violations === undefined ? {} : { violations: locals.violations }),
      });
    });
    next();
  };
}
