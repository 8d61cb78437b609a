/**
 * A copy of openapi.yaml whose unified 200 example is a real 100-record page, so Prism's
 * static answer is the same size as the mock's: the comparison is byte for byte.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const SPEC = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

/** Writes the copy into a temp folder and returns its path. */
export function writePrismSpec(page: unknown): string {
  const spec = parse(readFileSync(SPEC, 'utf8'));
  const media =
    spec.paths['/unified/conversational-intelligence/interactions'].get.responses['200'].content['application/json'];
  media.examples = { page: { summary: 'A 100-record page', value: page } };
  const file = join(mkdtempSync(join(tmpdir(), 'interactions-kit-bench-')), 'openapi.yaml');
  writeFileSync(file, stringify(spec, { aliasDuplicateObjects: false }));
  return file;
}
