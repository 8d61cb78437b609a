/**
 * The load-time check of every mapping override a command was given (`--mapping DIR`, a world
 * file's accounts): each expression compiled once, and every failure named with its place in
 * its file, before anything is served or run.
 */
import { readFileSync } from 'node:fs';
import type { WorldDocument } from '../generated/world-document.js';
import { createGongMappings } from '../mapping/gong-mappings.js';
import type { JsonataLoader } from '../mapping/jsonata-loader.js';
import type { MappingKind, MappingTexts } from '../unified/mapping-texts.js';
import { describeMappingFailures } from '../mapping-files/describe-mapping-failures.js';

/** What to check: the server layer, the world document and where each came from. */
export interface MappingCheckInput {
  server: MappingTexts | undefined;
  files: Partial<Record<MappingKind, string>> | undefined;
  world: WorldDocument | undefined;
  worldFile: string | undefined;
  loader?: JsonataLoader;
}

/**
 * One line per expression that cannot run (none: all is well).
 *
 * @example
 * const problems = await mappingProblems({ server: texts, files, world: document, worldFile: 'world.yaml' });
 */
export async function mappingProblems(input: MappingCheckInput): Promise<string[]> {
  const accounts = new Map<string, MappingTexts>();
  for (const account of input.world?.accounts ?? [])
    if (account.mapping !== undefined) accounts.set(account.id.toLowerCase(), account.mapping);
  if (accounts.size === 0 && input.server === undefined) return [];
  const mappings = createGongMappings({
    ...(input.server === undefined ? {} : { server: input.server }),
    accounts,
    ...(input.loader === undefined ? {} : { loader: input.loader }),
  });
  const failures = await mappings.check();
  if (failures.length === 0) return [];
  const world =
    input.world !== undefined && input.worldFile !== undefined
      ? { file: input.worldFile, text: readFileSync(input.worldFile, 'utf8'), document: input.world }
      : undefined;
  return describeMappingFailures(failures, {
    ...(input.files === undefined ? {} : { files: input.files }),
    ...(world === undefined ? {} : { world }),
  });
}
