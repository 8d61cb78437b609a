/**
 * Starts a benchmark target in its own process and waits until it answers: the mock, Prism
 * or the ceiling server. Cold start is measured from spawn to the first answered request.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildTarget {
  url: string;
  /** The target's process id (to read its CPU time). */
  pid: number;
  coldStartMs: number;
  stop(): Promise<void>;
}

export interface ChildTargetOptions {
  command: string;
  args: string[];
  /** How the target says where it listens, when it picks its own port. */
  urlPattern?: RegExp;
  /** The URL, when the port is chosen for it. */
  url?: string;
  /** A path that answers once the target is ready, and the headers to ask with. */
  probe: { path: string; headers?: Record<string, string> };
}

async function waitForUrl(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${text}`)));
  });
}

export async function startChildTarget(options: ChildTargetOptions): Promise<ChildTarget> {
  const started = performance.now();
  const child = spawn(options.command, options.args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.resume();
  child.stderr?.resume();
  const url = options.url ?? (await waitForUrl(child, options.urlPattern as RegExp));
  for (let i = 0; ; i++) {
    const res = await fetch(`${url}${options.probe.path}`, { headers: options.probe.headers }).catch(() => undefined);
    if (res !== undefined) {
      await res.arrayBuffer();
      break;
    }
    if (i > 600) throw new Error(`${options.command} never answered at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const coldStartMs = performance.now() - started;
  return {
    url,
    pid: child.pid as number,
    coldStartMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // The whole group: Prism's CLI runs its server in a child of its own.
        process.kill(-(child.pid as number), 'SIGTERM');
      }),
  };
}

/** A free loopback port (for targets that must be told one). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
