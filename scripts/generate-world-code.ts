/** `npm run generate` (second half): writes the world file's types and validator. */
import { writeFileSync } from 'node:fs';
import { WORLD_TYPES, WORLD_VALIDATOR, worldCode } from './world-code.js';

const { types, validator } = await worldCode();
writeFileSync(WORLD_TYPES, types);
writeFileSync(WORLD_VALIDATOR, validator);
