/**
 * `serve --workers N`: N processes share one port through node:cluster. Cursors are signed
 * with a secret derived from the seed, so any worker serves any page. The workers share one
 * state (journal, rate-limit windows, fault sequences, counters): the primary's memory store,
 * reached over IPC, or with `--store redis://...` the Redis every worker connects to. Caches
 * stay each worker's own (pages are pure, so a cache needs no sharing). A worker that dies is
 * replaced, a limited number of times (`--worker-restarts`), with a line on stderr.
 */
import cluster, { type Worker } from 'node:cluster';
import { createMemoryStore } from '../store/memory-store.js';
import { CliError } from './cli-error.js';
import { answerStoreCalls, createIpcStore } from './ipc-store.js';
import { openServeStore } from './serve-store.js';
import type { ServeFlags } from './serve-flags.js';
import { nextStopSignal, startServer } from './start-server.js';
import { watchServedWorld } from './watch-world.js';

type WorkerMessage = { type: 'listening'; url: string } | { type: 'failed'; message: string; exitCode: number };

/** In a worker: listen, tell the primary where, and close when it disconnects us. */
export async function runWorker(flags: ServeFlags): Promise<number> {
  // With memory, the one store is the primary's; Redis each worker reaches itself.
  const store = flags.store.driver === 'memory' ? createIpcStore() : await openServeStore(flags);
  flags.app.store = store;
  try {
    const running = await startServer(flags);
    const stopWatching = watchServedWorld(flags, running);
    // Ctrl-C reaches every process of the terminal's group; the primary stops the workers itself
    // (SIGTERM), and a worker dying of the SIGINT first would look like a crash to replace.
    process.on('SIGINT', () => undefined);
    process.send?.({ type: 'listening', url: running.url } satisfies WorkerMessage);
    await new Promise<void>((resolve) => {
      process.once('disconnect', resolve);
      process.once('SIGTERM', resolve);
    });
    stopWatching();
    await running.close();
    await store.close?.();
    // The IPC channel would keep this process alive after its server closed.
    if (process.connected) process.disconnect();
    return 0;
  } catch (error) {
    await store.close?.();
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    process.send?.({ type: 'failed', message: (error as Error).message, exitCode } satisfies WorkerMessage);
    if (process.connected) process.disconnect();
    return exitCode;
  }
}

/** Why a worker ended, for the log: `signal SIGKILL` or `code 1`. */
function exitReason(code: number | null, signal: string | null): string {
  return signal !== null ? `signal ${signal}` : `code ${code}`;
}

/**
 * In the primary: fork the workers, print the banner once they listen, replace a worker that
 * dies (at most `flags.workerRestarts` times over the server's life, so a worker that keeps
 * dying does not fork forever), stop them all on a signal. When the last worker is gone the
 * primary exits with an error rather than lingering, or quietly, without a server.
 */
export async function runPrimary(
  flags: ServeFlags,
  banner: (url: string, flags: ServeFlags) => string,
): Promise<number> {
  const live = new Set<Worker>();
  // The workers' shared state, when it is memory: here, answered over IPC.
  const store = flags.store.driver === 'memory' ? createMemoryStore() : undefined;
  const log = (line: string) => {
    if (flags.logLevel !== 'silent') console.error(`interactions-kit: ${line}`);
  };
  let stopping = false;
  let started = false;
  let replacements = 0;
  let allGone: (error: CliError) => void = () => undefined;
  const gone = new Promise<never>((_resolve, reject) => (allGone = reject));
  gone.catch(() => undefined);

  const listening = new Promise<string>((resolve, reject) => {
    let ready = 0;
    const fork = (): Worker => {
      const worker = cluster.fork();
      live.add(worker);
      if (store !== undefined) answerStoreCalls(worker, store);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'failed') {
          if (started) log(`worker ${worker.process.pid} could not start: ${message.message}`);
          else reject(new CliError(message.message, message.exitCode));
        } else if (!started && ++ready === flags.workers) resolve(message.url);
      });
      worker.on('exit', (code, signal) => {
        live.delete(worker);
        if (stopping) return;
        if (!started) {
          reject(new CliError(`a worker exited with ${exitReason(code, signal)} before listening`, 1));
          return;
        }
        const why = `worker ${worker.process.pid} exited with ${exitReason(code, signal)}`;
        if (replacements < flags.workerRestarts) {
          replacements++;
          const next = fork();
          log(
            `${why}; replaced by worker ${next.process.pid} (${replacements} of ${flags.workerRestarts} replacements)`,
          );
        } else {
          log(`${why}; not replaced: all ${flags.workerRestarts} replacements are used (--worker-restarts)`);
        }
        if (live.size === 0) allGone(new CliError('every worker has exited; the server is down', 1));
      });
      return worker;
    };
    for (let i = 0; i < flags.workers; i++) fork();
  });
  const stopAll = () => {
    stopping = true;
    return Promise.all(
      [...live].map(
        (worker) =>
          new Promise((resolve) =>
            worker.isDead() ? resolve(undefined) : (worker.once('exit', resolve), worker.kill('SIGTERM')),
          ),
      ),
    );
  };
  let url: string;
  try {
    url = await listening;
  } catch (error) {
    await stopAll();
    throw error;
  }
  started = true;
  if (flags.logLevel !== 'silent') console.log(`${banner(url, flags)}\n(${flags.workers} workers)`);
  const signal = await Promise.race([nextStopSignal(), gone]);
  await stopAll();
  if (flags.logLevel !== 'silent') console.log(`interactions-kit: ${signal}, stopped`);
  return 0;
}
