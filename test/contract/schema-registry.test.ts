import { describe, expect, it, vi } from 'vitest';
import { createSchemaRegistry } from '../../src/contract/schema-registry.js';
import { loadContract, ContractError, type OpenApiDocument } from '../../src/contract/index.js';
import { contract } from './spec-examples.js';

const document: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {},
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string', example: 'a', 'x-note': 'vendor extension' },
          when: { type: 'string', format: 'date-time' },
        },
        'x-owner': 'us',
      },
      Things: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
    },
  },
};

describe('createSchemaRegistry', () => {
  it('accepts OpenAPI example and x- extensions in strict mode', () => {
    const registry = createSchemaRegistry(document);
    expect(registry.validate('#/components/schemas/Things', [{ id: 'a' }])).toEqual([]);
  });

  it('resolves $refs between component schemas and points into the value', () => {
    const registry = createSchemaRegistry(document);
    expect(
      registry.validate('#/components/schemas/Things', [{ id: 'a' }, { id: 1, when: 'noon' }], { pointer: '/body' }),
    ).toEqual([
      { pointer: '/body/1/id', rule: 'type', message: 'must be string', value: 1 },
      { pointer: '/body/1/when', rule: 'format', message: 'must match format "date-time"', value: 'noon' },
    ]);
  });

  it('compiles each schema once and reuses it', () => {
    const registry = createSchemaRegistry(document);
    expect(registry.validatorFor('#/components/schemas/Thing')).toBe(
      registry.validatorFor('#/components/schemas/Thing'),
    );
    const inline = { type: 'integer' };
    expect(registry.validatorFor(inline)).toBe(registry.validatorFor(inline));
  });

  it('derives a variant once per key', () => {
    const registry = createSchemaRegistry(document);
    const derive = vi.fn(() => ({ type: 'string' }));
    const first = registry.derivedValidator('k', derive);
    expect(registry.derivedValidator('k', derive)).toBe(first);
    expect(derive).toHaveBeenCalledTimes(1);
  });

  it('throws a ContractError for a schema the contract does not have', () => {
    const registry = createSchemaRegistry(document);
    expect(() => registry.validate('#/components/schemas/Nope', 1)).toThrow(ContractError);
  });

  it('keeps two contracts apart (no shared state)', () => {
    const other = loadContract(document);
    expect(() => other.validateValue('#/components/schemas/Interaction', {})).toThrow(ContractError);
    expect(contract.validateValue('#/components/schemas/Interaction', { id: 'x' })).toEqual([]);
  });
});

describe('validateValue', () => {
  it('validates against a component schema by reference', () => {
    expect(contract.validateValue('#/components/schemas/Interaction', { user: {} }, { pointer: '/x' })).toEqual([
      {
        pointer: '/x/id',
        rule: 'required',
        message: 'required property "id" is missing',
        schema: '#/components/schemas/Interaction',
      },
      {
        pointer: '/x/user/id',
        rule: 'required',
        message: 'required property "id" is missing',
        schema: '#/components/schemas/Interaction',
      },
    ]);
  });

  it('lets excluded fields go missing', () => {
    expect(
      contract.validateValue('#/components/schemas/Interaction', { user: {} }, { excludeFields: ['id', 'user.id'] }),
    ).toEqual([]);
  });

  it('validates against an inline schema', () => {
    expect(contract.validateValue({ type: 'integer', minimum: 0 }, -1).map((d) => d.rule)).toEqual(['minimum']);
  });
});

describe('createSchemaRegistry, the ajv it builds', () => {
  const withSchemas = (schemas: Record<string, unknown>, extra: Record<string, unknown> = {}): OpenApiDocument =>
    ({ openapi: '3.1.0', paths: {}, components: { schemas }, ...extra }) as OpenApiDocument;

  it('accepts every keyword OpenAPI adds to JSON Schema, and union types', () => {
    const registry = createSchemaRegistry(
      withSchemas({
        Pet: {
          type: ['object', 'null'],
          example: {},
          discriminator: { propertyName: 'kind' },
          xml: { name: 'pet' },
          externalDocs: { url: 'https://example.com' },
        },
      }),
    );
    expect(registry.validate('#/components/schemas/Pet', null)).toEqual([]);
    expect(registry.validate('#/components/schemas/Pet', 1).map((d) => d.message)).toEqual(['must be object,null']);
  });

  it('takes a union of two non-null types', () => {
    const registry = createSchemaRegistry(withSchemas({ Id: { type: ['string', 'number'] } }));
    expect(registry.validate('#/components/schemas/Id', 7)).toEqual([]);
    expect(registry.validate('#/components/schemas/Id', true)).toEqual([
      { pointer: '', rule: 'type', message: 'must be string,number', value: true },
    ]);
  });

  it('checks a document against the meta-schema unless told it was checked before', () => {
    const broken = withSchemas({ S: { type: 'string', minLength: -1 } });
    expect(() => createSchemaRegistry(broken).validate('#/components/schemas/S', 'a')).toThrow(/minLength must be >= 0/);
    const trusted = createSchemaRegistry(broken, { checkedDocument: true });
    expect(trusted.validate('#/components/schemas/S', 'a')).toEqual([]);
  });

  it('names no schema on a diagnostic of an inline schema', () => {
    const [diagnostic] = createSchemaRegistry(document).validate({ type: 'integer' }, 'x');
    expect(diagnostic).toEqual({ pointer: '', rule: 'type', message: 'must be integer', value: 'x' });
    expect(diagnostic).not.toHaveProperty('schema');
  });

  it('refuses an unknown keyword (strict mode), vendor extensions aside', () => {
    expect(() =>
      createSchemaRegistry(withSchemas({ S: { type: 'string', colour: 'red' } })).validatorFor(
        '#/components/schemas/S',
      ),
    ).toThrow(/strict mode: unknown keyword: "colour"/);
    expect(() =>
      createSchemaRegistry(withSchemas({ S: { type: 'string', 'y-x': 1 } })).validatorFor('#/components/schemas/S'),
    ).toThrow(/unknown keyword: "y-x"/);
    expect(
      createSchemaRegistry(withSchemas({ S: { type: 'string', 'x-colour': 'red' } })).validate(
        '#/components/schemas/S',
        'a',
      ),
    ).toEqual([]);
  });

  it('loads a document with x- keys no keyword may be named, and with cycles outside the schemas', () => {
    const document = withSchemas(
      { S: { type: 'string' } },
      { info: { title: 't', version: '1', 'x-my key': 1, 'x-1': 2 } },
    );
    (document as unknown as { info: Record<string, unknown> }).info.self = document;
    expect(createSchemaRegistry(document).validate('#/components/schemas/S', 'a')).toEqual([]);
  });

  it('knows formats and reports every error, not the first', () => {
    const registry = createSchemaRegistry(withSchemas({}));
    const schema = {
      type: 'object',
      properties: { id: {}, at: { type: 'string', format: 'date-time' }, n: { type: 'integer' } },
      required: ['id'],
    };
    expect(registry.validate(schema, { at: 'noon', n: 'x' }).map((d) => `${d.rule} ${d.pointer}`)).toEqual([
      'required /id',
      'format /at',
      'type /n',
    ]);
  });

  it('takes boolean schemas', () => {
    const registry = createSchemaRegistry(withSchemas({}));
    expect(registry.validate(true, 1)).toEqual([]);
    expect(registry.validate(false, 1, { pointer: '/x' })).toEqual([
      { pointer: '/x', rule: 'not-allowed', message: 'no value is allowed here', value: 1 },
    ]);
  });

  it('resolves a reference and leaves an object as it is', () => {
    const registry = createSchemaRegistry(document);
    expect(registry.resolveSchema('#/components/schemas/Things')).toBe(document.components!.schemas!.Things);
    const inline = { type: 'string' };
    expect(registry.resolveSchema(inline)).toBe(inline);
    expect(registry.resolveSchema({ $ref: '#/components/schemas/Thing' })).toBe(document.components!.schemas!.Thing);
  });

  it('names the schema it cannot find', () => {
    expect(() => createSchemaRegistry(document).validatorFor('#/components/schemas/Nope')).toThrow(
      '[interactions-kit contract] no schema "#/components/schemas/Nope" in the contract',
    );
  });

  it('starts a document without components empty', () => {
    expect(() =>
      createSchemaRegistry({ openapi: '3.1.0' } as OpenApiDocument).validatorFor('#/components/schemas/A'),
    ).toThrow(ContractError);
  });
});

describe('createSchemaRegistry, diagnostics', () => {
  const registry = createSchemaRegistry({ openapi: '3.1.0', paths: {} } as OpenApiDocument);
  const run = (schema: Record<string, unknown>, value: unknown) =>
    registry.validate(schema, value, { pointer: '/b', schema: 'S' });

  it.each([
    {
      name: 'required, its name escaped',
      schema: { type: 'object', required: ['a/b~c'], properties: { 'a/b~c': {} } },
      value: {},
      want: { pointer: '/b/a~1b~0c', rule: 'required', message: 'required property "a/b~c" is missing', schema: 'S' },
    },
    {
      name: 'dependentRequired says why',
      schema: { type: 'object', properties: { a: {}, b: {} }, dependentRequired: { a: ['b'] } },
      value: { a: 1 },
      want: {
        pointer: '/b/b',
        rule: 'required',
        message: 'required property "b" is missing (required when "a" is present)',
        schema: 'S',
      },
    },
    {
      name: 'additionalProperties with the value',
      schema: { type: 'object', properties: {}, additionalProperties: false },
      value: { 'x/y': 5 },
      want: {
        pointer: '/b/x~1y',
        rule: 'additionalProperties',
        message: 'property "x/y" is not allowed',
        value: 5,
        schema: 'S',
      },
    },
    {
      name: 'enum lists what is allowed',
      schema: { enum: ['a', 1] },
      value: 'z',
      want: { pointer: '/b', rule: 'enum', message: 'must be one of ["a",1]', value: 'z', schema: 'S' },
    },
    {
      name: 'a value at an escaped path',
      schema: { type: 'object', properties: { 'p/q': { type: 'object', properties: { '~1': { type: 'string' } } } } },
      value: { 'p/q': { '~1': 3 } },
      want: { pointer: '/b/p~1q/~01', rule: 'type', message: 'must be string', value: 3, schema: 'S' },
    },
  ])('$name', ({ schema, value, want }) => {
    expect(run(schema, value)).toEqual([want]);
  });

  it('reads the offending value from own properties only', () => {
    const schema = { type: 'object', properties: { toString: { type: 'string' } } };
    const value = Object.create({ inherited: 1 });
    // ajv reads the inherited value; the diagnostic does not repeat it.
    expect(registry.validate({ type: 'object', properties: { inherited: { type: 'string' } } }, value)).toEqual([
      { pointer: '/inherited', rule: 'type', message: 'must be string', value: undefined },
    ]);
    expect(run(schema, { toString: 1 })).toEqual([
      { pointer: '/b/toString', rule: 'type', message: 'must be string', value: 1, schema: 'S' },
    ]);
  });
});
