/**
 * Starts `interactions-kit serve` (the built binary) in its own process on a free loopback
 * port, so the load generator and the server do not share an event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/interactions-kit.js', import.meta.url));

export interface SpawnedMock {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first answered request. */
  coldStartMs: number;
  stop(): Promise<void>;
}

export async function spawnMock(args: string[] = []): Promise<SpawnedMock> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--now', '2026-11-24T00:00:00Z', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // The banner (log level info) tells the URL; nothing else is printed.
  });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(text);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code}: ${text}`)));
  });
  for (;;) {
    const res = await fetch(`${url}/__admin/health`).catch(() => undefined);
    if (res?.ok === true) break;
  }
  const coldStartMs = performance.now() - started;
  return {
    url,
    child,
    coldStartMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The server's resident memory, from its health endpoint. */
export async function serverRss(url: string): Promise<number> {
  const res = await fetch(`${url}/__admin/health`);
  return ((await res.json()) as { rssBytes: number }).rssBytes;
}
