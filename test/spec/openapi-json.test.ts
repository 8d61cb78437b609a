/**
 * openapi.json is openapi.yaml as JSON (`npm run generate` writes it): the package's own
 * contract is loaded from it, a cold-start saving, so it must never drift from the YAML. And
 * since the package's own document skips the meta-schema check at load time, the check is
 * made here: every component schema passes the JSON Schema 2020-12 meta-schema.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import { createSchemaRegistry } from '../../src/contract/schema-registry.js';
import type { OpenApiDocument } from '../../src/contract/openapi-document.js';

const yamlDocument = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as OpenApiDocument;
const jsonText = readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8');

describe('openapi.json', () => {
  it('is openapi.yaml as JSON (run `npm run generate` when not)', () => {
    expect(JSON.parse(jsonText), 'openapi.json is stale: run `npm run generate`').toEqual(yamlDocument);
  });

  it('is what loadContract() loads', () => {
    expect(loadContract().document).toEqual(JSON.parse(jsonText));
  });

  it('holds schemas that pass the meta-schema (checked here, not at every load)', () => {
    const registry = createSchemaRegistry(yamlDocument, { checkedDocument: false });
    const names = Object.keys(yamlDocument.components?.schemas ?? {});
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(() => registry.validatorFor(`#/components/schemas/${name}`)).not.toThrow();
  });

  it('a schema that breaks the meta-schema is refused in a document of the user’s own', () => {
    const broken = structuredClone(yamlDocument);
    (broken.components!.schemas as Record<string, unknown>).Broken = { type: 'nonsense' };
    expect(() => createSchemaRegistry(broken)).toThrow(/schema is invalid/);
  });
});
