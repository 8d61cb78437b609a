/**
 * The fields a contract schema documents, as dotted paths in the shape of {@link shapeOf}
 * (`result[].user.id`), and the paths below which anything goes (`additionalProperties: true`,
 * a schema without properties), read through `$ref`, `allOf`, `anyOf` and `oneOf`.
 */
import { readReference, type OpenApiDocument } from '../../contract/openapi-document.js';

/**
 * What a schema documents.
 *
 * @example
 * const { fields, open } = documentedFields(document, '#/components/schemas/InteractionList');
 * fields.has('result[].user.id'); // true
 */
export interface DocumentedFields {
  /** Every documented path. */
  fields: Set<string>;
  /** Paths whose contents are free (anything below them is documented). */
  open: Set<string>;
}

/** Deep enough for the contract's nesting; a recursive schema stops here. */
const MAX_DEPTH = 16;

type Schema = Record<string, unknown>;

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function walk(document: OpenApiDocument, schema: unknown, path: string, found: DocumentedFields, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (schema === true || schema === undefined) {
    found.open.add(path);
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  let node = schema as Schema;
  if (typeof node.$ref === 'string') node = readReference(document, node.$ref) as Schema;
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const parts = node[keyword];
    if (Array.isArray(parts)) for (const part of parts) walk(document, part, path, found, depth + 1);
  }
  const properties = node.properties as Record<string, unknown> | undefined;
  if (properties !== undefined) {
    for (const [key, property] of Object.entries(properties)) {
      found.fields.add(join(path, key));
      walk(document, property, join(path, key), found, depth + 1);
    }
  }
  const additional = node.additionalProperties;
  if (additional === true || (typeof additional === 'object' && additional !== null && properties === undefined))
    found.open.add(path);
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('object') && properties === undefined && additional === undefined) found.open.add(path);
  // A schema that says nothing of its shape (`data: { description }`) lets any value through.
  const shaping = ['type', 'properties', 'items', 'allOf', 'anyOf', 'oneOf', 'enum', 'const', 'not'];
  if (!shaping.some((keyword) => keyword in node)) found.open.add(path);
  if (node.items !== undefined) {
    found.fields.add(`${path}[]`);
    walk(document, node.items, `${path}[]`, found, depth + 1);
  }
}

/**
 * The fields the schema at `ref` (or inline) documents.
 *
 * @example
 * documentedFields(contract.document, '#/components/schemas/Interaction').fields.has('metrics.patience'); // true
 */
export function documentedFields(document: OpenApiDocument, schema: unknown): DocumentedFields {
  const found: DocumentedFields = { fields: new Set(), open: new Set() };
  walk(document, typeof schema === 'string' ? { $ref: schema } : schema, '', found, 0);
  return found;
}

/**
 * Whether a path is documented: listed, or below a free path.
 *
 * @example
 * isDocumented(found, 'result[].remote_data.userId'); // true when remote_data is free
 */
export function isDocumented(found: DocumentedFields, path: string): boolean {
  if (path === '' || found.fields.has(path)) return true;
  for (const open of found.open) {
    if (open === '' || path.startsWith(`${open}.`) || path.startsWith(`${open}[]`)) return true;
  }
  return false;
}
