/**
 * `GET /unified/conversational-intelligence/interactions` as a pure function of the raw query
 * string: check the query, find the account, fetch the page, and shape it. The Express route
 * only sends what this returns.
 */
import type { GongApi, GongCallOptions } from '../gong/gong-api.js';
import type { ScenarioName } from '../scenarios.js';
import type { MockContext } from '../mock-context.js';
import type { Interaction } from '../schema-types.js';
import type { WorldAccount } from '../world/world.js';
import { GONG_PAGE_SIZE } from '../gong/page-size.js';
import { formatPage } from './format-page.js';
import { fetchUnifiedPage, isErrorResult, type PageMapping } from './list-page.js';
import type { GongMappings } from './mapping-override.js';
import { fieldInsideList, KEY_BY_FIELDS, shapeRecords } from './shape-records.js';
import { invalidParameters, unifiedError, type UnifiedErrorResult } from './unified-error.js';
import { parseUnifiedQuery, type UnifiedQuery } from './unified-query.js';

/**
 * A JSON answer: a page in a JSON format, or an error.
 *
 * @example
 * ```ts
 * const answer = listInteractions(context, gong, { rawQuery, origin });
 * if (answer.kind === 'json') send(answer.status, answer.headers, JSON.stringify(answer.body));
 * ```
 */
export interface JsonAnswer {
  kind: 'json';
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** True when the same request will always get these same bytes (no fault was involved). */
  repeatable?: boolean;
}

/**
 * An NDJSON answer: the pages' records, produced one page at a time as they are read.
 *
 * @example
 * ```ts
 * if (answer.kind === 'stream') for (const page of answer.pages) for (const record of page) write(`${JSON.stringify(record)}\n`);
 * ```
 */
export interface StreamAnswer {
  kind: 'stream';
  status: 200;
  headers: Record<string, string>;
  pages: AsyncIterable<Interaction[]>;
}

/**
 * What the unified list endpoint answers: JSON (a page or an error) or an NDJSON stream.
 *
 * @example
 * ```ts
 * const answer: UnifiedAnswer = listInteractions(context, gong, { rawQuery: 'integrated_account_id=...', origin });
 * answer.kind; // 'json' or 'stream'
 * ```
 */
export type UnifiedAnswer = JsonAnswer | StreamAnswer;

function errorAnswer(error: UnifiedErrorResult): JsonAnswer {
  return { kind: 'json', status: error.status, headers: error.headers, body: error.body };
}

function checkKeyBy(query: UnifiedQuery): UnifiedErrorResult | undefined {
  if (query.keyBy === undefined || query.format === 'stream') return undefined;
  const allowed: readonly string[] = query.format === 'raw' ? KEY_BY_FIELDS.raw : KEY_BY_FIELDS.unified;
  if (allowed.includes(query.keyBy)) return undefined;
  return invalidParameters([
    `truto_key_by: ${JSON.stringify(query.keyBy)} is not a field every ${query.format} record has; use one of ${allowed.join(', ')}`,
  ]);
}

/** `truto_exclude_fields` naming something inside a list (`user.emails.length`) is a 400. */
function checkExcludeFields(query: UnifiedQuery): UnifiedErrorResult | undefined {
  const inside = fieldInsideList(query.excludeFields, query.format === 'raw' ? 'raw' : 'unified');
  if (inside === undefined) return undefined;
  return invalidParameters([
    `truto_exclude_fields: ${JSON.stringify(inside.field)} is not excludable: ${inside.list} is a list, and nothing inside a list can be excluded by name (exclude ${inside.list} itself)`,
  ]);
}

/**
 * A stream that cannot be finished: a later page failed. The status (200) is long gone, so
 * the response is broken off, which a client sees as an incomplete chunked body rather than a
 * quiet, short success. (A looping remote is not a failure: the stream ends after the records
 * read, as a JSON walk ends with `next_cursor: null`.)
 *
 * @example
 * ```ts
 * try { for (const page of answer.pages) write(page); } catch (error) { if (error instanceof StreamCutShortError) res.destroy(error); }
 * ```
 */
export class StreamCutShortError extends Error {
  override name = 'StreamCutShortError';
}

/**
 * Every page from `start` on, shaped for the stream; throws StreamCutShortError on failure.
 * A remote that hands back its own cursor already ends the walk (see `isLooping`); `seen`
 * also ends a longer loop (A, B, A, ...), which only a walk that remembers can see.
 */
async function* streamPages(
  context: MockContext,
  gong: GongApi,
  account: WorldAccount,
  query: UnifiedQuery,
  call: GongCallOptions,
  seen: Set<string>,
  mapping: PageMapping | undefined,
): AsyncGenerator<Interaction[]> {
  let cursor = query.nextCursor;
  while (cursor !== undefined) {
    const page = await fetchUnifiedPage(context, gong, account, { ...query, nextCursor: cursor }, call, mapping);
    if (isErrorResult(page)) throw new StreamCutShortError(`a later page failed: ${page.status} ${page.body.message}`);
    yield shapeRecords(page.records, query);
    cursor = page.nextCursor ?? undefined;
    if (cursor === undefined || seen.has(cursor)) return;
    seen.add(cursor);
  }
}

/**
 * One unified list request, as read from the wire.
 *
 * @example
 * ```ts
 * const input: ListInteractionsInput = { rawQuery: url.search.slice(1), origin: url.origin, scenario: 'looping' };
 * ```
 */
export interface ListInteractionsInput {
  /** The raw query string, without `?`. */
  rawQuery: string;
  /** The Gong base URL of an account is `${origin}/gong/${id}`: debug's `requestUrl` uses it. */
  origin: string;
  /** The scenario the request asked for (`Prefer: scenario=` or `__scenario`). */
  scenario?: ScenarioName | undefined;
}

/** The unified API's own faults: a blocked account, a token without scope, a timeout, a bug. */
function unifiedFault(account: WorldAccount, scenario: ScenarioName | undefined): UnifiedErrorResult | undefined {
  if (scenario === 'account-blocked' || account.behavior === 'account-blocked') {
    return unifiedError(503, `The integrated account ${account.id} is blocked; reconnect it before retrying`);
  }
  if (scenario === 'forbidden') {
    return unifiedError(403, 'The API token lacks the scope to read conversational-intelligence interactions');
  }
  if (scenario === 'remote-timeout') {
    return unifiedError(504, 'The remote API did not answer in time', {
      truto_is_remote_error: true,
      raw_response: null,
    });
  }
  if (scenario === 'internal-error') return unifiedError(500, 'An internal error occurred (scenario internal-error)');
  return undefined;
}

/**
 * Answers a unified list request; `mappings` are the overrides of the Gong mapping (default
 * none: the built-in mapping).
 *
 * @example
 * await listInteractions(context, gong, { rawQuery: 'integrated_account_id=...&start_time=...&end_time=...', origin: 'http://127.0.0.1:4010' });
 */
export async function listInteractions(
  context: MockContext,
  gong: GongApi,
  input: ListInteractionsInput,
  mappings?: GongMappings,
): Promise<UnifiedAnswer> {
  const parsed = parseUnifiedQuery(input.rawQuery);
  if ('error' in parsed) return errorAnswer(parsed.error);
  const { query } = parsed;
  const keyProblem = checkKeyBy(query) ?? checkExcludeFields(query);
  if (keyProblem !== undefined) return errorAnswer(keyProblem);
  const account = context.world.account(query.integratedAccountId);
  if (account === undefined) {
    return errorAnswer(unifiedError(404, `integrated_account_id: no integrated account ${query.integratedAccountId}`));
  }

  const fault = unifiedFault(account, input.scenario);
  if (fault !== undefined) return errorAnswer(fault);
  const call: GongCallOptions = { scenario: input.scenario };
  // A stream walks Gong's own pages: one Gong call per page, whatever `limit` says.
  const pageQuery = query.format === 'stream' ? { ...query, limit: GONG_PAGE_SIZE } : query;
  const mapper = mappings?.forAccount(account.id);
  const mapping = mapper === undefined ? undefined : { mapper, rawQuery: input.rawQuery };
  const first = await fetchUnifiedPage(context, gong, account, pageQuery, call, mapping);
  if (isErrorResult(first)) return errorAnswer(first);
  if (query.format === 'stream') {
    const seen = new Set([pageQuery.nextCursor, first.nextCursor].filter((c): c is string => typeof c === 'string'));
    const rest =
      first.nextCursor === null || first.nextCursor === pageQuery.nextCursor
        ? []
        : streamPages(context, gong, account, { ...pageQuery, nextCursor: first.nextCursor }, call, seen, mapping);
    return {
      kind: 'stream',
      status: 200,
      headers: { 'content-type': 'application/x-ndjson; charset=utf-8' },
      pages: (async function* () {
        yield shapeRecords(first.records, query);
        yield* rest;
      })(),
    };
  }
  const body = formatPage(first, query, `${input.origin}/gong/${account.id}`);
  // Decided from the faults actually met: the Gong call says whether one was involved.
  const repeatable = input.scenario === undefined && first.repeatable;
  return {
    kind: 'json',
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body,
    repeatable,
  };
}
