/**
 * The engine's one answer for every door: route the request to the unified API, the Gong API
 * or the admin API, decide the delay and whether the exchange is journaled, and hand back
 * plain data. The pipeline reads top to bottom: refuse an oversized body, route, answer.
 */
import { gongError } from '../gong/gong-result.js';
import { requestIdFor } from '../gong/request-id.js';
import { meetFaultRate, type FaultRate } from '../faults/fault-rates.js';
import type { FaultSequences } from '../faults/fault-sequences.js';
import { sampleLatency, type Latency } from '../faults/latency.js';
import type { AmbientScenario } from '../faults/request-scenario.js';
import { isScenarioName, SCENARIOS } from '../scenarios.js';
import type { Store } from '../store/store.js';
import { unifiedError } from '../unified/unified-error.js';
import type { World } from '../world/world.js';
import { accountOfUrl } from './account-of-url.js';
import { answerAdmin, type AdminParts } from './answer-admin.js';
import { answerGong, gongErrorAnswer, gongMount, type GongParts } from './answer-gong.js';
import { answerUnified, type UnifiedParts } from './answer-unified.js';
import { jsonAnswer, type BareAnswer } from './bare-answer.js';
import type { EngineAnswer, EngineRequest } from './engine-request.js';
import { MAX_GONG_BODY_BYTES } from './gong-body.js';
import { ADMIN_MOUNT, belowMount, headerText, splitUrl } from './route-path.js';

/** The largest body any route reads: Gong's stats request. */
export const MAX_BODY_BYTES = MAX_GONG_BODY_BYTES;

/** Extra delay of the `slow` account, ms. */
export const SLOW_ACCOUNT_DELAY_MS = 1000;

/** Everything the answer reads. */
export interface AnswerParts {
  unified: UnifiedParts;
  gong: GongParts;
  admin: AdminParts;
  world: World;
  latency: Latency | undefined;
  /** Where `--fault-rate`'s draws are counted. */
  store: Store;
  faults: FaultSequences;
  /** `--fault-rate`'s kinds: shares of API requests meeting each scenario. */
  faultRates: readonly FaultRate[];
}

/**
 * The scenario a request to `path` that asked for none meets: a fault sequence first, then a
 * kind drawn by `--fault-rate`, then its account's wire behaviour (an account that always
 * resets its connections, say). The account's other behaviours live in the Gong and unified
 * layers, as before.
 */
function ambientOf(parts: AnswerParts, path: string, id: string | undefined): AmbientScenario {
  return async (offered) => {
    const sequenced = await parts.faults.meet({ path, account: id, offered });
    if (sequenced !== undefined) return sequenced;
    const account = id === undefined ? undefined : parts.world.account(id);
    if (account === undefined) return undefined;
    const drawn = await meetFaultRate(parts.store, parts.world.seed, parts.faultRates, account.id);
    if (drawn !== undefined && offered.includes(drawn)) return { scenario: drawn };
    const behavior = account.behavior;
    if (behavior !== undefined && isScenarioName(behavior) && SCENARIOS[behavior].level === 'wire')
      return { scenario: behavior };
    return undefined;
  };
}

/**
 * An early 413 from the declared `Content-Length`, in the shape of the API the path belongs to.
 * Without it a body larger than any route reads would still be read to the end before the
 * answer, so a client declaring 10 MB would hold the connection while it trickles them. The
 * `connection: close` header tells the door to close rather than read the body.
 */
function declaredTooLarge(request: EngineRequest): BareAnswer | undefined {
  const declared = headerText(request.headers['content-length']);
  if (declared === undefined || !(Number(declared) > MAX_BODY_BYTES)) return undefined;
  const close = { connection: 'close' };
  if (request.url.startsWith('/gong/')) {
    const errors = [`The request body is larger than ${MAX_BODY_BYTES} bytes`];
    const error = gongError(413, requestIdFor('error', '413', errors.join('|')), errors, close);
    return { status: 413, headers: error.headers, body: JSON.stringify(error.body), cacheable: false };
  }
  const error = unifiedError(
    413,
    `The request body declares ${declared} bytes; the mock reads at most ${MAX_BODY_BYTES}`,
    {},
    close,
  );
  return jsonAnswer(error.status, error.headers, error.body);
}

// Named fields, not `...rest`: object rest copies through a slow runtime path, and every
// answer passes here (it showed in a profile of the repeated page).
function finish(answer: BareAnswer, journaled: boolean, delayMs: number): EngineAnswer {
  const done: EngineAnswer = {
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    cacheable: answer.cacheable,
    delayMs,
  };
  if (answer.pages !== undefined) done.pages = answer.pages;
  if (answer.wire !== undefined) done.wire = answer.wire;
  if (journaled) done.journal = { scenario: answer.scenario };
  return done;
}

/**
 * The answer function of an engine (see `Engine.answer`).
 *
 * @example
 * const answer = createAnswer(parts);
 * await answer({ method: 'GET', url: '/__admin/health', headers: {} });
 */
export function createAnswer(parts: AnswerParts): (request: EngineRequest) => Promise<EngineAnswer> {
  let requests = 0;
  /** The added latency of an API request, and a second more for the `slow` account. */
  const delayOf = (id: string | undefined): number => {
    const slow = id !== undefined && parts.world.account(id)?.behavior === 'slow';
    const latency = parts.latency === undefined ? 0 : sampleLatency(parts.latency, parts.world.seed, requests++);
    return latency + (slow ? SLOW_ACCOUNT_DELAY_MS : 0);
  };

  return async function answer(request) {
    const tooLarge = declaredTooLarge(request);
    if (tooLarge !== undefined) return finish(tooLarge, false, 0);
    const { path, rawQuery } = splitUrl(request.url);
    // HEAD is GET without the body: the door sends the headers only.
    const method = request.method.toUpperCase();
    const asked = method === request.method ? request : { ...request, method };

    const unified = belowMount(path, '/unified');
    if (unified !== undefined) {
      // The account is read from the URL once, for the delay and the ambient scenario alike.
      const id = accountOfUrl(request.url);
      const delayMs = delayOf(id);
      const ambient = ambientOf(parts, path, id);
      return finish(await answerUnified(parts.unified, asked, unified, rawQuery, ambient), true, delayMs);
    }
    const gong = gongMount(path);
    if (gong !== undefined) {
      let id: string;
      try {
        id = decodeURIComponent(gong.segment).toLowerCase();
      } catch {
        // Not a Gong request at all: its base URL cannot be read.
        const message = `The request could not be read: Failed to decode param '${gong.segment}'`;
        return finish(gongErrorAnswer(400, [message]), false, 0);
      }
      const account = accountOfUrl(request.url);
      const delayMs = delayOf(account);
      const ambient = ambientOf(parts, path, account);
      return finish(await answerGong(parts.gong, asked, id, gong.rest, rawQuery, ambient), true, delayMs);
    }
    const admin = belowMount(path, ADMIN_MOUNT);
    if (admin !== undefined) return finish(await answerAdmin(parts.admin, asked, admin, rawQuery), false, 0);

    // Below /gong/ even a path without an account answers in Gong's shape.
    if (path.startsWith('/gong/'))
      return finish(gongErrorAnswer(404, [`No Gong endpoint ${method} ${path}`]), false, 0);
    const error = unifiedError(404, `No route ${method} ${path}`);
    return finish(jsonAnswer(error.status, error.headers, error.body), false, 0);
  };
}
