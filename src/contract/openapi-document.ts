/**
 * The parts of an OpenAPI 3.1 document the contract library reads, and how it follows the
 * document's local `$ref`s. Only what validation needs is typed; everything else passes through.
 */
import type { components } from '../generated/openapi.js';
import { ContractError } from './contract-error.js';

/**
 * A JSON Schema 2020-12 schema as OpenAPI 3.1 writes it (booleans are schemas too).
 *
 * @example
 * ```ts
 * const schema: SchemaObject = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
 * ```
 */
export type SchemaObject = { [keyword: string]: unknown } | boolean;

/**
 * The name of a schema in this project's contract, from the generated types.
 *
 * @example
 * ```ts
 * const name: SchemaName = 'Interaction';
 * ```
 */
export type SchemaName = keyof components['schemas'];

/**
 * A reference to one of the contract's component schemas, e.g. `#/components/schemas/Interaction`.
 *
 * @example
 * ```ts
 * const ref: SchemaRef = '#/components/schemas/Interaction';
 * contract.validateValue(ref, record);
 * ```
 */
export type SchemaRef = `#/components/schemas/${SchemaName}`;

export interface ReferenceObject {
  $ref: string;
}

export interface ExampleObject {
  summary?: string;
  value?: unknown;
}

export interface MediaTypeObject {
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, ExampleObject | ReferenceObject>;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, ExampleObject | ReferenceObject>;
}

export interface ParameterObject extends HeaderObject {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  headers?: Record<string, HeaderObject | ReferenceObject>;
  content?: Record<string, MediaTypeObject>;
  [extension: `x-${string}`]: unknown;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  parameters?: Array<ParameterObject | ReferenceObject>;
  requestBody?: RequestBodyObject | ReferenceObject;
  responses?: Record<string, ResponseObject | ReferenceObject>;
}

/** The HTTP methods a path item may hold, as OpenAPI spells them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = { parameters?: Array<ParameterObject | ReferenceObject> } & {
  [method in HttpMethod]?: OperationObject;
};

/**
 * An OpenAPI 3.1 document, as the contract reads it (only what validation needs is typed).
 *
 * @example
 * ```ts
 * const document: OpenApiDocument = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };
 * loadContract(document);
 * ```
 */
export interface OpenApiDocument {
  /** The OpenAPI version: only `3.1.x` is read. */
  openapi: string;
  paths?: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, SchemaObject>;
    responses?: Record<string, ResponseObject | ReferenceObject>;
    headers?: Record<string, HeaderObject | ReferenceObject>;
    parameters?: Record<string, ParameterObject | ReferenceObject>;
    requestBodies?: Record<string, RequestBodyObject | ReferenceObject>;
    examples?: Record<string, ExampleObject | ReferenceObject>;
    [section: string]: unknown;
  };
  [field: string]: unknown;
}

/** True for `{ $ref: '...' }`. */
export function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as ReferenceObject).$ref === 'string';
}

/** The value at a local reference such as `#/components/responses/BadRequest`. */
export function readReference(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#')) throw new ContractError(`only local references are supported, got ${JSON.stringify(ref)}`);
  const tokens = ref.slice(1).split('/').slice(1);
  let node: unknown = document;
  for (const raw of tokens) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) {
      throw new ContractError(`the reference ${JSON.stringify(ref)} points at nothing in the contract`);
    }
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/**
 * Follows `$ref`s (a reference to a reference too) until it reaches the object itself.
 *
 * @example
 * ```ts
 * const response = resolveReference<ResponseObject>(document, { $ref: '#/components/responses/BadRequest' });
 * ```
 */
export function resolveReference<T>(document: OpenApiDocument, value: T | ReferenceObject): T {
  let node: unknown = value;
  for (let hops = 0; isReference(node); hops++) {
    if (hops > 32) throw new ContractError(`the reference ${JSON.stringify(node.$ref)} loops`);
    node = readReference(document, node.$ref);
  }
  return node as T;
}
