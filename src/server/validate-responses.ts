/**
 * Development mode (`validateResponses`): every answer the mock sends is checked against
 * openapi.yaml; violations go to the journal entry and to the log. The mock should never
 * break its own contract, and when it does this is how a user finds out.
 */
import type { NextFunction, Request, Response } from 'express';
import { describeViolations, loadContract, type Contract, type Diagnostic } from '../contract/index.js';
import { redactUrl } from '../redact.js';
import type { JournalLocals } from './journal-middleware.js';
import type { SentLocals } from './send.js';

export function validateResponsesMiddleware(contract: Contract = loadContract()) {
  return function validateResponse(req: Request, res: Response, next: NextFunction): void {
    const locals = res.locals as SentLocals & JournalLocals;
    locals.captureStream = true;
    res.on('finish', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) headers[name] = String(value);
      let diagnostics: Diagnostic[];
      // A throw in a `finish` listener is an uncaught exception: it would end the process on a
      // request's say. The contract reports its own failures as data; this guards anything else.
      try {
        diagnostics = contract.validateResponse({
          method: req.method,
          path: req.originalUrl,
          status: res.statusCode,
          headers,
          body: locals.sentBody ?? '',
        });
      } catch (error) {
        const message = `the response could not be validated: ${error instanceof Error ? error.message : String(error)}`;
        diagnostics = [{ pointer: '', rule: 'validator-error', message }];
      }
      locals.violations = diagnostics.map(({ pointer, rule, message }) => ({ pointer, rule, message }));
      if (diagnostics.length > 0) {
        console.warn(
          `interactions-kit: ${req.method} ${redactUrl(req.originalUrl)} broke the contract:\n${describeViolations(diagnostics)}`,
        );
      }
    });
    next();
  };
}
