/**
 * The overrides the mapping tests run at every layer and through every way in: each built
 * from the shipped base mapping the way a team would, by copying the file and editing it.
 */
import { readFileSync } from 'node:fs';
import type { MappingTexts } from '../../src/unified/mapping-texts.js';
import { DEFAULT_WORLD } from '../../src/world/default-world.js';
import type { WorldDocument } from '../../src/generated/world-document.js';

export const BASE_RESPONSE = readFileSync(
  new URL('../../mappings/gong/response_mapping.jsonata', import.meta.url),
  'utf8',
);
export const BASE_QUERY = readFileSync(new URL('../../mappings/gong/query_mapping.jsonata', import.meta.url), 'utf8');

/** `Talk Ratio` renamed `talk_ratio` in additional_metrics. */
export const RENAME: MappingTexts = {
  response_mapping: BASE_RESPONSE.replace(
    "{ 'name': name, 'value': value }",
    "{ 'name': name = 'Talk Ratio' ? 'talk_ratio' : name, 'value': value }",
  ),
};

/** Users whose id ends in 0-4 dropped (`null`). */
export const DROP: MappingTexts = {
  response_mapping: `$number($substring(response.userId, -1)) < 5 ? null : (\n${BASE_RESPONSE}\n)`,
};

/** `user.name` from `@truto/truto-jsonata`'s `$firstNonEmpty`: the email's local part. */
export const TRUTO: MappingTexts = {
  response_mapping: `(
  $record := (\n${BASE_RESPONSE}\n);
  $merge([$record, { 'user': $merge([$record.user, { 'name': $firstNonEmpty(response.userName, $substringBefore(response.userEmailAddress, '@')) }]) }])
)`,
};

/** A syntax error on its second line (a trailing comma). */
export const BROKEN: MappingTexts = {
  response_mapping: "{\n  'id': response.userId,\n}",
};

/** The default world with `mapping` on the account `id`. */
export function worldWithAccountMapping(id: string, mapping: MappingTexts): WorldDocument {
  return {
    ...DEFAULT_WORLD,
    accounts: (DEFAULT_WORLD.accounts ?? []).map((account) => (account.id === id ? { ...account, mapping } : account)),
  };
}
