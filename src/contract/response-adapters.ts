/**
 * Turns the responses test code already holds into a {@link ResponseExchange}: a WHATWG fetch
 * `Response` (its body read as text) or a supertest response.
 */
import { ContractError } from './contract-error.js';
import type { QueryInput } from './read-truto-query.js';
import type { ResponseExchange } from './validate-response.js';

/**
 * The parts of a WHATWG fetch `Response` used here.
 *
 * @example
 * ```ts
 * const response: FetchResponseLike = await fetch(url, { headers });
 * ```
 */
export interface FetchResponseLike {
  status: number;
  /** The final URL; empty for a `Response` built by hand (pass `request.url` then). */
  url: string;
  headers: Headers;
  text(): Promise<string>;
}

/**
 * What a fetch `Response` cannot tell about its request; all optional.
 *
 * @example
 * ```ts
 * await contract.validate(new Response(body, init), { method: 'GET', url: '/unified/conversational-intelligence/interactions?limit=5' });
 * ```
 */
export interface FetchRequestInfo {
  /** The request's method. Default `GET`. */
  method?: string;
  /** The request's URL or path. Default: the response's `url`. */
  url?: string;
  /** More query parameters, when `url` does not carry them all. */
  query?: QueryInput;
}

/**
 * The parts of a supertest (superagent) response used here.
 *
 * @example
 * ```ts
 * const response: SupertestResponseLike = await request(app).get(url).set(auth);
 * ```
 */
export interface SupertestResponseLike {
  status: number;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  text?: string;
  body?: unknown;
  /** node's ClientRequest: `path` carries the query string. */
  req?: { method?: string; path?: string };
}

/** True for something shaped like a fetch `Response` (its body is read through `text()`). */
export function isFetchResponse(response: unknown): response is FetchResponseLike {
  return (
    typeof response === 'object' && response !== null && typeof (response as FetchResponseLike).text === 'function'
  );
}

/**
 * The exchange of a fetch `Response`. Reads the body, so pass `response.clone()` to keep it.
 *
 * @example
 * ```ts
 * const response = await fetch(`${base}/gong/${account}/v2/users`, { headers });
 * const exchange = await exchangeFromFetch(response); // GET, url from the response
 * ```
 */
export async function exchangeFromFetch(
  response: FetchResponseLike,
  request: FetchRequestInfo = {},
): Promise<ResponseExchange> {
  const path = request.url ?? response.url;
  if (path === '') {
    throw new ContractError('this Response has no url (built by hand?); pass { url } with the request it answers');
  }
  return {
    method: request.method ?? 'GET',
    path,
    ...(request.query === undefined ? {} : { query: request.query }),
    status: response.status,
    headers: response.headers,
    body: await response.text(),
  };
}

/**
 * The exchange of a supertest response; its request's method and path come along.
 *
 * @example
 * ```ts
 * const res = await request(app).get('/gong/62f44730-dd91-461e-bd6a-aedd9e0ad79d/v2/users').auth('key', 'secret');
 * const exchange = exchangeFromSupertest(res);
 * ```
 */
export function exchangeFromSupertest(
  response: SupertestResponseLike,
  request: FetchRequestInfo = {},
): ResponseExchange {
  const path = request.url ?? response.req?.path;
  if (path === undefined) {
    throw new ContractError('this response does not say which request it answers; pass { url, method }');
  }
  // superagent leaves `text` undefined for types it does not read as text (NDJSON among them).
  const body = typeof response.text === 'string' ? response.text : response.body;
  return {
    method: request.method ?? response.req?.method ?? 'GET',
    path,
    ...(request.query === undefined ? {} : { query: request.query }),
    status: response.status,
    headers: response.headers,
    body,
  };
}
