/**
 * The Node door: a node:http request listener over the engine. Every route goes through
 * `engine.answer`; this file only translates (Node's request in, the answer written out),
 * applies the delay, checks who may reach the admin API, validates responses when asked, and
 * journals the exchange once the response is done.
 */
import { recordAtPointer } from '../contract/record-at-pointer.js';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { describeViolations, loadContract, type Contract, type Diagnostic } from '../contract/index.js';
import type { Engine } from '../engine/create-engine.js';
import type { EngineAnswer } from '../engine/engine-request.js';
import type { JournalViolation } from '../engine/journal.js';
import { isAdminUrl } from '../engine/route-path.js';
import { consoleDoor } from '../console/console-door.js';
import { isConsoleRoot } from '../console/console-paths.js';
import { redactUrl } from '../redact.js';
import { unifiedError } from '../unified/unified-error.js';
import { isLoopback } from './loopback-only.js';
import { bodyReader } from './read-body.js';
import { sendBytes, sendJson, sendStream } from '../node-http/send.js';
import { sendWireFault } from './send-wire-fault.js';

/**
 * The door's own settings, besides the engine's.
 *
 * @example
 * nodeDoor(engine, { validateResponses: true, adminFromAnywhere: false });
 */
export interface NodeDoorSettings {
  /** Validate every API response against openapi.yaml and journal the violations. */
  validateResponses: boolean;
  /** Answer /__admin from any address, not only loopback. */
  adminFromAnywhere: boolean;
  /** The contract responses are validated against. Default: the package's openapi.yaml. */
  contract?: Contract;
}

function validate(contract: Contract, method: string, url: string, res: ServerResponse, body: string | Uint8Array) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) headers[name] = String(value);
  let diagnostics: Diagnostic[];
  // The contract reports its own failures as data; this guards anything else, so a request
  // can never end the process.
  try {
    diagnostics = contract.validateResponse({ method, path: url, status: res.statusCode, headers, body });
  } catch (error) {
    const message = `the response could not be validated: ${error instanceof Error ? error.message : String(error)}`;
    diagnostics = [{ pointer: '', rule: 'validator-error', message }];
  }
  if (diagnostics.length === 0) return [];
  const records = violatingRecords(body, diagnostics);
  const shown = [...new Set(records.filter((record) => record !== undefined))].map((record) => JSON.stringify(record));
  console.warn(
    `interactions-kit: ${method} ${redactUrl(url)} broke the contract:\n${describeViolations(diagnostics)}${shown.map((record) => `\n  in the record ${record}`).join('')}`,
  );
  return diagnostics.map(({ pointer, rule, message }, i): JournalViolation => ({
    pointer,
    rule,
    message,
    ...(records[i] === undefined ? {} : { record: records[i] }),
  }));
}

/** The record each violation sits in (a mapping override's record is the usual culprit). */
function violatingRecords(body: string | Uint8Array, diagnostics: readonly Diagnostic[]): unknown[] {
  if (!diagnostics.some((d) => d.pointer.startsWith('/body/result/'))) return diagnostics.map(() => undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch {
    return diagnostics.map(() => undefined);
  }
  return diagnostics.map((d) => recordAtPointer(parsed, d.pointer));
}

/**
 * The request listener of an engine.
 *
 * @example
 * http.createServer(nodeDoor(createEngine(), { validateResponses: false, adminFromAnywhere: false })).listen(4010);
 */
export function nodeDoor(engine: Engine, settings: NodeDoorSettings): RequestListener {
  const doorContract = settings.validateResponses ? (settings.contract ?? loadContract()) : undefined;
  const answerConsole = consoleDoor(engine, settings);

  function write(
    req: IncomingMessage,
    res: ServerResponse,
    url: string,
    answer: EngineAnswer,
    started: number,
    time: string,
  ) {
    const method = req.method ?? 'GET';
    // A broken connection on purpose is no response to check against the contract.
    const contract = answer.wire === undefined ? doorContract : undefined;
    const captured: string[] | undefined = contract !== undefined && answer.pages !== undefined ? [] : undefined;
    if (answer.journal !== undefined) {
      const { scenario } = answer.journal;
      let violations: JournalViolation[] | undefined;
      if (contract !== undefined)
        res.once('finish', () => {
          violations = validate(contract, method, url, res, captured?.join('') ?? answer.body);
        });
      // `on`, not `once`: a response closes once, and `once` wraps every listener anew.
      res.on('close', () => {
        const durationMs = Math.round((performance.now() - started) * 100) / 100;
        engine
          .record({
            method,
            url,
            status: res.statusCode,
            scenario,
            time,
            durationMs,
            headers: req.headers,
            answer,
            ...(violations === undefined ? {} : { violations }),
          })
          .catch((error: unknown) => {
            // A store that fails (a lost connection) costs the journal an entry, never the process.
            console.error(
              `interactions-kit: the journal could not record ${method} ${redactUrl(url)}: ${String(error)}`,
            );
          });
      });
    }
    if (answer.wire !== undefined) void sendWireFault(res, answer, answer.wire);
    else if (answer.pages !== undefined)
      void sendStream(res, answer.status, answer.headers, answer.pages, captured && ((chunk) => captured.push(chunk)));
    else sendBytes(res, answer.status, answer.headers, answer.body);
  }

  return function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const time = new Date().toISOString();
    const url = req.url ?? '/';
    // An API path is neither the admin API nor the console: one look at its start spares every
    // API request the reading of its path three times over (the engine routes it the same way).
    const api = url.startsWith('/unified/') || url.startsWith('/gong/');
    // The console at `/` shows the journal too, so it follows the admin API's rule.
    const guarded = !api && (isAdminUrl(url) || isConsoleRoot(url));
    if (!settings.adminFromAnywhere && guarded && !isLoopback(req.socket.remoteAddress)) {
      sendJson(
        res,
        403,
        {},
        {
          statusCode: 403,
          error: 'Forbidden',
          message: 'The admin API answers only on loopback; start the server with --admin-from-anywhere to change that',
        },
      );
      return;
    }
    if (!api && answerConsole(req, res)) return;
    engine
      .answer({ method: req.method ?? 'GET', url, headers: req.headers, body: bodyReader(req) })
      .then((answer) => {
        if (answer.delayMs > 0) setTimeout(() => write(req, res, url, answer, started, time), answer.delayMs);
        else write(req, res, url, answer, started, time);
      })
      .catch((error: unknown) => {
        // Never expected: the engine answers every input. Say so in the real shape, not a hang.
        console.error(error);
        if (res.headersSent) return void res.destroy();
        const failure = unifiedError(
          500,
          `interactions-kit internal error: ${(error as Error)?.message ?? String(error)}`,
        );
        sendJson(res, failure.status, failure.headers, failure.body);
      });
  };
}
