/**
 * The world file loader, fed anything: random text, random YAML of random values, and valid
 * files with one random edit. Always a verdict (a world or problems), never a throw; every
 * problem of a text that could be read has a line and a column inside the text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { parseWorldText } from '../../src/world-file/parse-world-text.js';
import { worldInitText } from '../../src/world-file/world-init-text.js';
import { DEFAULT_WORLD } from '../../src/world/default-world.js';

function judge(text: string, name: string): void {
  const read = parseWorldText(text, name);
  if ('world' in read) return;
  expect(read.problems.length).toBeGreaterThan(0);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const problem of read.problems) {
    expect(problem.message).toMatch(/\S/);
    if (problem.line !== undefined) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lines + 1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('parseWorldText', () => {
  it('reads the init text back as the embedded default world', () => {
    const read = parseWorldText(worldInitText(), 'world.yaml');
    expect('document' in read && read.document).toEqual(DEFAULT_WORLD);
  });

  it('gives a verdict for any text, as YAML and as JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        judge(text, 'world.yaml');
        judge(text, 'world.json');
      }),
      { numRuns: 500 },
    );
  });

  it('gives a verdict for any YAML value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => judge(dump(value), 'world.yaml')),
      { numRuns: 300 },
    );
  });

  it('gives a verdict for the init text with a random edit, every problem placed in it', () => {
    const text = worldInitText();
    fc.assert(
      fc.property(
        fc.nat({ max: text.length - 1 }),
        fc.nat({ max: 20 }),
        fc.string({ maxLength: 12 }),
        (at, cut, insert) => {
          judge(text.slice(0, at) + insert + text.slice(at + cut), 'world.yaml');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('createApp({ world })', () => {
  it('takes a parsed document, and throws on a bad one naming each problem', () => {
    expect(() => createApp({ world: DEFAULT_WORLD })).not.toThrow();
    expect(() => createApp({ world: { accounts: [{ id: 'x' }] } as never })).toThrow(
      'accounts[0].id: must be a UUID such as 5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90',
    );
    expect(() => createApp({ world: DEFAULT_WORLD, accounts: [] })).toThrow(/give either world or accounts/);
  });

  it("takes a path: the file's world is served; a file that cannot be read is named", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ik-world-path-')), 'world.yaml');
    writeFileSync(file, 'accounts:\n  - id: 5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90\n    name: From A File\n');
    const res = await request(createApp({ world: file })).get('/__admin/accounts');
    expect(res.body.accounts.map((account: { name: string }) => account.name)).toEqual(['From A File']);
    expect(() => createApp({ world: 'no/such/world.yaml' })).toThrow(
      'no/such/world.yaml: cannot be read: no such file',
    );
  });
});
