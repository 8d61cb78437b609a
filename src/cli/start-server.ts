/**
 * Listening: the only place (with the cluster primary) where the mock takes a port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, requestListener } from '../server/create-app.js';
import { CliError } from './cli-error.js';
import type { ServeFlags } from './serve-flags.js';

/** A listening mock. */
export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listens with `flags`; rejects with a CliError when the port is busy or the host is wrong. */
export async function startServer(flags: ServeFlags): Promise<RunningServer> {
  const app = createApp(flags.app);
  // Larger than the longest query string the unified layer reads (8 KiB), so an oversized one gets
  // the unified layer's own 400 rather than node's bare 431.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, requestListener(app));
  if (flags.logLevel === 'debug') {
    server.on('request', (req, res) => {
      const started = performance.now();
      res.on('finish', () => {
        console.log(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
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
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Waits for SIGINT or SIGTERM. */
export function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
