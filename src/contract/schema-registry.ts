/**
 * One ajv (JSON Schema 2020-12, strict) per contract: every component schema registered once
 * under its `#/components/schemas/Name` reference, compiled the first time it is used and
 * cached, so validating the thousandth response costs only the validation itself.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ContractError } from './contract-error.js';
import { escapePointerToken, type Diagnostic } from './diagnostics.js';
import { resolveReference, type OpenApiDocument, type SchemaObject } from './openapi-document.js';

/** Keywords OpenAPI 3.1 adds to JSON Schema; ajv's strict mode would reject them otherwise. */
const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];
const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
/**
 * Derived validators (one per distinct `truto_exclude_fields` set, about 65 KB of compiled code
 * each) compiled by one ajv before it is replaced. ajv keeps every function it compiles, in its
 * shared code scope, for as long as it lives (`removeSchema` does not reach that scope), so a
 * cache in front of one long-lived ajv would bound nothing: the bound comes from dropping the
 * ajv that compiled them, cache and all.
 */
export const DERIVED_VALIDATORS_KEPT = 64;

/** Where a validation runs: the pointer its value sits at and the name of the schema used. */
export interface SchemaContext {
  /** JSON pointer of the validated value inside the response, e.g. `/body`. Default ''. */
  pointer?: string;
  /** Reported as each diagnostic's `schema`. */
  schema?: string;
}

export interface SchemaRegistry {
  /** The document the schemas come from. */
  readonly document: OpenApiDocument;
  /** The compiled validator of a schema reference (`#/components/schemas/X`) or schema object; compiled once. */
  validatorFor(schema: string | SchemaObject): ValidateFunction;
  /**
   * The validator cached under `key`, built from `derive()` the first time `key` is asked for.
   * At most {@link DERIVED_VALIDATORS_KEPT} are kept: after that many compilations the cache
   * starts afresh (a key asked for again is compiled again).
   */
  derivedValidator(key: string, derive: () => SchemaObject): ValidateFunction;
  /** Derived validators kept now; never more than {@link DERIVED_VALIDATORS_KEPT}. */
  readonly derivedValidatorCount: number;
  /** The schema object behind a reference (or the object itself), following `$ref`s. */
  resolveSchema(schema: string | SchemaObject): SchemaObject;
  /** Validates `value`; every failure as a {@link Diagnostic}. */
  validate(schema: string | SchemaObject | ValidateFunction, value: unknown, context?: SchemaContext): Diagnostic[];
}

/** Every `x-...` key anywhere in the document, so vendor extensions pass strict mode. */
function vendorExtensions(document: OpenApiDocument): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('x-') && KEYWORD_NAME.test(key)) found.add(key);
      visit(child);
    }
  };
  visit(document);
  return [...found];
}

/**
 * How a registry treats its document.
 *
 * @example
 * createSchemaRegistry(readOpenApiDocument(), { checkedDocument: true });
 */
export interface RegistryOptions {
  /**
   * The document is the package's own, whose schemas the project's tests check against the
   * meta-schema (and strict mode still refuses an unknown keyword): they are not checked again.
   * Default false: a user's document is checked.
   */
  checkedDocument?: boolean;
}

/**
 * A registry of the document's schemas.
 *
 * @example
 * ```ts
 * const registry = createSchemaRegistry(readOpenApiDocument());
 * registry.validate('#/components/schemas/Interaction', { id: 1 }, { pointer: '/body' });
 * // [{ pointer: '/body/id', rule: 'type', message: 'must be string', value: 1, ... }]
 * ```
 */
export function createSchemaRegistry(document: OpenApiDocument, options: RegistryOptions = {}): SchemaRegistry {
  const { checkedDocument = false } = options;
  const vocabulary = [...OPENAPI_KEYWORDS, ...vendorExtensions(document)];
  const newAjv = (): Ajv2020 => {
    const fresh = new Ajv2020({
      strict: true,
      allErrors: true,
      allowUnionTypes: true,
      // Checking schemas against the JSON Schema meta-schema first compiles the meta-schema
      // (about 75 ms of a cold start); a document checked before it shipped skips it.
      validateSchema: !checkedDocument,
    });
    addFormats.default(fresh);
    fresh.addVocabulary(vocabulary);
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      fresh.addSchema(schema as object, `#/components/schemas/${name}`);
    }
    return fresh;
  };
  const ajv = newAjv();

  const inline = new WeakMap<object, ValidateFunction>();
  // Requests choose how many derived schemas exist; see DERIVED_VALIDATORS_KEPT for the bound.
  let derivedAjv: Ajv2020 | undefined;
  let derived = new Map<string, ValidateFunction>();

  function validatorFor(schema: string | SchemaObject): ValidateFunction {
    if (typeof schema === 'string') {
      const validate = ajv.getSchema(schema);
      if (validate === undefined) throw new ContractError(`no schema ${JSON.stringify(schema)} in the contract`);
      return validate;
    }
    if (typeof schema === 'boolean') return ajv.compile(schema);
    let validate = inline.get(schema);
    if (validate === undefined) {
      validate = ajv.compile(schema);
      inline.set(schema, validate);
    }
    return validate;
  }

  function derivedValidator(key: string, derive: () => SchemaObject): ValidateFunction {
    let validate = derived.get(key);
    if (validate === undefined) {
      if (derivedAjv === undefined || derived.size >= DERIVED_VALIDATORS_KEPT) {
        derivedAjv = newAjv();
        derived = new Map();
      }
      validate = derivedAjv.compile(derive());
      derived.set(key, validate);
    }
    return validate;
  }

  function resolveSchema(schema: string | SchemaObject): SchemaObject {
    return resolveReference<SchemaObject>(document, typeof schema === 'string' ? { $ref: schema } : schema);
  }

  function validate(
    schema: string | SchemaObject | ValidateFunction,
    value: unknown,
    context: SchemaContext = {},
  ): Diagnostic[] {
    const check = typeof schema === 'function' ? schema : validatorFor(schema);
    if (check(value)) return [];
    return (check.errors ?? []).map((error) => toDiagnostic(error, value, context));
  }

  return {
    document,
    validatorFor,
    derivedValidator,
    resolveSchema,
    validate,
    get derivedValidatorCount() {
      return derived.size;
    },
  };
}

/** The value at an ajv instance path (already a JSON pointer) inside `root`. */
function valueAt(root: unknown, instancePath: string): unknown {
  if (instancePath === '') return root;
  let node: unknown = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    // Own properties only: a body's key (`toString`) must not read the prototype's.
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function toDiagnostic(error: ErrorObject, root: unknown, context: SchemaContext): Diagnostic {
  const base = `${context.pointer ?? ''}${error.instancePath}`;
  const value = valueAt(root, error.instancePath);
  const withSchema = <T extends Diagnostic>(diagnostic: T): T =>
    context.schema === undefined ? diagnostic : { ...diagnostic, schema: context.schema };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired': {
      const missing = String(params.missingProperty);
      const because =
        error.keyword === 'dependentRequired' ? ` (required when "${String(params.property)}" is present)` : '';
      return withSchema({
        pointer: `${base}/${escapePointerToken(missing)}`,
        rule: 'required',
        message: `required property "${missing}" is missing${because}`,
      });
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      return withSchema({
        pointer: `${base}/${escapePointerToken(name)}`,
        rule: 'additionalProperties',
        message: `property "${name}" is not allowed`,
        value: (value as Record<string, unknown>)[name],
      });
    }
    case 'false schema':
      return withSchema({ pointer: base, rule: 'not-allowed', message: 'no value is allowed here', value });
    case 'enum':
      return withSchema({
        pointer: base,
        rule: 'enum',
        message: `must be one of ${JSON.stringify(params.allowedValues)}`,
        value,
      });
    default:
      return withSchema({
        pointer: base,
        rule: error.keyword,
        message: error.message ?? `fails "${error.keyword}"`,
        value,
      });
  }
}
