/**
 * The engine runs on every runtime, so it must not reach for Node or for a door. This walks the
 * engine's files and everything they import (parsed with TypeScript, so comments and strings
 * do not count) and names each file that breaks a rule.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The engine: these folders and files, and whatever they import. */
const ENGINE = [
  'src/engine.ts',
  'src/engine',
  'src/store',
  'src/scenarios.ts',
  'src/world',
  'src/gong',
  'src/unified',
  'src/mapping',
  'src/faults',
  'src/mock-context.ts',
  'src/signing.ts',
  'src/base64url.ts',
  'src/lru-cache.ts',
];

/** Where the engine may never reach: the doors and the tools around them. */
const DOORS = ['src/server/', 'src/cli/', 'src/fixtures/', 'src/msw/'];

/** Globals that exist only in Node. */
const NODE_GLOBALS = new Set([
  'Buffer',
  'process',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
]);

/** Colocated tests are not shipped (tsconfig.build.json leaves them out), so they are not the engine. */
const isTest = (file: string): boolean => file.endsWith('.test.ts');

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !isTest(name))
    .map((name) => join(path, name));
}

interface Finding {
  file: string;
  problem: string;
}

/** Every module specifier a file imports or re-exports, statically or with `import()`. */
function specifiersOf(source: ts.SourceFile): string[] {
  return ts.preProcessFile(source.text, true, true).importedFiles.map((file) => file.fileName);
}

/** Node-only globals a file reads (an identifier, or a property of `globalThis`). */
function nodeGlobalsOf(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && readsGlobal(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether an identifier names a global rather than a property, a key or a local declaration. */
function readsGlobal(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
    return ts.isIdentifier(parent.expression) && parent.expression.text === 'globalThis';
  }
  if (ts.isElementAccessExpression(parent)) return true;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent)) &&
    parent.name === node
  ) {
    return false;
  }
  if (ts.isPropertyDeclaration(parent) && parent.name === node) return false;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent))
    return parent.name !== node;
  if (ts.isQualifiedName(parent)) return parent.left === node;
  return true;
}

/**
 * The code of a file's doc-comment examples, as one source: users copy them into browsers and
 * workers too, so an example that reads `Buffer` teaches what the engine itself avoids.
 */
function examplesOf(source: ts.SourceFile): ts.SourceFile {
  const blocks = source.text.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
  const code = blocks.flatMap((block) =>
    block
      .split('\n')
      .map((line) => line.replace(/^\s*\/?\*+\/?\s?/, ''))
      .join('\n')
      .split('@example')
      .slice(1)
      .map((example) => example.split(/\n@\w/)[0]!.replace(/```\w*/g, '')),
  );
  return ts.createSourceFile(`${source.fileName} (examples)`, code.join('\n;\n'), ts.ScriptTarget.Latest, true);
}

/** Resolves a relative `.js` specifier to its `.ts` source under src. */
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(join(ROOT, from)), specifier).replace(/\.js$/, '.ts');
  const file = existsSync(target) ? target : join(target.replace(/\.ts$/, ''), 'index.ts');
  return relative(ROOT, file).split('\\').join('/');
}

function inspectEngine(): { files: string[]; findings: Finding[] } {
  const queue = ENGINE.flatMap(filesUnder).map((file) => file.split('\\').join('/'));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    for (const specifier of specifiersOf(source)) {
      if (specifier.startsWith('node:')) findings.push({ file, problem: `imports ${specifier}` });
      else if (specifier === 'express' || specifier.startsWith('express/'))
        findings.push({ file, problem: `imports ${specifier}` });
      const local = resolveLocal(file, specifier);
      if (local === undefined) continue;
      const door = DOORS.find((folder) => local.startsWith(folder));
      if (door !== undefined) findings.push({ file, problem: `imports ${local} (a door: ${door})` });
      else queue.push(local);
    }
    for (const name of nodeGlobalsOf(source)) findings.push({ file, problem: `reads the Node global ${name}` });
    const examples = examplesOf(source);
    for (const name of nodeGlobalsOf(examples))
      findings.push({ file, problem: `a doc example reads the Node global ${name}` });
    for (const specifier of specifiersOf(examples).filter((name) => name.startsWith('node:')))
      findings.push({ file, problem: `a doc example imports ${specifier}` });
  }
  return { files: [...seen].sort(), findings };
}

describe('the engine has no Node and no door in it', () => {
  const { files, findings } = inspectEngine();

  it('walks the engine and what it imports', () => {
    expect(files).toContain('src/gong/gong-api.ts');
    expect(files).toContain('src/unified/list-interactions.ts');
    expect(files).toContain('src/engine/answer.ts');
    expect(files).toContain('src/store/memory-store.ts');
    expect(files).toContain('src/schema-types.ts'); // reached through an import, not listed
    expect(files.length).toBeGreaterThanOrEqual(50);
  });

  it('imports no node:* module, no Express, nothing under server, cli or fixtures, and reads no Node global', () => {
    expect(findings.map(({ file, problem }) => `${file}: ${problem}`)).toEqual([]);
  });
});

describe('the guard itself', () => {
  const check = (text: string): string[] => {
    const source = ts.createSourceFile('probe.ts', text, ts.ScriptTarget.Latest, true);
    return [...specifiersOf(source), ...nodeGlobalsOf(source)];
  };

  it.each([
    ["import { createHmac } from 'node:crypto';", ['node:crypto']],
    ["export { x } from 'node:fs';", ['node:fs']],
    ["const fs = await import('node:fs');", ['node:fs']],
    ["import type { Request } from 'express';", ['express']],
    ['const bytes = Buffer.from(text);', ['Buffer']],
    ['const now = process.hrtime();', ['process']],
    ['const env = globalThis.process;', ['process']],
    ['const bytes: Buffer = x;', ['Buffer']],
  ])('sees %s', (text, want) => {
    expect(check(text)).toEqual(want);
  });

  it('reads doc-comment examples as code', () => {
    const text =
      "/**\n * Counts.\n *\n * @example\n * ```ts\n * count(Buffer.from('a'));\n * ```\n */\nexport const n = 1;";
    const examples = examplesOf(ts.createSourceFile('probe.ts', text, ts.ScriptTarget.Latest, true));
    expect(nodeGlobalsOf(examples)).toEqual(['Buffer']);
  });

  it.each([
    ['// Buffer.from(x) in a comment', []],
    ["const word = 'process';", []],
    ['const step = { process: 1 }; step.process;', []],
    ['interface Job { process(): void }', []],
  ])('ignores %s', (text, want) => {
    expect(check(text)).toEqual(want);
  });
});
