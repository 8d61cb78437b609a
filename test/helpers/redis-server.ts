/**
 * A real `redis-server` for tests: on 127.0.0.1, on a port found free by binding 0, with no
 * persistence (`--save '' --appendonly no`), stopped by the test that started it. It can be
 * stopped and started again on the same port, to test what an outage does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { delimiter, join } from 'node:path';

/** The one command that installs what the shared-store and scale-out tests need (Debian). */
export const INSTALL_SCALE_OUT = 'apt-get install redis-server haproxy';

/** The path of a program on the PATH, or undefined. */
export function findProgram(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin'].filter((dir) => dir !== '');
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      if (statSync(path).isFile()) return path;
    } catch {
      // Not here; the next folder.
    }
  }
  return undefined;
}

/** A port nothing listens on now (the OS's choice for port 0 on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it holds or `timeoutMs` passes (then throws naming `what`). */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Whether something accepts TCP connections on 127.0.0.1:port and answers a PING (Redis). */
export function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A running redis-server. */
export interface RedisServer {
  port: number;
  url: string;
  /** Stops it (SIGKILL: an outage, not a clean shutdown) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, and waits until it answers. */
  start(): Promise<void>;
  /** Stops it answering (SIGSTOP): a hung Redis, its connections still open. */
  freeze(): void;
  /** Lets a frozen one go on (SIGCONT), answering what it was sent meanwhile. */
  thaw(): void;
}

/** Starts a redis-server on a free loopback port and waits until it answers a PING. */
export async function startRedisServer(binary: string): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    await waitUntil(`redis-server on port ${port}`, () => redisAnswers(port));
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    async stop() {
      const running = child;
      if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
