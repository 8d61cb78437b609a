/**
 * The README's "Testing your mapping overrides" example runs as written: its override over its
 * world file, with its command's flags, prints the lines it shows; its per-account world
 * snippet loads and compiles.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { mappingProblems } from '../../src/cli/check-mappings.js';
import { runMappingTest } from '../../src/cli/mapping-test.js';
import { parseWorldText } from '../../src/world-file/parse-world-text.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const SECTION = README.slice(README.indexOf('## Testing your mapping overrides'));
const block = (language: string, from = SECTION) =>
  new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(from)?.[1] ?? '';

const dir = mkdtempSync(join(tmpdir(), 'readme-mapping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README's mapping override example", () => {
  it('prints what the README shows', async () => {
    mkdirSync(join(dir, 'mappings/acme'), { recursive: true });
    writeFileSync(join(dir, 'mappings/acme/response_mapping.jsonata'), block('jsonata'));
    writeFileSync(join(dir, 'world.yaml'), block('yaml', README.slice(README.indexOf('A rep called Ada'))));
    const command = block('sh')
      .replace(/\\\n\s*/g, ' ')
      .trim()
      .split(/\s+/);
    expect(command.slice(0, 4)).toEqual(['npx', 'interactions-kit', 'mapping', 'test']);
    const args = command
      .slice(4)
      .map((arg) => (arg === 'mappings/acme' || arg === 'world.yaml' ? join(dir, arg) : arg));
    const lines: string[] = [];
    const code = await runMappingTest(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(code).toBe(0);
    const shown = block('text').trimEnd().split('\n');
    for (const line of shown) {
      if (line.endsWith(' ...')) expect(lines.some((l) => l.startsWith(line.slice(0, -4)))).toBe(true);
      else expect(lines).toContain(line);
    }
  });

  it('the per-account world snippet loads, and its expression compiles', async () => {
    const snippet = /```yaml\n([\s\S]*?)```/.exec(SECTION)?.[1] ?? '';
    const text = snippet.replace(/^ {2}/gm, '');
    const read = parseWorldText(text, 'world.yaml');
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));
    expect(read.document.accounts?.[0]?.mapping?.response_mapping).toContain('$merge');
    expect(
      await mappingProblems({ server: undefined, files: undefined, world: read.document, worldFile: undefined }),
    ).toEqual([]);
  });
});
