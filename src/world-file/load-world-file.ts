/**
 * Reads a world file from disk (the Node doors: `serve --world`, `createApp({ world: path })`,
 * `fixtures --world`, `world check`).
 */
import { readFileSync } from 'node:fs';
import type { WorldDocument } from '../generated/world-document.js';
import type { WorldOverrides } from '../world/resolved-world.js';
import { WorldFileError } from './located-problem.js';
import { parseWorldText } from './parse-world-text.js';

/**
 * The world document in `file`, checked; throws WorldFileError with every problem and its
 * line and column, or with why the file cannot be read.
 *
 * @example
 * createApp({ world: loadWorldFile('world.yaml') });
 */
export function loadWorldFile(file: string, overrides: WorldOverrides = {}): WorldDocument {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (error as Error).message;
    throw new WorldFileError(file, [{ path: [], message: `cannot be read: ${why}` }]);
  }
  let text: string;
  try {
    // Fatal: a byte that is not UTF-8 would otherwise become U+FFFD in the served names.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const lines = lossy.slice(0, lossy.indexOf('\uFFFD')).split(/\r\n|\r|\n/);
    const place = { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
    throw new WorldFileError(file, [{ path: [], message: 'not valid UTF-8: save the file as UTF-8', ...place }]);
  }
  const read = parseWorldText(text, file, overrides);
  if ('problems' in read) throw new WorldFileError(file, read.problems);
  return read.document;
}
