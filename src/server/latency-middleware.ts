/**
 * Added latency: the server-wide `latency` option, plus a second for the `slow` account.
 */
import type { NextFunction, Request, Response } from 'express';
import { sampleLatency, type Latency } from '../faults/latency.js';
import type { World } from '../world/world.js';
import { accountOfUrl } from './account-of-url.js';

/** Extra delay of the `slow` account, ms. */
export const SLOW_ACCOUNT_DELAY_MS = 1000;

/** Whether a request (by its URL) is for the `slow` account. */
export function isSlowAccountRequest(world: World, url: string): boolean {
  const id = accountOfUrl(url);
  return id !== undefined && world.account(id)?.behavior === 'slow';
}

export function latencyMiddleware(world: World, latency: Latency | undefined) {
  let n = 0;
  return function addLatency(req: Request, _res: Response, next: NextFunction): void {
    const delay =
      (latency === undefined ? 0 : sampleLatency(latency, world.seed, n++)) +
      (isSlowAccountRequest(world, req.originalUrl) ? SLOW_ACCOUNT_DELAY_MS : 0);
    if (delay <= 0) next();
    else setTimeout(next, delay);
  };
}
