/**
 * A unified page in the requested `truto_response_format` (all but `stream`, which the route
 * writes page by page): `unified`, `normalized`, `raw` and `debug`.
 */
import { GONG_PATHS } from '../gong/gong-api.js';
import { REDACTED, redactHeaders, redactJson, redactUrl } from '../redact.js';
import type { DebugInfo } from '../schema-types.js';
import { isLooping, type UnifiedPage } from './list-page.js';
import { normalizeInteraction } from './normalize-interaction.js';
import { keyRecords, shapeRecords } from './shape-records.js';
import type { UnifiedQuery } from './unified-query.js';

/** The debug envelope's description of the Gong call behind a page. */
export function debugInfo(
  page: UnifiedPage,
  gongBaseUrl: string,
  givenGongCursor: string | undefined,
  resultCount: number,
): DebugInfo {
  const { body, result } = page.gongCall;
  const nextCursor = result.ok ? (result.body.records.cursor ?? null) : null;
  return {
    // Credentials never reach the envelope, which users paste into tickets and logs: the
    // Authorization the Gong call needs is shown redacted, and whatever a client put in
    // remote_query under a secret name is hidden (Gong ignores such fields, so the body stays
    // replayable).
    requestUrl: redactUrl(`${gongBaseUrl}${GONG_PATHS.interactionStats}`),
    requestOptions: {
      method: 'POST',
      headers: { authorization: REDACTED, 'content-type': 'application/json' },
      body: redactJson(body),
    },
    data: result.body,
    responseHeaders: redactHeaders(result.headers),
    nextCursor,
    isLooping: isLooping(nextCursor ?? undefined, givenGongCursor),
    isEmptyResult: resultCount === 0,
    resultCount,
  };
}

/** The JSON body of a page in a non-stream format. */
export function formatPage(page: UnifiedPage, query: UnifiedQuery, gongBaseUrl: string): Record<string, unknown> {
  const shape = { excludeFields: query.excludeFields, ignoreRemoteData: query.ignoreRemoteData };
  const original: object[] =
    query.format === 'raw'
      ? page.people
      : query.format === 'normalized'
        ? page.records.map(normalizeInteraction)
        : page.records;
  const shaped = shapeRecords(original, shape);
  const result = query.keyBy === undefined ? shaped : keyRecords(original, shaped, query.keyBy);
  if (query.format !== 'debug') return { result, next_cursor: page.nextCursor };
  const given = page.gongCall.body['cursor'];
  return {
    result,
    next_cursor: page.nextCursor,
    debug: debugInfo(page, gongBaseUrl, typeof given === 'string' ? given : undefined, shaped.length),
  };
}
