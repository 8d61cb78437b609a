/**
 * src/generated/openapi.ts is what `npm run generate` (openapi-typescript openapi.yaml -o ...)
 * writes today: regenerate and commit when this fails.
 */
import { readFileSync } from 'node:fs';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const SPEC = new URL('../../openapi.yaml', import.meta.url);
const GENERATED = new URL('../../src/generated/openapi.ts', import.meta.url);

describe('src/generated/openapi.ts', () => {
  it('equals a fresh openapi-typescript generation, byte for byte (run `npm run generate` when not)', async () => {
    // The same call the openapi-typescript CLI makes, with the CLI's defaults.
    const fresh = COMMENT_HEADER + astToString(await openapiTS(SPEC, { silent: true }));
    const committed = readFileSync(GENERATED, 'utf8');
    expect(committed === fresh, 'src/generated/openapi.ts is stale: run `npm run generate`').toBe(true);
  });
});
