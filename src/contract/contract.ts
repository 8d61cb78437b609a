/**
 * The contract as one object: load `openapi.yaml` once, then validate as many responses as
 * needed. Each contract owns its ajv and its caches; there is no module-level state.
 */
import type { Diagnostic } from './diagnostics.js';
import { createOperationFinder, type FindOperation } from './find-operation.js';
import type { OpenApiDocument, SchemaObject, SchemaRef } from './openapi-document.js';
import { DEFAULT_CONTRACT_URL, readOpenApiDocument, type ContractSource } from './read-openapi-document.js';
import {
  exchangeFromFetch,
  exchangeFromSupertest,
  isFetchResponse,
  type FetchRequestInfo,
  type FetchResponseLike,
  type SupertestResponseLike,
} from './response-adapters.js';
import { createSchemaRegistry } from './schema-registry.js';
import { withoutRequired } from './exclude-fields.js';
import { createResponseValidator, type ResponseExchange } from './validate-response.js';

/**
 * Options of {@link Contract.validateValue}; all optional.
 *
 * @example
 * ```ts
 * contract.validateValue('#/components/schemas/Interaction', record, { pointer: '/body/result/0', excludeFields: ['user'] });
 * ```
 */
export interface ValidateValueOptions {
  /** JSON pointer the value sits at, prefixed to every diagnostic's pointer. Default ''. */
  pointer?: string;
  /** Fields the value may lack even when required (as `truto_exclude_fields` names them). Default none. */
  excludeFields?: readonly string[];
}

/**
 * The loaded contract: validators compiled once, violations returned as data.
 *
 * @example
 * ```ts
 * const contract: Contract = loadContract();
 * contract.findOperation('GET', '/gong/62f44730-dd91-461e-bd6a-aedd9e0ad79d/v2/users')?.pathTemplate;
 * // '/gong/{integrated_account_id}/v2/users'
 * ```
 */
export interface Contract {
  /** The parsed OpenAPI document (do not mutate it). */
  readonly document: OpenApiDocument;
  /** Finds the documented operation of a method and path (or full URL). */
  readonly findOperation: FindOperation;
  /**
   * Every way `exchange`'s response breaks the contract; `[]` when it honours it.
   *
   * @example
   * ```ts
   * contract.validateResponse({ method: 'GET', path: '/gong/x/v2/users', status: 200,
   *   headers: { 'content-type': 'application/json' }, body: '{}' });
   * // [{ pointer: '/body/requestId', rule: 'required', ... }, ...]
   * ```
   */
  validateResponse(exchange: ResponseExchange): Diagnostic[];
  /**
   * Validates a fetch `Response` (reads its body; pass `response.clone()` to keep it).
   *
   * @example
   * ```ts
   * const diagnostics = await contract.validate(await fetch(url, init), { method: 'GET' });
   * ```
   */
  validate(response: FetchResponseLike, request?: FetchRequestInfo): Promise<Diagnostic[]>;
  /**
   * Validates a supertest response.
   *
   * @example
   * ```ts
   * const diagnostics = contract.validate(await request(app).get(url).set(auth));
   * ```
   */
  validate(response: SupertestResponseLike, request?: FetchRequestInfo): Diagnostic[];
  /**
   * Validates any value against a component schema (by reference) or an inline schema.
   *
   * @example
   * ```ts
   * contract.validateValue('#/components/schemas/Interaction', { id: 'x' }); // []
   * ```
   */
  validateValue(
    schema: SchemaRef | (string & {}) | SchemaObject,
    value: unknown,
    options?: ValidateValueOptions,
  ): Diagnostic[];
}

/**
 * Loads a contract: the package's own `openapi.yaml` by default, or another file, or a
 * document already parsed. Schemas compile lazily, once each.
 *
 * @example
 * ```ts
 * const contract = loadContract();
 * const res = await request(app).get('/unified/conversational-intelligence/interactions?...').set(auth);
 * expect(describeViolations(contract.validate(res))).toBe('no contract violations');
 * ```
 */
export function loadContract(source?: ContractSource): Contract {
  const document = readOpenApiDocument(source);
  const own = source === undefined || (source instanceof URL && source.href === DEFAULT_CONTRACT_URL.href);
  const registry = createSchemaRegistry(document, { checkedDocument: own });
  const findOperation = createOperationFinder(document);
  const validateResponse = createResponseValidator(registry, findOperation);

  function validate(response: FetchResponseLike, request?: FetchRequestInfo): Promise<Diagnostic[]>;
  function validate(response: SupertestResponseLike, request?: FetchRequestInfo): Diagnostic[];
  function validate(
    response: FetchResponseLike | SupertestResponseLike,
    request?: FetchRequestInfo,
  ): Diagnostic[] | Promise<Diagnostic[]> {
    if (isFetchResponse(response)) return exchangeFromFetch(response, request).then(validateResponse);
    return validateResponse(exchangeFromSupertest(response, request));
  }

  function validateValue(
    schema: string | SchemaObject,
    value: unknown,
    options: ValidateValueOptions = {},
  ): Diagnostic[] {
    const { pointer = '', excludeFields = [] } = options;
    const name = typeof schema === 'string' ? schema : undefined;
    const context = name === undefined ? { pointer } : { pointer, schema: name };
    if (excludeFields.length === 0) return registry.validate(schema, value, context);
    const key = `value\u0000${name ?? JSON.stringify(schema)}\u0000${[...excludeFields].sort().join('\u0000')}`;
    const derived = registry.derivedValidator(key, () =>
      withoutRequired(typeof schema === 'string' ? { $ref: schema } : schema, excludeFields, (ref) =>
        registry.resolveSchema(ref),
      ),
    );
    return registry.validate(derived, value, context);
  }

  return { document, findOperation, validateResponse, validate, validateValue };
}
