/**
 * Every subpath the package exports resolves, by the package's own name, to a built file (the
 * global setup builds dist/), and the portable entry is the engine, with no door in it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { name, exports } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
};

/** What `import(specifier)` gives, listed in a fresh Node process inside the package (self-reference). */
function exportedNames(specifier: string): string[] {
  const script = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

describe('package exports', () => {
  it.each(Object.entries(exports).filter(([, target]) => typeof target !== 'string'))(
    '%s points at built files',
    (_subpath, target) => {
      for (const file of Object.values(target as Record<string, string>))
        expect(existsSync(join(ROOT, file))).toBe(true);
    },
  );

  it('"./engine" is the portable engine: createEngine, its request and answer, the world, the store and the portable signer, and no door', () => {
    expect(exports['./engine']).toEqual({ types: './dist/engine.d.ts', default: './dist/engine.js' });
    const names = exportedNames(`${name}/engine`);
    expect(names).toEqual(
      expect.arrayContaining(['createEngine', 'createWorld', 'createMemoryStore', 'portableSigner']),
    );
    expect(names).not.toContain('createApp');
    expect(names).not.toContain('requestListener');
  });

  it('"./msw" is the MSW door: createHandlers, and no Node door', () => {
    expect(exports['./msw']).toEqual({ types: './dist/msw.d.ts', default: './dist/msw.js' });
    const names = exportedNames(`${name}/msw`);
    expect(names).toEqual(expect.arrayContaining(['createHandlers', 'TRUTO_BASE_URL', 'AppOptionsError']));
    expect(names).not.toContain('createApp');
    expect(names).not.toContain('createRequestListener');
  });

  it('"./msw" loads as one file, importing only packages: a test file pays its cold start on every run', () => {
    const source = readFileSync(join(ROOT, 'dist/msw.js'), 'utf8');
    const specifiers = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => specifier!.startsWith('.'))).toEqual([]);
    expect(source).toContain('function createHandlers(');
  });

  it('"./msw" imports of msw only its HTTP core: msw\'s index loads GraphQL\'s parser, most of a cold start', () => {
    const source = readFileSync(join(ROOT, 'dist/msw.js'), 'utf8');
    const specifiers = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]!);
    expect(specifiers.filter((specifier) => specifier === 'msw' || specifier.startsWith('msw/'))).toEqual(['msw/core/http']);
  });

  it('"./contract" loads as one file with ajv inside: only the module declaring ContractError stays apart', () => {
    const source = readFileSync(join(ROOT, 'dist/contract/index.js'), 'utf8');
    const specifiers = new Set([...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]));
    expect([...specifiers]).toEqual(['./contract-error.js']);
    expect(source).toContain('function loadContract(');
  });

  it('"./contract", the package root and the matchers share one ContractError class', () => {
    const script = `
      const contract = await import('${name}/contract');
      const root = await import('${name}');
      let thrown;
      try { root.createContractMatcher({}).call({}, 42); } catch (error) { thrown = error; }
      console.log(JSON.stringify([contract.ContractError === root.ContractError, thrown instanceof contract.ContractError]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([true, true]);
  });

  it('msw is an optional peer dependency, installed for development', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(pkg.peerDependencies?.msw).toBe('^2.0.0');
    expect(pkg.peerDependenciesMeta?.msw).toEqual({ optional: true });
    expect(pkg.devDependencies?.msw).toBeDefined();
    expect(pkg.dependencies?.msw).toBeUndefined();
  });

  it('the main entry still offers the Node doors', () => {
    expect(exportedNames(name)).toEqual(expect.arrayContaining(['createApp', 'requestListener', 'loadContract']));
  });
});
