/**
 * Every export of the package's entry points carries a doc comment with an example, and the
 * interfaces the doors build on document each member. Read with TypeScript's checker, so a
 * re-export is followed to the declaration it names.
 */
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The package's entry points (package.json exports) and the contract and conformance indexes. */
const ENTRIES = [
  'src/index.ts',
  'src/engine.ts',
  'src/contract/index.ts',
  'src/contract/vitest.ts',
  'src/contract/jest.ts',
  'src/conformance/index.ts',
];

/** The interfaces the doors build on: each member says what it is. */
const DOOR_INTERFACES = ['GongApi', 'World', 'WorldAccount', 'MockContext', 'Signer', 'Contract'];

/** The engine's folders and files: every export there has a doc comment too. */
const ENGINE_FILES = ['src/world', 'src/gong', 'src/unified', 'src/faults']
  .flatMap((folder) =>
    readdirSync(join(ROOT, folder))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => `${folder}/${name}`),
  )
  .concat(['src/mock-context.ts', 'src/signing.ts', 'src/base64url.ts', 'src/lru-cache.ts']);

const program = ts.createProgram(
  [...ENTRIES, ...ENGINE_FILES].map((file) => join(ROOT, file)),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
  },
);
const checker = program.getTypeChecker();

function declared(symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function where(symbol: ts.Symbol): string {
  const declaration = symbol.declarations?.[0];
  return declaration === undefined ? '?' : relative(ROOT, declaration.getSourceFile().fileName).split('\\').join('/');
}

function hasExample(symbol: ts.Symbol): boolean {
  return symbol.getJsDocTags(checker).some((tag) => tag.name === 'example');
}

function hasDoc(symbol: ts.Symbol): boolean {
  return symbol.getDocumentationComment(checker).length > 0;
}

const exported = new Map<string, ts.Symbol>();
for (const entry of ENTRIES) {
  const source = program.getSourceFile(join(ROOT, entry))!;
  for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
    exported.set(symbol.name, declared(symbol));
  }
}

describe('doc comments', () => {
  it('every public export has a doc comment with an example', () => {
    const missing = [...exported]
      .filter(([, symbol]) => !(hasDoc(symbol) && hasExample(symbol)))
      .map(([name, symbol]) => `${name} (${where(symbol)}): ${hasDoc(symbol) ? 'no @example' : 'no doc comment'}`)
      .sort();
    expect(missing).toEqual([]);
  });

  it.each(DOOR_INTERFACES)('%s documents every member', (name) => {
    const symbol = exported.get(name);
    expect(symbol, `${name} is exported`).toBeDefined();
    const type = checker.getDeclaredTypeOfSymbol(symbol!);
    const undocumented = checker
      .getPropertiesOfType(type)
      .filter((member) => !hasDoc(member))
      .map((member) => member.name);
    expect(undocumented).toEqual([]);
  });

  it('every export of the engine folders has a doc comment', () => {
    const undocumented = ENGINE_FILES.flatMap((file) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, file))!);
      return module === undefined
        ? []
        : checker
            .getExportsOfModule(module)
            .map(declared)
            .filter((symbol) => where(symbol) === file && !hasDoc(symbol))
            .map((symbol) => `${file}: ${symbol.name}`);
    });
    expect(undocumented).toEqual([]);
  });
});
