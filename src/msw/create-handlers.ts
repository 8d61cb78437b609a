/**
 * The MSW door: `createHandlers(options)` gives MSW 2 request handlers that answer the mock's
 * origin (`https://api.truto.one` unless told otherwise) from the engine, in the page or in
 * Node, with no port. Like every door it only translates: the fetch Request in, the engine's
 * answer out as a Response, the delay waited with MSW's `delay`, the exchange journaled.
 */
import type { HttpHandler } from 'msw';
import { http } from 'msw/core/http';
import { createEngine, type Engine } from '../engine/create-engine.js';
import type { FaultSequences } from '../faults/fault-sequences.js';
import type { EngineAnswer } from '../engine/engine-request.js';
import type { JournalEntry, JournalFilter } from '../engine/journal.js';
import { unifiedError } from '../unified/unified-error.js';
import { engineRequestOf } from './engine-request-of.js';
import { gongBases, resolveHandlersOptions, type HandlersOptions } from './handlers-options.js';
import { responseOf } from './response-of-answer.js';
import { wireResponse } from './wire-response.js';

/**
 * MSW's `delay`, loaded the first time an answer has latency: it lives in msw's main entry,
 * whose import (GraphQL and WebSocket handlers included) costs a test file about 100 ms more
 * than `msw/core/http` when no latency is asked for.
 */
let delayOfMsw: Promise<(ms: number) => Promise<void>> | undefined;
function mswDelay(): Promise<(ms: number) => Promise<void>> {
  delayOfMsw ??= import('msw').then(
    ({ delay }) =>
      (ms: number) =>
        delay(ms),
  );
  return delayOfMsw;
}

/**
 * The request journal, read in-process: what the handlers were asked and what they answered.
 *
 * @example
 * expect(await handlers.journal.entries({ path: '/unified' })).toHaveLength(1);
 */
export interface HandlersJournal {
  /** Every entry kept, oldest first, matching the filter (path contains, status, account). */
  entries(filter?: JournalFilter): Promise<JournalEntry[]>;
  /** Forgets every entry; resolves to how many there were. */
  clear(): Promise<number>;
}

/**
 * The handlers, to spread into `setupServer(...)` or `setupWorker(...)`, with the journal and
 * the engine they answer from.
 *
 * @example
 * const handlers = createHandlers({ now: '2026-11-24T00:00:00Z' });
 * const server = setupServer(...handlers);
 */
export type MockHandlers = HttpHandler[] & {
  /** The request journal, read in-process. */
  readonly journal: HandlersJournal;
  /** The engine behind the handlers (its world, settings and `answer`). */
  readonly engine: Engine;
  /** Fault sequences: "the next `times` matching requests get `scenario`". */
  readonly faults: FaultSequences;
};

function journalOf(engine: Engine): HandlersJournal {
  return {
    async entries(filter = {}) {
      const entries: JournalEntry[] = [];
      let after: number | undefined;
      do {
        const page = await engine.journal.list(filter, after === undefined ? { limit: 1000 } : { limit: 1000, after });
        entries.push(...page.requests);
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      return entries;
    },
    clear: () => engine.journal.clear(),
  };
}

/**
 * Answers one intercepted request from the engine, as if it had come to `mount` on the
 * mock's own origin.
 */
async function answer(engine: Engine, request: Request, base: string, mount: string): Promise<Response> {
  const started = performance.now();
  const time = new Date().toISOString();
  const asked = await engineRequestOf(request, base, mount);
  const record = async (answered: EngineAnswer, scenario: string | undefined) => {
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const { status } = answered;
    try {
      await engine.record({
        method: request.method,
        url: asked.url,
        status,
        scenario,
        time,
        durationMs,
        answer: answered,
      });
    } catch (error) {
      // A store that fails costs the journal an entry, never the test.
      console.error(`interactions-kit: the journal could not record ${request.method} ${asked.url}: ${String(error)}`);
    }
  };
  try {
    const answered = await engine.answer(asked);
    if (answered.delayMs > 0) await (await mswDelay())(answered.delayMs);
    const journal = answered.journal;
    if (answered.wire !== undefined) {
      if (journal !== undefined) await record(answered, journal.scenario);
      return await wireResponse(answered, answered.wire, request.signal);
    }
    if (journal === undefined) return responseOf(answered, request.method, async () => undefined);
    const streamed = answered.pages !== undefined && request.method.toUpperCase() !== 'HEAD';
    // Journaled before the client sees the answer (a stream: before its end), so a test that
    // has read the response finds the entry.
    if (!streamed) await record(answered, journal.scenario);
    return responseOf(answered, request.method, (complete) =>
      streamed ? record(answered, journal.scenario) : Promise.resolve(void complete),
    );
  } catch (error) {
    // Never expected: the engine answers every input. Say so in the real shape.
    const failure = unifiedError(500, `interactions-kit internal error: ${(error as Error)?.message ?? String(error)}`);
    return new Response(JSON.stringify(failure.body), {
      status: failure.status,
      headers: { ...failure.headers, 'content-type': 'application/json; charset=utf-8' },
    });
  }
}

/**
 * The URLs at and below `base`, as a pattern without groups: MSW decodes a string path's
 * parameters and fails on a malformed escape (`/gong/%ff/...`), which the engine answers with a
 * clear 400 of its own.
 */
function below(base: string): RegExp {
  return new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/|$)`);
}

/**
 * MSW 2 handlers answering the mock's origin (every path: the unified API, each account's Gong
 * API at `{baseUrl}/gong/{id}`, the admin API, 404s) and, with `gongBaseUrl`, each account's
 * own Gong base URL. For the same request they answer the status, headers and body bytes the
 * HTTP server answers. Options as `createApp`'s (see HandlersOptions); a misuse throws
 * `AppOptionsError`.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createHandlers } from 'interactions-kit/msw';
 *
 * const handlers = createHandlers({ seed: 42, now: '2026-11-24T00:00:00Z' });
 * const server = setupServer(...handlers);
 * server.listen();
 * await fetch('https://api.truto.one/unified/conversational-intelligence/interactions?...');
 * await handlers.journal.entries(); // [{ method: 'GET', path: '/unified/...', status: 200, ... }]
 * ```
 */
export function createHandlers(options: HandlersOptions = {}): MockHandlers {
  const settings = resolveHandlersOptions(options);
  const engine = createEngine(settings.engine);
  const handlers: HttpHandler[] = [];
  if (settings.gongBaseUrl !== undefined) {
    const ids = engine.world.accounts.map((account) => account.id);
    for (const { accountId, url } of gongBases(ids, settings.gongBaseUrl)) {
      const mount = `/gong/${accountId}`;
      handlers.push(http.all(below(url), ({ request }) => answer(engine, request, url, mount)));
    }
  }
  const origin = settings.origin;
  handlers.push(http.all(below(origin), ({ request }) => answer(engine, request, origin, '')));
  return Object.assign(handlers, { journal: journalOf(engine), engine, faults: engine.faults });
}
