/**
 * Mapping failures found at load time, each with its place: the file and the line and column
 * in it (a mapping folder's file, or the world file holding the account's expression).
 */
import { describeMappingFailure, type MappingFailure } from '../unified/mapping-failure.js';
import type { MappingKind } from '../unified/mapping-texts.js';
import type { WorldDocument } from '../generated/world-document.js';
import { locateProblems } from '../world-file/locate-problems.js';

/** Where the expressions came from, for the messages. */
export interface MappingSources {
  /** The server layer's files (`--mapping DIR`), by kind. */
  files?: Partial<Record<MappingKind, string>>;
  /** The world file and its text, for an account's expressions. */
  world?: { file: string; text: string; document: WorldDocument };
}

/**
 * One line per failure: `mappings/acme/response_mapping.jsonata:3:7: ...` or
 * `world.yaml:12:25: accounts[1].mapping.response_mapping, line 2, column 4: ...`.
 *
 * @example
 * describeMappingFailures(await engine.mappings.check(), { files });
 */
export function describeMappingFailures(
  failures: ReadonlyArray<MappingFailure & { accountId?: string }>,
  sources: MappingSources,
): string[] {
  return failures.map((failure) => {
    if (failure.accountId === undefined) {
      const file = sources.files?.[failure.kind];
      const place = failure.line === undefined ? '' : `:${failure.line}:${failure.column ?? 1}`;
      return file === undefined
        ? describeMappingFailure(failure)
        : `${file}${place}: ${describeMappingFailure(failure)}`;
    }
    const world = sources.world;
    const index = world?.document.accounts?.findIndex((a) => a.id.toLowerCase() === failure.accountId) ?? -1;
    if (world === undefined || index < 0) return `account ${failure.accountId}: ${describeMappingFailure(failure)}`;
    const path = ['accounts', index, 'mapping', failure.kind];
    const [located] = locateProblems(world.text, [{ path, message: '' }]);
    const place = located?.line === undefined ? world.file : `${world.file}:${located.line}:${located.column ?? 1}`;
    return `${place}: accounts[${index}].mapping.${failure.kind} (account ${failure.accountId}): ${describeMappingFailure(failure)}`;
  });
}
