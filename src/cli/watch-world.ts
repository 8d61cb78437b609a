/**
 * `serve --watch`: reloads the world file when it is saved. Polls the file's stat rather than
 * using fs.watch: editors save by writing a new file and renaming it over the old one, which
 * an inode watch stops seeing after the first save; a stat poll sees every save.
 */
import cluster from 'node:cluster';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { WorldDocument } from '../generated/world-document.js';
import { WorldFileError } from '../world-file/located-problem.js';
import { loadWorldFile } from '../world-file/load-world-file.js';
import type { WorldOverrides } from '../world/resolved-world.js';
import { resolveWorldDocument } from '../world/resolve-world-document.js';
import { mappingProblems } from './check-mappings.js';
import type { ServeFlags } from './serve-flags.js';
import type { RunningServer } from './start-server.js';

/** How often the file's stat is read, in ms: a save shows up within this. */
export const WATCH_INTERVAL_MS = 200;

/**
 * What a watch reports: a good new document, or the problems of a broken save.
 *
 * @example
 * ```ts
 * const handlers: WorldWatchHandlers = { reloaded: (document) => swap(document), rejected: (error) => log(error.message) };
 * ```
 */
export interface WorldWatchHandlers {
  reloaded(document: WorldDocument): void;
  rejected(error: WorldFileError): void;
}

/**
 * Watches `file`; returns the function that stops watching.
 *
 * @example
 * const stop = watchWorldFile('world.yaml', {}, { reloaded: swap, rejected: (e) => console.error(e.message) });
 */
export function watchWorldFile(file: string, overrides: WorldOverrides, handlers: WorldWatchHandlers): () => void {
  const onChange = (current: Stats, previous: Stats) => {
    if (current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino) return;
    let document: WorldDocument;
    try {
      document = loadWorldFile(file, overrides);
    } catch (error) {
      if (error instanceof WorldFileError) return handlers.rejected(error);
      throw error;
    }
    handlers.reloaded(document);
  };
  watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, onChange);
  return () => unwatchFile(file, onChange);
}

/**
 * `serve --watch` (in every worker too): each good save is served from the next request on; a
 * broken one is reported and the last good world kept. Returns the function that stops it.
 *
 * @example
 * const stop = watchServedWorld(flags, running);
 */
export function watchServedWorld(flags: ServeFlags, running: RunningServer): () => void {
  if (!flags.watch || flags.worldFile === undefined) return () => undefined;
  const file = flags.worldFile as string;
  const seed = flags.app.seed;
  const overrides = seed === undefined ? {} : { seed };
  // The document was checked when read: its resolution is remembered, so this costs nothing.
  const fingerprintOf = (document: unknown) => {
    const resolved = resolveWorldDocument(document, overrides);
    return 'world' in resolved ? resolved.world.fingerprint : undefined;
  };
  let served = fingerprintOf(flags.app.world);
  // With --workers, every worker watches; one of them speaks for all.
  const speaks = flags.logLevel !== 'silent' && (!cluster.isWorker || cluster.worker?.id === 1);
  const reject = (problems: string) => {
    if (!speaks) return;
    console.error(`interactions-kit: ${file} changed but has problems; still serving the last good world`);
    console.error(problems);
  };
  // A save's mapping expressions are compiled before it is served, as `serve` does before it
  // listens: a broken one keeps the last good world rather than answering 502s. The check is
  // async; a save read while another was being checked wins, the earlier one is dropped.
  let latest = 0;
  const serveWorld = (document: WorldDocument) => {
    running.replaceWorld(document);
    const fingerprint = fingerprintOf(document);
    const changed = fingerprint !== served;
    served = fingerprint;
    if (!speaks) return;
    console.log(
      changed
        ? `interactions-kit: ${file} changed; serving the new world (earlier cursors now get a 400)`
        : `interactions-kit: ${file} saved; the world is the same (earlier cursors still work)`,
    );
  };
  return watchWorldFile(file, overrides, {
    reloaded(document) {
      const save = ++latest;
      mappingProblems({ server: undefined, files: undefined, world: document, worldFile: file }).then(
        (problems) => {
          if (save !== latest) return;
          if (problems.length > 0) reject(problems.join('\n'));
          else serveWorld(document);
        },
        (error: unknown) => {
          if (save === latest) reject(`its mappings could not be checked: ${String(error)}`);
        },
      );
    },
    rejected(error) {
      latest++;
      reject(error.message);
    },
  });
}
