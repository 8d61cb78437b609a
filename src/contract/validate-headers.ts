/**
 * The headers a response documents: required ones present, and every present one valid
 * against its schema once read from its text (`"2"` is the integer 2 for an integer header).
 */
import { escapePointerToken, type Diagnostic } from './diagnostics.js';
import {
  isReference,
  resolveReference,
  type HeaderObject,
  type ResponseObject,
  type SchemaObject,
} from './openapi-document.js';
import type { ResponseHeaders } from './response-headers.js';
import type { SchemaRegistry } from './schema-registry.js';

function schemaTypes(schema: SchemaObject): string[] {
  if (typeof schema !== 'object') return [];
  const { type } = schema;
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
}

/** A header's text as the value its schema describes (the `simple` style of OpenAPI). */
export function readHeaderValue(text: string, schema: SchemaObject): unknown {
  const types = schemaTypes(schema);
  const trimmed = text.trim();
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) {
    return Number(trimmed);
  }
  if (types.includes('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (types.includes('array')) return trimmed === '' ? [] : trimmed.split(',').map((item) => item.trim());
  return text;
}

/**
 * Diagnostics for the documented headers of `response`. Undocumented headers are allowed;
 * `Content-Type` is checked elsewhere (OpenAPI says to ignore its header definition).
 *
 * @example
 * ```ts
 * validateHeaders(registry, tooManyRequests, normalizeHeaders({}), '#/components/responses/TooManyRequests');
 * // [{ pointer: '/headers/retry-after', rule: 'header', message: 'required header Retry-After is missing' }]
 * ```
 */
export function validateHeaders(
  registry: SchemaRegistry,
  response: ResponseObject,
  headers: ResponseHeaders,
  where: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [name, headerOrRef] of Object.entries(response.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-type') continue;
    const header = resolveReference<HeaderObject>(registry.document, headerOrRef);
    const pointer = `/headers/${escapePointerToken(lower)}`;
    const text = headers.get(lower);
    if (text === undefined) {
      if (header.required === true) {
        diagnostics.push({ pointer, rule: 'header', message: `required header ${name} is missing` });
      }
      continue;
    }
    if (header.schema === undefined) continue;
    const schemaName = isReference(headerOrRef)
      ? `${headerOrRef.$ref}/schema`
      : `${where}/headers/${escapePointerToken(name)}/schema`;
    const value = readHeaderValue(text, registry.resolveSchema(header.schema));
    for (const problem of registry.validate(header.schema, value, { pointer, schema: schemaName })) {
      diagnostics.push({
        pointer,
        rule: 'header',
        message: `${name} ${problem.message} (${problem.rule})`,
        value: text,
        schema: schemaName,
      });
    }
  }
  return diagnostics;
}
