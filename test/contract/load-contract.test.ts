import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

describe('loadContract: which documents are checked against the JSON Schema meta-schema', () => {
  // `minLength: -1` breaks the meta-schema but compiles: only the check can tell it.
  const broken = { type: 'string', minLength: -1 };
  const userDocument = { openapi: '3.1.0', paths: {}, components: { schemas: { S: broken } } };

  it('checks a user document, given parsed or as a file', () => {
    expect(() => loadContract(userDocument).validateValue('#/components/schemas/S', 'a')).toThrow(
      'schema is invalid: data/minLength must be >= 0',
    );
    const path = file('user.json', JSON.stringify(userDocument));
    expect(() => loadContract(path).validateValue('#/components/schemas/S', 'a')).toThrow(/minLength must be >= 0/);
    expect(() => loadContract(pathToFileURL(path)).validateValue('#/components/schemas/S', 'a')).toThrow(
      /minLength must be >= 0/,
    );
  });

  it('skips the check for the package’s own document (its schemas are checked before it ships)', () => {
    for (const own of [
      loadContract(),
      loadContract(DEFAULT_CONTRACT_URL),
      loadContract(new URL(DEFAULT_CONTRACT_URL.href)),
    ]) {
      expect(own.validateValue(broken, 'a')).toEqual([]);
    }
  });
});

describe('contract.validateValue', () => {
  const contract = loadContract();
  const INTERACTION = '#/components/schemas/Interaction';

  it('points at the value itself by default, and names an inline schema nowhere', () => {
    expect(contract.validateValue({ type: 'integer' }, 'x')).toEqual([
      { pointer: '', rule: 'type', message: 'must be integer', value: 'x' },
    ]);
    expect(contract.validateValue(INTERACTION, {})).toEqual([
      { pointer: '/id', rule: 'required', message: 'required property "id" is missing', schema: INTERACTION },
    ]);
  });

  it('keeps the pointer and the schema name with excluded fields too', () => {
    expect(
      contract.validateValue(INTERACTION, { id: 1, user: {} }, { pointer: '/r', excludeFields: ['user.id'] }),
    ).toEqual([{ pointer: '/r/id', rule: 'type', message: 'must be string', value: 1, schema: INTERACTION }]);
    expect(
      contract.validateValue(
        { type: 'object', required: ['a', 'b'], properties: { a: {}, b: {} } },
        {},
        { pointer: '/r', excludeFields: ['a'] },
      ),
    ).toEqual([{ pointer: '/r/b', rule: 'required', message: 'required property "b" is missing' }]);
  });

  it('derives one variant per schema and per set of excluded fields, never another one’s', () => {
    const value = { user: {} };
    expect(contract.validateValue(INTERACTION, value, { excludeFields: ['id'] }).map((d) => d.pointer)).toEqual([
      '/user/id',
    ]);
    expect(contract.validateValue(INTERACTION, value, { excludeFields: ['user.id'] }).map((d) => d.pointer)).toEqual([
      '/id',
    ]);
    expect(contract.validateValue(INTERACTION, value, { excludeFields: ['user.id', 'id'] })).toEqual([]);
    const props = { a: {}, b: {}, c: {}, d: {} };
    const twoFields = { type: 'object', required: ['a', 'b', 'c'], properties: props };
    const otherTwo = { type: 'object', required: ['a', 'b', 'd'], properties: props };
    expect(contract.validateValue(twoFields, {}, { excludeFields: ['a', 'b'] }).map((d) => d.pointer)).toEqual(['/c']);
    expect(contract.validateValue(otherTwo, {}, { excludeFields: ['a', 'b'] }).map((d) => d.pointer)).toEqual(['/d']);
  });

  it('tells two fields apart from one whose name is theirs run together', () => {
    const schema = { type: 'object', required: ['a', 'b', 'ab'], properties: { a: {}, b: {}, ab: {} } };
    expect(contract.validateValue(schema, {}, { excludeFields: ['a', 'b'] }).map((d) => d.pointer)).toEqual(['/ab']);
    expect(contract.validateValue(schema, {}, { excludeFields: ['ab'] }).map((d) => d.pointer)).toEqual(['/a', '/b']);
  });
});
