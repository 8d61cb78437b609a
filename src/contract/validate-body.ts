/**
 * A response body against the schema chosen for it: JSON parsed and validated whole, NDJSON
 * line by line, and records checked against the request's `truto_*` behaviour. Excluded
 * fields get their own derived, cached variant of the schema.
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { checkRecords, envelopeRecords, type LocatedRecord } from './check-records.js';
import type { ResponseSchemaChoice } from './choose-response-schema.js';
import type { Diagnostic } from './diagnostics.js';
import { withoutRequired, withoutRequiredInRecords } from './exclude-fields.js';
import { isJsonMediaType } from './media-type.js';
import type { SchemaObject } from './openapi-document.js';
import type { TrutoQuery } from './read-truto-query.js';
import type { SchemaRegistry } from './schema-registry.js';

/** A body as given: text (or bytes) to parse, or a value already parsed from JSON. */
export type BodyInput = unknown;

const MAX_VALUE_TEXT = 200;

/** The text of a body given as a string or bytes; `undefined` for a parsed value. */
export function bodyText(body: BodyInput): string | undefined {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  return undefined;
}

function asRef(schema: string | SchemaObject): SchemaObject {
  return typeof schema === 'string' ? { $ref: schema } : schema;
}

/** The validator for the chosen schema, or its variant that lets excluded fields go missing. */
function validatorFor(registry: SchemaRegistry, choice: ResponseSchemaChoice, query: TrutoQuery): ValidateFunction {
  const schema = choice.schema as string | SchemaObject;
  const fields = query.truto_exclude_fields;
  if (fields.length === 0 || choice.records === 'whole') return registry.validatorFor(schema);
  const key = `${choice.schemaName}\u0000${choice.records}\u0000${[...fields].sort().join('\u0000')}`;
  const resolve = (ref: string) => registry.resolveSchema(ref);
  return registry.derivedValidator(key, () =>
    choice.records === 'lines'
      ? withoutRequired(asRef(schema), fields, resolve)
      : withoutRequiredInRecords(asRef(schema), fields, resolve),
  );
}

function cut(text: string): string {
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

function validateLines(
  registry: SchemaRegistry,
  choice: ResponseSchemaChoice,
  query: TrutoQuery,
  body: BodyInput,
): Diagnostic[] {
  const validate = validatorFor(registry, choice, query);
  const diagnostics: Diagnostic[] = [];
  const records: LocatedRecord[] = [];
  const text = bodyText(body);
  // A caller may hand over the lines already parsed.
  const lines: Array<{ record: unknown } | { line: string }> =
    text === undefined
      ? (Array.isArray(body) ? body : [body]).map((record) => ({ record }))
      : text.split('\n').map((line) => ({ line }));
  lines.forEach((entry, i) => {
    const pointer = `/body/${i}`;
    let record: unknown;
    if ('line' in entry) {
      if (entry.line.trim() === '') return;
      try {
        record = JSON.parse(entry.line);
      } catch (error) {
        diagnostics.push({
          pointer,
          rule: 'ndjson-line',
          message: `line ${i + 1} is not JSON: ${(error as Error).message}`,
          value: cut(entry.line),
        });
        return;
      }
    } else {
      record = entry.record;
    }
    diagnostics.push(...registry.validate(validate, record, { pointer, schema: choice.schemaName }));
    records.push({ pointer, record });
  });
  return [...diagnostics, ...checkRecords(records, query)];
}

/**
 * Diagnostics for `body` against `choice` (see `chooseResponseSchema`).
 *
 * @example
 * ```ts
 * validateBody(registry, { schema: '#/components/schemas/Error', schemaName: '#/components/schemas/Error', records: 'whole' },
 *   'application/json', '{"statusCode":400}', readTrutoQuery(''));
 * // [{ pointer: '/body/error', rule: 'required', ... }, { pointer: '/body/message', rule: 'required', ... }]
 * ```
 */
export function validateBody(
  registry: SchemaRegistry,
  choice: ResponseSchemaChoice,
  mediaType: string,
  body: BodyInput,
  query: TrutoQuery,
): Diagnostic[] {
  if (choice.schema === undefined) return [];
  if (choice.records === 'lines') return validateLines(registry, choice, query, body);
  let value: unknown = body;
  const text = bodyText(body);
  if (text !== undefined) {
    if (!isJsonMediaType(mediaType)) {
      return registry.validate(choice.schema, text, { pointer: '/body', schema: choice.schemaName });
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message =
        text.trim() === '' ? 'the body is empty, not JSON' : `the body is not JSON: ${(error as Error).message}`;
      return [{ pointer: '/body', rule: 'json-parse', message, value: cut(text) }];
    }
  }
  const validate = validatorFor(registry, choice, query);
  const diagnostics = registry.validate(validate, value, { pointer: '/body', schema: choice.schemaName });
  if (choice.records === 'envelope') diagnostics.push(...checkRecords(envelopeRecords(value), query));
  return diagnostics;
}
