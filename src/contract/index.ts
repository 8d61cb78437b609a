/**
 * The contract library: validate responses against openapi.yaml and get violations as data.
 *
 * @example
 * ```ts
 * import { loadContract, describeViolations } from 'interactions-kit';
 * const contract = loadContract();
 * const diagnostics = await contract.validate(await fetch(url, { headers }), { method: 'GET' });
 * if (diagnostics.length > 0) console.error(describeViolations(diagnostics));
 * ```
 */
export { loadContract, type Contract, type ValidateValueOptions } from './contract.js';
export { ContractError } from './contract-error.js';
export { describeViolations, escapePointerToken, type Diagnostic, type DescribeOptions } from './diagnostics.js';
export { readOpenApiDocument, DEFAULT_CONTRACT_URL, type ContractSource } from './read-openapi-document.js';
export { readTrutoQuery, type QueryInput, type TrutoQuery } from './read-truto-query.js';
export {
  exchangeFromFetch,
  exchangeFromSupertest,
  type FetchRequestInfo,
  type FetchResponseLike,
  type SupertestResponseLike,
} from './response-adapters.js';
export { SCHEMA_BY_FORMAT, STREAM_FORMAT, DEFAULT_FORMAT, schemaByFormat } from './choose-response-schema.js';
export type { ResponseExchange } from './validate-response.js';
export type { HeadersInput } from './response-headers.js';
export type { OpenApiDocument, SchemaObject, SchemaRef, SchemaName } from './openapi-document.js';
export type { OperationMatch } from './find-operation.js';
