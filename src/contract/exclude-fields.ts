/**
 * `truto_exclude_fields` removes fields from every record, even fields the record schema
 * requires. These helpers derive a copy of a schema whose `required` lists no longer name the
 * excluded fields; the shared schema is never touched.
 */
import type { SchemaObject } from './openapi-document.js';

type SchemaMap = { [keyword: string]: unknown };
/** Follows a `$ref` to the schema it names. */
export type ResolveSchema = (ref: string) => SchemaObject;

function isSchemaMap(schema: unknown): schema is SchemaMap {
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema);
}

/** `['user.id', 'timezone']` as `{ here: ['timezone'], nested: { user: ['id'] } }`. */
function splitFields(fields: readonly string[]): { here: Set<string>; nested: Map<string, string[]> } {
  const here = new Set<string>();
  const nested = new Map<string, string[]>();
  for (const field of fields) {
    const dot = field.indexOf('.');
    if (dot === -1) {
      here.add(field);
      continue;
    }
    const head = field.slice(0, dot);
    nested.set(head, [...(nested.get(head) ?? []), field.slice(dot + 1)]);
  }
  return { here, nested };
}

/**
 * A copy of `schema` in which none of `fields` is required. Dotted names (`user.id`) reach into
 * nested object properties, through `$ref`s and `allOf`/`anyOf`/`oneOf` branches.
 *
 * @example
 * ```ts
 * withoutRequired({ type: 'object', required: ['id', 'user'] }, ['id'], resolve);
 * // { type: 'object', required: ['user'] }
 * ```
 */
export function withoutRequired(schema: SchemaObject, fields: readonly string[], resolve: ResolveSchema): SchemaObject {
  if (!isSchemaMap(schema) || fields.length === 0) return schema;
  const { $ref, ...rest } = schema;
  if (typeof $ref === 'string') {
    if (Object.keys(rest).length === 0) return withoutRequired(resolve($ref), fields, resolve);
    // A $ref with sibling keywords: the siblings stay, the target becomes one more allOf branch.
    const allOf = Array.isArray(rest.allOf) ? rest.allOf : [];
    return withoutRequired({ ...rest, allOf: [...allOf, { $ref }] }, fields, resolve);
  }
  const { here, nested } = splitFields(fields);
  const copy: SchemaMap = { ...rest };
  if (Array.isArray(copy.required)) copy.required = copy.required.filter((name) => !here.has(String(name)));
  if (isSchemaMap(copy.properties) && nested.size > 0) {
    const properties: SchemaMap = { ...copy.properties };
    for (const [name, inner] of nested) {
      // Names come from the request: `toString.x` must not find Object.prototype.toString.
      if (Object.hasOwn(properties, name))
        properties[name] = withoutRequired(properties[name] as SchemaObject, inner, resolve);
    }
    copy.properties = properties;
  }
  for (const branches of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = copy[branches];
    if (Array.isArray(list))
      copy[branches] = list.map((branch: SchemaObject) => withoutRequired(branch, fields, resolve));
  }
  return copy;
}

/**
 * A copy of a list schema (`{ result: [...] }` or `{ result: { key: ... } }`, the unified
 * envelope) whose records no longer require `fields`.
 *
 * @example
 * ```ts
 * withoutRequiredInRecords(resolve('#/components/schemas/InteractionList'), ['id'], resolve);
 * ```
 */
export function withoutRequiredInRecords(
  listSchema: SchemaObject,
  fields: readonly string[],
  resolve: ResolveSchema,
): SchemaObject {
  if (!isSchemaMap(listSchema)) return listSchema;
  if (typeof listSchema.$ref === 'string') return withoutRequiredInRecords(resolve(listSchema.$ref), fields, resolve);
  const properties = listSchema.properties;
  if (!isSchemaMap(properties) || properties.result === undefined) return listSchema;
  let result = properties.result as SchemaObject;
  if (isSchemaMap(result) && typeof result.$ref === 'string') result = resolve(result.$ref);
  if (!isSchemaMap(result)) return listSchema;
  const derived: SchemaMap = { ...result };
  if (result.items !== undefined) derived.items = withoutRequired(result.items as SchemaObject, fields, resolve);
  if (isSchemaMap(result.additionalProperties)) {
    derived.additionalProperties = withoutRequired(result.additionalProperties, fields, resolve);
  }
  return { ...listSchema, properties: { ...properties, result: derived } };
}
