/**
 * src/generated/world-document.ts and validate-world-document.ts are what `npm run generate`
 * makes of world.schema.json today: regenerate and commit when this fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORLD_TYPES, WORLD_VALIDATOR, worldCode } from '../../scripts/world-code.js';

describe('the world file code generated from world.schema.json', () => {
  it('equals a fresh generation, byte for byte (run `npm run generate` when not)', async () => {
    const { types, validator } = await worldCode();
    expect(readFileSync(WORLD_TYPES, 'utf8') === types, 'src/generated/world-document.ts is stale').toBe(true);
    expect(
      readFileSync(WORLD_VALIDATOR, 'utf8') === validator,
      'src/generated/validate-world-document.ts is stale',
    ).toBe(true);
  });
});
