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
