/**
 * Development mode (`validateResponses`): every answer the mock sends is checked against
 * openapi.yaml; violations go to the journal entry and to the log. The mock should never
 * break its own contract, and when it does this is how a user finds out.
 */
import type { NextFunction, Request, Response } from 'express';
import { describeViolations, loadContract, type Contract } from '../contract/index.js';
import type { JournalLocals } from './journal-middleware.js';
import type { SentLocals } from './send.js';

export function validateResponsesMiddleware(contract: Contract = loadContract()) {
  return function validateResponse(req: Request, res: Response, next: NextFunction): void {
    const locals = res.locals as SentLocals & JournalLocals;
    locals.captureStream = true;
    res.on('finish', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) headers[name] = String(value);
      const diagnostics = contract.validateResponse({
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        headers,
        body: locals.sentBody ?? '',
      });
      locals.violations = diagnostics.map(({ pointer, rule, message }) => ({ pointer, rule, message }));
      if (diagnostics.length > 0) {
        console.warn(
          `interactions-kit: ${req.method} ${req.originalUrl} broke the contract:\n${describeViolations(diagnostics)}`,
        );
      }
    });
    next();
  };
}
