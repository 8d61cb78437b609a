/**
 * The contract's only contact with a file system, and what it says where there is none (a
 * browser or a worker: no `process.getBuiltinModule`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../src/contract/contract-error.js';
import { describeContractFile, parseContractYaml, readContractFile } from '../../src/contract/read-contract-file.js';
import { readOpenApiDocument } from '../../src/contract/read-openapi-document.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = join(dir, 'c.yaml');
writeFileSync(path, 'openapi: 3.1.0\npaths: {}\n');

const processWithModules = process as { getBuiltinModule?: unknown };
const getBuiltinModule = processWithModules.getBuiltinModule;
afterEach(() => {
  processWithModules.getBuiltinModule = getBuiltinModule;
});
/** As in a runtime without Node's modules. */
function withoutFileSystem(): void {
  processWithModules.getBuiltinModule = undefined;
}

describe('with a file system', () => {
  it('reads a path and a file: URL', () => {
    expect(readContractFile(path)).toBe('openapi: 3.1.0\npaths: {}\n');
    expect(readContractFile(pathToFileURL(path))).toBe('openapi: 3.1.0\npaths: {}\n');
  });

  it('describes a file: URL as its path, another URL and a path as they are', () => {
    expect(describeContractFile(pathToFileURL(path))).toBe(path);
    expect(describeContractFile(new URL('https://example.com/openapi.yaml'))).toBe('https://example.com/openapi.yaml');
    expect(describeContractFile('rel/openapi.yaml')).toBe('rel/openapi.yaml');
  });

  it('says which file it cannot read, and why', () => {
    const missing = join(dir, 'missing.yaml');
    expect(() => readContractFile(pathToFileURL(missing))).toThrow(
      new RegExp(`^\\[interactions-kit contract\\] cannot read the contract at ${missing}: ENOENT`),
    );
  });

  it('parses YAML', () => {
    expect(parseContractYaml('openapi: 3.1.0\nlist: [a, b]\n')).toEqual({ openapi: '3.1.0', list: ['a', 'b'] });
  });
});

describe('without a file system', () => {
  it('refuses to read a file, and says what to pass instead', () => {
    withoutFileSystem();
    expect(() => readContractFile(path)).toThrow(
      `[interactions-kit contract] cannot read the contract at ${path}: this runtime has no file system; pass the parsed OpenAPI document to loadContract instead`,
    );
    expect(() => readContractFile(pathToFileURL(path))).toThrow(ContractError);
  });

  it('describes a file: URL by its href', () => {
    withoutFileSystem();
    expect(describeContractFile(pathToFileURL(path))).toBe(pathToFileURL(path).href);
  });

  it('has no YAML to parse', () => {
    withoutFileSystem();
    expect(() => parseContractYaml('openapi: 3.1.0')).toThrow(
      '[interactions-kit contract] this runtime has no file system, so no YAML file to parse',
    );
  });

  it('still takes a parsed document', () => {
    withoutFileSystem();
    const document = { openapi: '3.1.0', paths: {} };
    expect(readOpenApiDocument(document)).toBe(document);
  });
});

describe('readOpenApiDocument refusals', () => {
  it.each([
    { name: 'null', given: null, want: 'the given document is not an OpenAPI document (no "openapi" field)' },
    { name: 'a number', given: 3, want: 'the given document is not an OpenAPI document (no "openapi" field)' },
    {
      name: 'a numeric openapi',
      given: { openapi: 3.1 },
      want: 'the given document is not an OpenAPI document (no "openapi" field)',
    },
    {
      name: 'OpenAPI 3.0',
      given: { openapi: '3.0.3' },
      want: 'the given document is OpenAPI 3.0.3; only 3.1 is supported',
    },
    {
      name: 'a version ending in 3.1',
      given: { openapi: '2.3.1' },
      want: 'the given document is OpenAPI 2.3.1; only 3.1 is supported',
    },
  ])('$name', ({ given, want }) => {
    expect(() => readOpenApiDocument(given as never)).toThrow(`[interactions-kit contract] ${want}`);
  });

  it('names the file, as a path, and keeps the YAML error as the cause', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'openapi: [3.1.0\n');
    let thrown: unknown;
    try {
      readOpenApiDocument(pathToFileURL(bad));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractError);
    expect((thrown as Error).name).toBe('ContractError');
    expect((thrown as Error).message).toMatch(
      new RegExp(`^\\[interactions-kit contract\\] the contract at ${bad} is not valid YAML: `),
    );
    expect((thrown as Error).cause).toBeInstanceOf(Error);
    const old = join(dir, 'old.yaml');
    writeFileSync(old, 'openapi: 3.0.0\n');
    expect(() => readOpenApiDocument(pathToFileURL(old))).toThrow(`${old} is OpenAPI 3.0.0; only 3.1 is supported`);
    expect(() => readOpenApiDocument(old)).toThrow(`${old} is OpenAPI 3.0.0; only 3.1 is supported`);
  });
});
