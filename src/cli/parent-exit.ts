/**
 * Stopping with the parent. A SIGKILLed `npm start` cannot forward a signal, and the server it
 * started would keep the port, so the next start fails. The server watches instead: its parent
 * (reparenting changes `process.ppid`), the IPC channel when it has one, and, when a package
 * manager's script shell (`sh -c`, which waits rather than exec) is the parent, that shell's
 * parent too: the package manager itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How often the parent is looked at: a dead parent's port is free within about this long. */
export const PARENT_CHECK_MS = 500;

/** The parent of `pid`, from /proc on Linux or `ps` elsewhere; undefined when neither answers. */
function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isSafeInteger(ppid) && ppid > 1 ? ppid : undefined;
  } catch {
    try {
      const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
      return Number.isSafeInteger(ppid) && ppid > 1 ? ppid : undefined;
    } catch {
      return undefined;
    }
  }
}

function isAlive(pid: number): boolean {
  // A killed process whose own parent never reaps it stays a zombie, which `kill(pid, 0)` still
  // finds: /proc tells it apart on Linux (state Z), so a non-reaping grandparent cannot keep us.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    // No /proc (or the process is gone): ask the kernel directly.
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Who started this process, read when the CLI loads: before the server listens, so a parent
 * killed the moment the banner appears is still the one watched, not whoever inherited us.
 */
const startedBy = ancestry(process.env);

function ancestry(env: NodeJS.ProcessEnv): { parent: number; packageManager: number | undefined } {
  const parent = process.ppid;
  return { parent, packageManager: env.npm_lifecycle_event === undefined ? undefined : parentOf(parent) };
}

/**
 * Resolves once the process that started this one is gone; `stop()` stops watching. Package
 * managers set `npm_lifecycle_event` (npm, pnpm, yarn) for their scripts, which is how a
 * script shell is told apart from a user's interactive shell.
 *
 * @example
 * const parent = watchParent();
 * await Promise.race([parent.exited, nextSignal]);
 * parent.stop();
 */
export function watchParent(): { exited: Promise<void>; stop(): void } {
  const { parent, packageManager } = startedBy;
  let stop = () => {};
  const exited = new Promise<void>((resolve) => {
    const done = () => {
      stop();
      resolve();
    };
    const timer = setInterval(() => {
      if (process.ppid !== parent || (packageManager !== undefined && !isAlive(packageManager))) done();
    }, PARENT_CHECK_MS);
    // Watching never keeps the process alive by itself.
    timer.unref();
    // A parent that forked us with an IPC channel says goodbye by closing it.
    if (process.channel !== undefined) process.once('disconnect', done);
    stop = () => {
      clearInterval(timer);
      process.off('disconnect', done);
    };
  });
  return { exited, stop };
}
