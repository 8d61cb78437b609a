/**
 * A response against the contract, in a fixed order: find the operation, find the documented
 * status, check the documented headers, match the content type, choose the body's schema and
 * validate the body. Every violation comes back as data; nothing here throws for a bad response,
 * and a failure of the validator itself (a schema that does not compile) is reported as a
 * violation too: callers run this in `finish` listeners, where a throw ends the process.
 */
import { chooseResponseSchema } from './choose-response-schema.js';
import { escapePointerToken, type Diagnostic } from './diagnostics.js';
import type { FindOperation } from './find-operation.js';
import { documentedMediaType, mediaTypeEssence } from './media-type.js';
import { isReference, resolveReference, type ResponseObject } from './openapi-document.js';
import { readTrutoQuery, type QueryInput } from './read-truto-query.js';
import { normalizeHeaders, type HeadersInput } from './response-headers.js';
import type { SchemaRegistry } from './schema-registry.js';
import { bodyText, validateBody, type BodyInput } from './validate-body.js';
import { validateHeaders } from './validate-headers.js';

/**
 * A request and the response it got, as far as validation needs them.
 *
 * @example
 * ```ts
 * const exchange: ResponseExchange = {
 *   method: 'GET',
 *   path: '/unified/conversational-intelligence/interactions?truto_response_format=raw',
 *   status: 200,
 *   headers: { 'content-type': 'application/json; charset=utf-8' },
 *   body: '{"result":[],"next_cursor":null}',
 * };
 * ```
 */
export interface ResponseExchange {
  /** The request's method. Default `GET`. */
  method?: string;
  /** The request's path, or full URL; it may carry the query string. A base path in front is tolerated. */
  path: string;
  /** More of the request's query (besides any in `path`): raw, URLSearchParams, or parsed. */
  query?: QueryInput;
  /** The response's status code. */
  status: number;
  /** The response's headers, any casing. */
  headers?: HeadersInput;
  /** The response's body: text or bytes (parsed here), or a value already parsed from JSON. */
  body?: BodyInput;
}

/** Validates one exchange. */
export type ValidateResponse = (exchange: ResponseExchange) => Diagnostic[];

/** The documented response key of a status: exact, then `4XX`-style ranges, then `default`. */
function responseKey(responses: Record<string, unknown>, status: number): string | undefined {
  const exact = String(status);
  if (Object.hasOwn(responses, exact)) return exact;
  const range = Object.keys(responses).find((key) => key.toUpperCase() === `${exact[0]}XX`);
  return range ?? (Object.hasOwn(responses, 'default') ? 'default' : undefined);
}

function queryInPath(path: string): string | undefined {
  const start = path.indexOf('?');
  if (start === -1) return undefined;
  const end = path.indexOf('#', start);
  return path.slice(start + 1, end === -1 ? undefined : end);
}

/**
 * A response validator over a registry and an operation finder.
 *
 * @example
 * ```ts
 * const validate = createResponseValidator(registry, createOperationFinder(registry.document));
 * validate({ path: '/gong/62f44730-dd91-461e-bd6a-aedd9e0ad79d/v2/users', status: 418 });
 * // [{ pointer: '/status', rule: 'status-documented', message: 'status 418 is not documented for GET ...' }]
 * ```
 */
export function createResponseValidator(registry: SchemaRegistry, findOperation: FindOperation): ValidateResponse {
  const validateExchange = createExchangeValidator(registry, findOperation);
  return function validateResponse(exchange) {
    try {
      return validateExchange(exchange);
    } catch (error) {
      return [
        {
          pointer: '',
          rule: 'validator-error',
          message: `the response could not be validated: ${error instanceof Error ? error.message : String(error)}`,
        },
      ];
    }
  };
}

function createExchangeValidator(registry: SchemaRegistry, findOperation: FindOperation): ValidateResponse {
  const { document } = registry;
  return function validateExchange(exchange) {
    const method = exchange.method ?? 'GET';
    const found = findOperation(method, exchange.path);
    if ('rule' in found) return [found];
    const label = `${method.toUpperCase()} ${found.pathTemplate}`;

    const responses = found.operation.responses ?? {};
    const key = responseKey(responses, exchange.status);
    if (key === undefined) {
      return [
        {
          pointer: '/status',
          rule: 'status-documented',
          message: `status ${exchange.status} is not documented for ${label} (documented: ${Object.keys(responses).join(', ')})`,
          value: exchange.status,
        },
      ];
    }
    const responseOrRef = responses[key]!;
    const response = resolveReference<ResponseObject>(document, responseOrRef);
    const where = isReference(responseOrRef)
      ? responseOrRef.$ref
      : `#/paths/${escapePointerToken(found.pathTemplate)}/${found.method}/responses/${key}`;

    const headers = normalizeHeaders(exchange.headers);
    const diagnostics = validateHeaders(registry, response, headers, where);

    const content = response.content ?? {};
    const mediaTypes = Object.keys(content);
    const contentType = headers.get('content-type');
    if (mediaTypes.length === 0) {
      const text = bodyText(exchange.body);
      if (text !== undefined && text !== '') {
        diagnostics.push({
          pointer: '/body',
          rule: 'content-type',
          message: `${label} ${key} documents no body`,
          value: text.length > 200 ? `${text.slice(0, 199)}…` : text,
        });
      }
      return diagnostics;
    }
    let mediaType = documentedMediaType(content, contentType);
    if (contentType === undefined || mediaType === undefined) {
      diagnostics.push({
        pointer: '/headers/content-type',
        rule: 'content-type',
        message:
          contentType === undefined
            ? `the Content-Type header is missing (documented: ${mediaTypes.join(', ')})`
            : `${mediaTypeEssence(contentType)} is not documented for ${label} ${key} (documented: ${mediaTypes.join(', ')})`,
        ...(contentType === undefined ? {} : { value: contentType }),
      });
      // Without a Content-Type, a response documenting one media type is still worth checking.
      if (contentType !== undefined || mediaTypes.length !== 1) return diagnostics;
      mediaType = mediaTypes[0]!;
    }

    const essence = contentType === undefined ? mediaTypeEssence(mediaType) : mediaTypeEssence(contentType);
    const query = readTrutoQuery(queryInPath(exchange.path), exchange.query);
    // The schema is named where it lives: under the documented key (`application/*`, say), not the
    // response's own type.
    const choice = chooseResponseSchema(response, mediaType, content[mediaType]!, query, where);
    if ('rule' in choice) return [...diagnostics, choice];
    return [...diagnostics, ...validateBody(registry, choice, essence, exchange.body, query)];
  };
}
