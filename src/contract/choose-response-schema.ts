/**
 * Which schema a response body must satisfy. Usually the documented media type's schema; for
 * a response carrying `x-interactions-kit-schema-by-format` (the unified 200), the entry the
 * request's `truto_response_format` and `truto_key_by` pick from that table, read from the
 * spec rather than written here.
 */
import { escapePointerToken, type Diagnostic } from './diagnostics.js';
import { isNdjsonMediaType } from './media-type.js';
import type { MediaTypeObject, ResponseObject, SchemaObject } from './openapi-document.js';
import type { TrutoQuery } from './read-truto-query.js';

/**
 * The response extension that maps formats to schemas.
 *
 * @example
 * ```ts
 * document.paths['/unified/conversational-intelligence/interactions'].get.responses['200'][SCHEMA_BY_FORMAT];
 * // { unified: '#/components/schemas/InteractionList', ... }
 * ```
 */
export const SCHEMA_BY_FORMAT = 'x-interactions-kit-schema-by-format';
/**
 * The format answered as NDJSON, one record a line (the spec's `truto_response_format=stream`).
 *
 * @example
 * ```ts
 * const isStream = readTrutoQuery(url.search).truto_response_format === STREAM_FORMAT;
 * ```
 */
export const STREAM_FORMAT = 'stream';
/**
 * The format of a request that names none.
 *
 * @example
 * ```ts
 * const format = readTrutoQuery(url.search).truto_response_format || DEFAULT_FORMAT; // 'unified' when absent
 * ```
 */
export const DEFAULT_FORMAT = 'unified';

/** How to validate a body. */
export interface ResponseSchemaChoice {
  /** The schema (a `#/components/schemas/...` reference or an inline schema); none when undocumented. */
  schema: string | SchemaObject | undefined;
  /** Where the schema sits, for diagnostics: a reference or a place in the document. */
  schemaName: string | undefined;
  /**
   * `lines`: an NDJSON body, every line one record against `schema`; `envelope`: a JSON body
   * whose records are in `result`; `whole`: the body as one value.
   */
  records: 'lines' | 'envelope' | 'whole';
  /** The table key used (`unified+key_by`...) when the schema came from the format table. */
  formatKey?: string;
}

/**
 * The format table of a response, when it has one.
 *
 * @example
 * ```ts
 * schemaByFormat(unified200)?.raw; // '#/components/schemas/RawInteractionList'
 * schemaByFormat(gongUsers200); // undefined
 * ```
 */
export function schemaByFormat(response: ResponseObject): Record<string, string> | undefined {
  const table = response[SCHEMA_BY_FORMAT];
  return typeof table === 'object' && table !== null ? (table as Record<string, string>) : undefined;
}

/**
 * The schema a body must satisfy, or the diagnostic saying the request asked for a format the
 * response cannot have.
 *
 * @example
 * ```ts
 * chooseResponseSchema(unified200, 'application/json', media, readTrutoQuery('truto_key_by=id'), where);
 * // { schema: '#/components/schemas/InteractionKeyedList', records: 'envelope', formatKey: 'unified+key_by', ... }
 * ```
 */
export function chooseResponseSchema(
  response: ResponseObject,
  mediaType: string,
  media: MediaTypeObject,
  query: TrutoQuery,
  where: string,
): ResponseSchemaChoice | Diagnostic {
  const table = schemaByFormat(response);
  if (table === undefined) {
    return {
      schema: media.schema,
      schemaName: `${where}/content/${escapePointerToken(mediaType)}/schema`,
      records: 'whole',
    };
  }
  const format = query.truto_response_format === '' ? DEFAULT_FORMAT : query.truto_response_format;
  const keyed = `${format}+key_by`;
  // The format comes from the request: own entries only, so `toString` or `__proto__` is an
  // unknown format rather than a function or Object.prototype taken for a schema.
  // A format without a keyed entry (stream) answers the same with or without truto_key_by.
  const formatKey = query.truto_key_by !== undefined && Object.hasOwn(table, keyed) ? keyed : format;
  const schema = Object.hasOwn(table, formatKey) ? table[formatKey] : undefined;
  if (schema === undefined) {
    const known = [...new Set(Object.keys(table).map((key) => key.replace(/\+key_by$/, '')))];
    return {
      pointer: '/body',
      rule: 'response-format',
      message: `truto_response_format=${format} has no 200 schema in the contract (known: ${known.join(', ')})`,
      value: format,
    };
  }
  const ndjson = isNdjsonMediaType(mediaType);
  if (ndjson !== (format === STREAM_FORMAT)) {
    return {
      pointer: '/headers/content-type',
      rule: 'content-type',
      message: ndjson
        ? `truto_response_format=${format} answers JSON, not ${mediaType}`
        : `truto_response_format=${STREAM_FORMAT} answers NDJSON, not ${mediaType}`,
      value: mediaType,
    };
  }
  return { schema, schemaName: schema, records: ndjson ? 'lines' : 'envelope', formatKey };
}
