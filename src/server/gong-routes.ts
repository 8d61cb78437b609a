/**
 * Gong's routes, one base URL per integrated account: `/gong/{integrated_account_id}/v2/...`.
 * They answer in Gong's shapes, errors included, through the same Gong API the unified
 * layer calls.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { GONG_PATHS } from '../gong/gong-api.js';
import { gongError } from '../gong/gong-result.js';
import { requestIdFor } from '../gong/request-id.js';
import type { WorldAccount } from '../world/world.js';
import type { GongCallOptions } from '../gong/gong-api.js';
import { requestedScenario } from '../faults/request-scenario.js';
import { GONG_SCENARIO_NAMES, SCENARIOS } from '../faults/scenarios.js';
import type { JournalLocals } from './journal-middleware.js';
import { gongAuthorized } from './auth.js';
import type { ResolvedOptions } from './options.js';
import { sendJson } from './send.js';
import { JsonTooDeepError, refuseDeepJson } from './json-nesting.js';

/** Largest Gong request body read. */
export const MAX_GONG_BODY_BYTES = 64 * 1024;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse reviver: a body with prototype-shaped keys is refused outright, never merged. */
function refuseUnsafeKeys(key: string, value: unknown): unknown {
  if (UNSAFE_KEYS.has(key)) throw new SyntaxError(`key ${JSON.stringify(key)} is not allowed`);
  return value;
}

type AccountRequest = Request<{ integrated_account_id: string }> & { account?: WorldAccount; call?: GongCallOptions };

/** Sends Gong's error body, `{ requestId, errors }`. */
export function sendGongError(
  res: Response,
  status: number,
  errors: string[],
  headers: Record<string, string> = {},
): void {
  const result = gongError(status, requestIdFor('error', String(status), errors.join('|')), errors, headers);
  sendJson(res, result.status, result.headers, result.body);
}

/** A client error raised below us (body reading, URL decoding): a 4xx `status` on the error. */
export function isClientError(error: unknown): error is Error & { status: number } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Routes below /gong/{integrated_account_id}. */
export function gongRoutes(resolved: ResolvedOptions): Router {
  const router = Router({ mergeParams: true });

  router.use(function findAccount(req: AccountRequest, res: Response, next: NextFunction) {
    const id = (req.params.integrated_account_id ?? '').toLowerCase();
    const account = resolved.context.world.account(id);
    if (account === undefined) {
      sendGongError(res, 404, [
        `No Gong company at this base URL: unknown integrated account ${JSON.stringify(id.slice(0, 60))}`,
      ]);
      return;
    }
    if (!gongAuthorized(req.get('authorization'), resolved.tokens)) {
      sendGongError(res, 401, ['Access denied: send Basic credentials (access key and secret) or a Bearer token']);
      return;
    }
    const q = req.originalUrl.indexOf('?');
    const asked = requestedScenario(
      req.get('prefer'),
      q === -1 ? '' : req.originalUrl.slice(q + 1),
      GONG_SCENARIO_NAMES,
    );
    if ('problem' in asked) {
      sendGongError(res, 400, [asked.problem]);
      return;
    }
    if (asked.scenario !== undefined && SCENARIOS[asked.scenario].level !== 'gong') {
      sendGongError(res, 400, [
        `scenario: ${asked.scenario} happens in the unified API, not in Gong; ask for it on the unified endpoint`,
      ]);
      return;
    }
    (res.locals as JournalLocals).scenario = asked.scenario;
    req.account = account;
    req.call = { scenario: asked.scenario };
    next();
  });

  router.post(
    GONG_PATHS.interactionStats,
    function requireJson(req: Request, res: Response, next: NextFunction) {
      if (!req.is('application/json')) {
        sendGongError(res, 400, [
          `Content-Type must be application/json, got ${JSON.stringify(req.get('content-type') ?? '')}`,
        ]);
        return;
      }
      next();
    },
    express.json({ limit: MAX_GONG_BODY_BYTES, strict: false, reviver: refuseUnsafeKeys, verify: refuseDeepJson }),
    async function interactionStatsRoute(req: AccountRequest, res: Response) {
      const result = await resolved.gong.interactionStats(req.account as WorldAccount, req.body, req.call);
      sendJson(res, result.status, result.headers, result.body);
    },
  );

  router.get(GONG_PATHS.users, async function usersRoute(req: AccountRequest, res: Response) {
    const { cursor, includeAvatars } = req.query;
    if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) {
      sendGongError(res, 400, ['cursor: must be the cursor string a previous page returned']);
      return;
    }
    if (includeAvatars !== undefined && includeAvatars !== 'true' && includeAvatars !== 'false') {
      sendGongError(res, 400, [`includeAvatars: must be true or false, got ${JSON.stringify(includeAvatars)}`]);
      return;
    }
    const result = await resolved.gong.users(
      req.account as WorldAccount,
      { cursor, includeAvatars: includeAvatars === 'true' },
      req.call,
    );
    sendJson(res, result.status, result.headers, result.body);
  });

  router.all([GONG_PATHS.interactionStats, GONG_PATHS.users], function methodNotAllowed(req: Request, res: Response) {
    // Express answers HEAD wherever GET is served, so Allow names it too.
    const allow = req.path === GONG_PATHS.users ? 'GET, HEAD' : 'POST';
    sendGongError(res, 405, [`${req.method} is not allowed on ${req.path}; use ${allow}`], { allow });
  });

  router.use(function unknownGongRoute(req: Request, res: Response) {
    sendGongError(res, 404, [`No Gong endpoint ${req.method} ${req.path}`]);
  });

  router.use(function gongBodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction) {
    const type = (error as { type?: string }).type;
    if (error instanceof JsonTooDeepError) sendGongError(res, 400, [error.message]);
    else if (type === 'entity.too.large')
      sendGongError(res, 413, [`The request body is larger than ${MAX_GONG_BODY_BYTES} bytes`]);
    else if (type === 'entity.parse.failed')
      sendGongError(res, 400, [`The request body is not valid JSON: ${(error as Error).message}`]);
    else if (type !== undefined || isClientError(error))
      sendGongError(res, 400, [`The request body could not be read: ${(error as Error).message}`]);
    else next(error);
  });
  return router;
}
