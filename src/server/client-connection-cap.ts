/**
 * A cap on the connections one client (one remote address) holds at once, so a single client
 * cannot take every socket the process has. Connections past the cap are not dropped in
 * silence: their request is read (within the header time bound) and answered 503 in the unified
 * error shape, saying why, with `Connection: close`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { unifiedError } from '../unified/unified-error.js';
import { sendJson } from '../node-http/send.js';

/**
 * Counts each client's connections on `server`; answers whether a request came on a connection
 * past the cap, and refuses it when it did.
 *
 * @example
 * const refuse = capConnectionsPerClient(server, 256);
 * server.on('request', (req, res) => refuse(req, res) || listener(req, res));
 */
export function capConnectionsPerClient(
  server: Server,
  max: number,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const open = new Map<string, number>();
  const over = new WeakSet<Socket>();
  server.on('connection', function countConnection(socket: Socket) {
    const client = socket.remoteAddress ?? '';
    const count = (open.get(client) ?? 0) + 1;
    open.set(client, count);
    if (count > max) over.add(socket);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left === 0) open.delete(client);
      else open.set(client, left);
    });
  });
  return function refuseOverCap(req, res) {
    if (!over.has(req.socket)) return false;
    const failure = unifiedError(
      503,
      `Too many connections from ${req.socket.remoteAddress ?? 'this client'}: at most ${max} at once; reuse a connection or close one`,
    );
    res.shouldKeepAlive = false;
    sendJson(res, failure.status, { ...failure.headers, 'retry-after': '1', connection: 'close' }, failure.body);
    return true;
  };
}
