/**
 * `truto_exclude_fields` refuses a dotted name that reaches inside a list (`user.emails.length`):
 * which fields are lists is written down in the engine (`LIST_FIELDS`), which does not read the
 * contract. This test holds that list against the contract, so a list field added to
 * openapi.yaml cannot slip past the clear 400.
 */
import { describe, expect, it } from 'vitest';
import { readOpenApiDocument } from '../../src/contract/read-openapi-document.js';
import { LIST_FIELDS } from '../../src/unified/shape-records.js';

type Schema = { [keyword: string]: unknown };
const schemas = (readOpenApiDocument() as unknown as { components: { schemas: Record<string, Schema> } }).components
  .schemas;

function resolve(schema: Schema): Schema {
  const ref = schema.$ref;
  return typeof ref === 'string' ? resolve(schemas[ref.replace('#/components/schemas/', '')] as Schema) : schema;
}

function isArray(schema: Schema): boolean {
  const type = schema.type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/** Dotted paths of every property holding a list, not looking inside lists. */
function listPaths(schema: Schema, prefix = ''): string[] {
  const resolved = resolve(schema);
  const parts = ['allOf', 'anyOf', 'oneOf'].flatMap((keyword) => (resolved[keyword] as Schema[] | undefined) ?? []);
  const own = Object.entries((resolved.properties as Record<string, Schema> | undefined) ?? {}).flatMap(
    ([name, property]) => {
      const path = `${prefix}${name}`;
      const target = resolve(property);
      const alternatives = ['anyOf', 'oneOf'].flatMap((keyword) => (target[keyword] as Schema[] | undefined) ?? []);
      if (isArray(target) || alternatives.some((alternative) => isArray(resolve(alternative)))) return [path];
      return listPaths(target, `${path}.`);
    },
  );
  return [...new Set([...own, ...parts.flatMap((part) => listPaths(part, prefix))])].sort();
}

describe('the list fields truto_exclude_fields cannot reach inside', () => {
  it('are every list of a unified record (unified and normalized), and of the Gong record in its remote_data', () => {
    // remote_data is free-form in the contract; the engine knows it holds the Gong record.
    const fromContract = new Set([
      ...listPaths({ $ref: '#/components/schemas/Interaction' }),
      ...listPaths({ $ref: '#/components/schemas/NormalizedInteraction' }),
      ...listPaths({ $ref: '#/components/schemas/GongPersonInteractionStats' }, 'remote_data.'),
    ]);
    expect([...LIST_FIELDS.unified].sort()).toEqual([...fromContract].sort());
  });

  it('are every list of a raw (Gong) record, as the contract has them', () => {
    expect([...LIST_FIELDS.raw].sort()).toEqual(listPaths({ $ref: '#/components/schemas/GongPersonInteractionStats' }));
  });
});
