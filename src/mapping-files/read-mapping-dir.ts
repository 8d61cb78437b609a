/**
 * Reads a folder of mapping overrides from disk (the Node doors: `serve --mapping DIR`,
 * `createApp({ mapping: DIR })`, `mapping test --mapping DIR`). Files are named by what they
 * replace, `query_mapping.jsonata` and `response_mapping.jsonata`; either may be absent. The
 * engine gets the expression texts, never a path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAPPING_KINDS, type MappingKind, type MappingTexts } from '../unified/mapping-texts.js';

const EXTENSION = '.jsonata';
const FILE_NAMES = MAPPING_KINDS.map((kind) => `${kind}${EXTENSION}`);

/**
 * A mapping folder that cannot be used: missing, empty, or holding a file that is not a mapping.
 *
 * @example
 * try { readMappingDir('mappings/acme'); } catch (error) { if (error instanceof MappingDirError) console.error(error.message); }
 */
export class MappingDirError extends Error {
  override name = 'MappingDirError';
}

/**
 * The expressions in `dir`, by kind, with each file's path (for messages that name it).
 *
 * @example
 * readMappingDir('mappings/acme').texts.response_mapping; // the text of mappings/acme/response_mapping.jsonata
 */
export function readMappingDir(dir: string): { texts: MappingTexts; files: Partial<Record<MappingKind, string>> } {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new MappingDirError(`${dir} is a file; --mapping takes a folder holding ${FILE_NAMES.join(' and/or ')}`);
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof MappingDirError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new MappingDirError(
      `${dir} cannot be read: ${code === 'ENOENT' ? 'no such folder' : (error as Error).message}`,
    );
  }
  // Dot files (.gitkeep, .DS_Store) are the file system's or the editor's, never a mapping.
  const visible = names.filter((name) => !name.startsWith('.')).sort();
  const unknown = visible.filter((name) => !FILE_NAMES.includes(name));
  if (unknown.length > 0)
    throw new MappingDirError(
      `${join(dir, unknown[0] as string)} is not a mapping file: a mapping folder holds only ${FILE_NAMES.join(' and ')} (named by the expression they replace)`,
    );
  if (visible.length === 0)
    throw new MappingDirError(`${dir} holds no mapping: put ${FILE_NAMES.join(' and/or ')} in it`);
  const texts: MappingTexts = {};
  const files: Partial<Record<MappingKind, string>> = {};
  for (const kind of MAPPING_KINDS) {
    const name = `${kind}${EXTENSION}`;
    if (!visible.includes(name)) continue;
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    if (text.trim() === '')
      throw new MappingDirError(`${file} is empty: remove it to keep the layer below, or write an expression`);
    texts[kind] = text;
    files[kind] = file;
  }
  return { texts, files };
}
