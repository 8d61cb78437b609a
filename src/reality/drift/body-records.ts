/**
 * Which contract schema a recorded unified answer's body falls under, and the body as JSON
 * values: a JSON page whole, an NDJSON stream as its lines.
 */
import { schemaByFormat } from '../../contract/choose-response-schema.js';
import type { Contract } from '../../contract/contract.js';
import type { ResponseObject } from '../../contract/openapi-document.js';
import { readTrutoQuery } from '../../contract/read-truto-query.js';
import { UNIFIED_INTERACTIONS_PATH } from '../../unified/interactions-path.js';
import type { RecordedExchange } from '../../replay/recording.js';

/**
 * A recorded body placed under its schema.
 *
 * @example
 * const placed = placeBody(contract, exchange); placed?.format; // 'raw'
 */
export interface PlacedBody {
  /** `unified`, `raw`, ... (`stream` for NDJSON). */
  format: string;
  /** The schema reference the contract gives that format. */
  schema: string;
  /** The JSON values: one for a page, one per line for a stream. */
  values: unknown[];
}

/** Parses a JSON or NDJSON body; undefined when it is neither. */
export function bodyValues(text: string, ndjson: boolean): unknown[] | undefined {
  try {
    if (!ndjson) return [JSON.parse(text) as unknown];
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * The schema of a recorded 200 of the unified endpoint (without `truto_key_by`, whose keys are
 * values, and without `truto_exclude_fields`, which removes fields on purpose), or undefined.
 *
 * @example
 * placeBody(contract, exchange); // { format: 'unified', schema: '#/components/schemas/InteractionList', values: [...] }
 */
export function placeBody(contract: Contract, exchange: RecordedExchange): PlacedBody | undefined {
  const { request, response } = exchange.fixture;
  if (response.status !== 200 || request.path !== UNIFIED_INTERACTIONS_PATH) return undefined;
  const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const query = readTrutoQuery(search);
  if (query.truto_key_by !== undefined || query.truto_exclude_fields.length > 0) return undefined;
  const ok = contract.document.paths?.[UNIFIED_INTERACTIONS_PATH]?.get?.responses?.['200'];
  const table = ok === undefined ? undefined : schemaByFormat(ok as ResponseObject);
  const format = query.truto_response_format === '' ? 'unified' : query.truto_response_format;
  const schema = table !== undefined && Object.hasOwn(table, format) ? table[format] : undefined;
  if (schema === undefined) return undefined;
  const values = bodyValues(exchange.bodyText, format === 'stream');
  return values === undefined ? undefined : { format, schema, values };
}
