/**
 * Keeps the admin API to the machine it runs on unless told otherwise: it can clear the
 * journal and reveals every request's path.
 */
import type { NextFunction, Request, Response } from 'express';
import { sendJson } from './send.js';

/** Whether an address is this machine. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isLoopback(req.socket.remoteAddress)) {
    next();
    return;
  }
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
}
