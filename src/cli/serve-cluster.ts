/**
 * `serve --workers N`: N processes share one port through node:cluster. Cursors are signed
 * with a secret derived from the seed, so any worker serves any page; each worker keeps its
 * own journal, caches and rate-limiter windows.
 */
import cluster, { type Worker } from 'node:cluster';
import { CliError } from './cli-error.js';
import type { ServeFlags } from './serve-flags.js';
import { nextStopSignal, startServer } from './start-server.js';

type WorkerMessage = { type: 'listening'; url: string } | { type: 'failed'; message: string; exitCode: number };

/** In a worker: listen, tell the primary where, and close when it disconnects us. */
export async function runWorker(flags: ServeFlags): Promise<number> {
  try {
    const running = await startServer(flags);
    process.send?.({ type: 'listening', url: running.url } satisfies WorkerMessage);
    await new Promise<void>((resolve) => {
      process.once('disconnect', resolve);
      process.once('SIGTERM', resolve);
    });
    await running.close();
    // The IPC channel would keep this process alive after its server closed.
    if (process.connected) process.disconnect();
    return 0;
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    process.send?.({ type: 'failed', message: (error as Error).message, exitCode } satisfies WorkerMessage);
    if (process.connected) process.disconnect();
    return exitCode;
  }
}

/** In the primary: fork the workers, print the banner once they listen, stop them on a signal. */
export async function runPrimary(
  flags: ServeFlags,
  banner: (url: string, flags: ServeFlags) => string,
): Promise<number> {
  const workers: Worker[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    let ready = 0;
    for (let i = 0; i < flags.workers; i++) {
      const worker = cluster.fork();
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'failed') reject(new CliError(message.message, message.exitCode));
        else if (++ready === flags.workers) resolve(message.url);
      });
      worker.on('exit', (code) => {
        if (ready < flags.workers) reject(new CliError(`a worker exited with code ${code} before listening`, 1));
      });
    }
  });
  const stopAll = () =>
    Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) =>
            worker.isDead() ? resolve(undefined) : (worker.once('exit', resolve), worker.kill('SIGTERM')),
          ),
      ),
    );
  let url: string;
  try {
    url = await listening;
  } catch (error) {
    await stopAll();
    throw error;
  }
  if (flags.logLevel !== 'silent') console.log(`${banner(url, flags)}\n(${flags.workers} workers)`);
  const signal = await nextStopSignal();
  await stopAll();
  if (flags.logLevel !== 'silent') console.log(`interactions-kit: ${signal}, stopped`);
  return 0;
}
