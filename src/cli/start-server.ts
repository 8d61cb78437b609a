/**
 * Listening: the only place (with the cluster primary) where the mock takes a port.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactUrl } from '../redact.js';
import type { Engine } from '../engine/create-engine.js';
import { nodeDoor } from '../server/node-door.js';
import { capConnectionsPerClient } from '../server/client-connection-cap.js';
import {
  answerClientErrors,
  connectionLimitOptions,
  resolveConnectionLimits,
  type ConnectionLimits,
} from '../server/connection-limits.js';
import { AppOptionsError, resolveOptions } from '../server/options.js';
import { watchParent } from './parent-exit.js';
import { CliError } from './cli-error.js';
import { prepareReality } from './reality-listener.js';
import type { ServeFlags } from './serve-flags.js';
import type { WorldDocument } from '../generated/world-document.js';

/** A listening mock. */
export interface RunningServer {
  url: string;
  server: Server;
  /** With --replay or --proxy: what is served, in one line. */
  reality?: string;
  /** Serves another world from the next request on (`serve --watch`); throws AppOptionsError on a bad one. */
  replaceWorld(world: WorldDocument): void;
  close(): Promise<void>;
}

/**
 * Listens with `flags`; rejects with a CliError when the port is busy or the host is wrong.
 * `limits` bound how long a client may take over its request (defaults in ConnectionLimits).
 */
export async function startServer(flags: ServeFlags, limits: ConnectionLimits = {}): Promise<RunningServer> {
  // A recording to replay is read first: a broken one takes no port.
  const reality = prepareReality(flags);
  // The listener is built once the port is known: the URLs it hands out name where it listens.
  const server = createServer(connectionLimitOptions(limits));
  // Set on the server too: not every node 20 reads keepAliveTimeout from the options.
  server.keepAliveTimeout = resolveConnectionLimits(limits).keepAliveTimeoutMs;
  answerClientErrors(server);
  const refuseOverCap = capConnectionsPerClient(server, resolveConnectionLimits(limits).maxConnectionsPerClient);
  if (flags.logLevel === 'debug') {
    server.on('request', (req, res) => {
      const started = performance.now();
      // Read now: below a mount point Express rewrites req.url, and may not have restored it by `finish`.
      const url = req.url ?? '';
      res.on('finish', () => {
        // Logs end up in CI output: a token in the query (`?access_token=`) must not.
        console.log(`${req.method} ${redactUrl(url)} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
      });
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new CliError(`port ${flags.port} on ${flags.host} is already in use; pick another with --port`, 1));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new CliError(`cannot listen on host ${flags.host}`, 1));
      else if (error.code === 'EACCES') reject(new CliError(`not allowed to listen on port ${flags.port}`, 1));
      else reject(error);
    });
    server.listen(flags.port, flags.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host;
  const url = `http://${host}:${port}`;
  let engine: Engine | undefined;
  // The Node door itself, no Express: nothing an app could add is skipped, as there is no app.
  // A reloaded world's engine takes over the last one's store and journal, so the journal (and
  // the console's live stream of it) goes on across a save.
  const doorOf = (world?: WorldDocument): RequestListener => {
    const resolved = resolveOptions({ baseUrl: url, ...flags.app, ...(world === undefined ? {} : { world }) }, engine);
    engine = resolved.engine;
    return nodeDoor(resolved.engine, resolved.door);
  };
  let listener: RequestListener;
  try {
    listener = reality?.listener(url) ?? doorOf();
  } catch (error) {
    server.close();
    // Only --base-url can be wrong this late; the other options were checked as flags.
    if (error instanceof AppOptionsError) throw new CliError(`--base-url: ${error.message}`);
    throw error;
  }
  // Attached in the same tick as listening completed, before any connection can be read.
  // Through a variable: a reloaded world swaps the listener, and requests already in flight
  // finish on the one they started with.
  server.on('request', (req, res) => refuseOverCap(req, res) || listener(req, res));
  return {
    url,
    server,
    ...(reality === undefined ? {} : { reality: reality.describe }),
    replaceWorld(world) {
      listener = doorOf(world);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Waits for SIGINT or SIGTERM, or for the process that started this one to exit. */
export async function nextStopSignal(): Promise<NodeJS.Signals | 'parent exited'> {
  const parent = watchParent();
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const stop = await Promise.race([signal, parent.exited.then(() => 'parent exited' as const)]);
  parent.stop();
  return stop;
}
