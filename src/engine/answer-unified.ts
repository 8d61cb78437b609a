/**
 * The unified API below /unified: the list endpoint (authenticate, read the scenario, answer
 * from the page cache or from the unified layer), 405 for other methods on it, 404 elsewhere.
 */
import { requestedScenario, type AmbientScenario } from '../faults/request-scenario.js';
import { SCENARIO_NAMES, type ScenarioName } from '../scenarios.js';
import type { GongApi } from '../gong/gong-api.js';
import type { MockContext } from '../mock-context.js';
import type { GongMappings } from '../unified/mapping-override.js';
import { answerJson, interactionLines } from '../unified/interaction-json.js';
import { listInteractions } from '../unified/list-interactions.js';
import { unifiedError, type UnifiedErrorResult } from '../unified/unified-error.js';
import { unifiedAuthProblem } from './auth.js';
import type { EngineRequest } from './engine-request.js';
import type { PageCache } from './page-cache.js';
import { headerText, isRoute, routerPath } from './route-path.js';
import { withWireFault } from './wire-answer.js';
import { JSON_CONTENT_TYPE, jsonAnswer, withJsonType, type BareAnswer } from './bare-answer.js';

const INTERACTIONS_ROUTE = '/conversational-intelligence/interactions';

/** What the unified API answers from. */
export interface UnifiedParts {
  context: MockContext;
  gong: GongApi;
  pages: PageCache;
  tokens: ReadonlySet<string> | undefined;
  origin: string;
  /** Overrides of the Gong mapping; undefined: the built-in mapping for every account. */
  mappings: GongMappings | undefined;
  /** UTF-8 bytes of a page's text (the runtime's fastest; see EngineParts.encodeText). */
  encodeText: (text: string) => Uint8Array;
}

function errorAnswer(error: UnifiedErrorResult, scenario?: string): BareAnswer {
  return { ...jsonAnswer(error.status, error.headers, error.body), scenario };
}

async function listAnswer(
  parts: UnifiedParts,
  request: EngineRequest,
  rawQuery: string,
  ambient: AmbientScenario | undefined,
): Promise<BareAnswer> {
  const authProblem = unifiedAuthProblem(headerText(request.headers.authorization), parts.tokens);
  if (authProblem !== undefined) return errorAnswer(unifiedError(401, authProblem));
  const requested = requestedScenario(headerText(request.headers.prefer), rawQuery);
  if ('problem' in requested) return errorAnswer(unifiedError(400, requested.problem));
  const asked = requested.scenario === undefined ? ((await ambient?.(SCENARIO_NAMES)) ?? requested) : requested;
  return withWireFault(await scenarioAnswer(parts, rawQuery, asked.scenario), asked);
}

async function scenarioAnswer(
  parts: UnifiedParts,
  rawQuery: string,
  scenario: ScenarioName | undefined,
): Promise<BareAnswer> {
  // A scenario makes the answer vary from call to call; only requests without one are reused.
  // The query is the key: with the origin configured, it is all that defines the page.
  const cached = scenario === undefined ? parts.pages.get(rawQuery) : undefined;
  if (cached !== undefined)
    return { status: 200, headers: { 'content-type': JSON_CONTENT_TYPE }, body: cached, cacheable: true };

  // The configured origin, never the request's Host: a Host is the client's to choose, and
  // echoing it would hand a rebound or spoofed name back inside debug.requestUrl.
  const answer = await listInteractions(
    parts.context,
    parts.gong,
    { rawQuery, scenario, origin: parts.origin },
    parts.mappings,
  );
  if (answer.kind === 'stream') {
    const { pages } = answer;
    return {
      status: 200,
      headers: answer.headers,
      body: '',
      pages: (async function* () {
        for await (const records of pages) yield interactionLines(records);
      })(),
      cacheable: false,
      scenario,
    };
  }
  // Bytes at once: the page's text is built of many pieces, and encoding it is what joins
  // them; asking a string for its byte length would join them once more.
  const bytes = parts.encodeText(answerJson(answer.body));
  const cacheable = answer.status === 200 && answer.repeatable === true;
  if (cacheable && scenario === undefined) parts.pages.offer(rawQuery, bytes);
  return { status: answer.status, headers: withJsonType(answer.headers), body: bytes, cacheable, scenario };
}

/**
 * Answers a request below /unified; `rest` is its path below the mount. `ambient` gives the
 * scenario of a request that asks for none (fault sequences and the like). Default: none.
 *
 * @example
 * await answerUnified(parts, request, '/conversational-intelligence/interactions', 'integrated_account_id=...');
 */
export async function answerUnified(
  parts: UnifiedParts,
  request: EngineRequest,
  rest: string,
  rawQuery: string,
  ambient?: AmbientScenario,
): Promise<BareAnswer> {
  if (isRoute(rest, INTERACTIONS_ROUTE)) {
    if (request.method === 'GET' || request.method === 'HEAD') return listAnswer(parts, request, rawQuery, ambient);
    // HEAD is served wherever GET is, so Allow names it too.
    const allow = 'GET, HEAD';
    const error = unifiedError(405, `${request.method} is not allowed on /unified${rest}; use ${allow}`);
    return jsonAnswer(error.status, { ...error.headers, allow }, error.body);
  }
  const error = unifiedError(
    404,
    `No route ${request.method} /unified${routerPath(rest)}; the mock serves GET /unified/conversational-intelligence/interactions`,
  );
  return jsonAnswer(error.status, error.headers, error.body);
}
