import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractError, DEFAULT_CONTRACT_URL, loadContract, readOpenApiDocument } from '../../src/contract/index.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadContract', () => {
  it('loads the package openapi.yaml by default, relative to the module', () => {
    expect(DEFAULT_CONTRACT_URL.pathname.endsWith('/openapi.yaml')).toBe(true);
    expect(loadContract().document.info).toMatchObject({ title: 'interactions-kit contract' });
  });

  it('keeps YAML aliases as values (the spec shares examples through anchors)', () => {
    const document = readOpenApiDocument() as any;
    const examples =
      document.paths['/unified/conversational-intelligence/interactions'].get.responses['200'].content[
        'application/json'
      ].examples;
    expect(examples.keyed.value.result['234599484848423_2026-10-01_2026-11-01']).toEqual(
      examples.unified.value.result[0],
    );
  });

  it('loads an explicit path, YAML or JSON, and an already-parsed document', () => {
    const document = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };
    expect(loadContract(file('a.json', JSON.stringify(document))).document).toEqual(document);
    expect(
      loadContract(file('a.yaml', 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n')).document,
    ).toEqual(document);
    expect(loadContract(document).document).toBe(document);
  });

  it.each([
    { name: 'a missing file', source: () => join(dir, 'missing.yaml'), want: /cannot read the contract/ },
    { name: 'broken YAML', source: () => file('bad.yaml', 'openapi: [3.1.0\n'), want: /not valid YAML/ },
    { name: 'not OpenAPI', source: () => file('other.yaml', 'hello: world\n'), want: /not an OpenAPI document/ },
    {
      name: 'OpenAPI 3.0',
      source: () => file('old.yaml', 'openapi: 3.0.3\npaths: {}\n'),
      want: /only 3\.1 is supported/,
    },
  ])('throws a ContractError for $name', ({ source, want }) => {
    const load = () => loadContract(source());
    expect(load).toThrow(ContractError);
    expect(load).toThrow(want);
  });
});
