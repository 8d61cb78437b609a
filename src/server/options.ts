/**
 * The options of `createApp`: the engine's (see engine/engine-options.ts) and the server's own,
 * all optional, resolved once into the complete config the server reads. The engine is built
 * here by `createEngine`; this file only adds what depends on being an HTTP server.
 */
import { createEngine, type Engine } from '../engine/create-engine.js';
import { EngineOptionsError, type EngineOptions } from '../engine/engine-options.js';
import type { Latency } from '../faults/latency.js';
import type { GongApi } from '../gong/gong-api.js';
import type { MockContext } from '../mock-context.js';

export { DEFAULT_BASE_URL } from '../engine/engine-options.js';

/** What `createApp` accepts: the engine's options and the server's. */
export interface AppOptions extends EngineOptions {
  /** Validate every response against openapi.yaml and record violations in the journal. Default false. */
  validateResponses?: boolean;
  /** Answer /__admin from any address, not only loopback. Default false. */
  adminFromAnywhere?: boolean;
}

/** Everything the server reads, complete. */
export interface ResolvedOptions {
  engine: Engine;
  context: MockContext;
  gong: GongApi;
  /** Accepted tokens, or undefined to accept any non-empty one. */
  tokens: ReadonlySet<string> | undefined;
  latency: Latency | undefined;
  journalSize: number;
  journalBytes: number;
  pageCacheBytes: number;
  windowCacheBytes: number;
  validateResponses: boolean;
  adminFromAnywhere: boolean;
  /** `baseUrl` as an origin without a trailing slash: `http://127.0.0.1:4010`. */
  origin: string;
  /** The Host of `origin`, lower case, with its port: `127.0.0.1:4010`. */
  originHost: string;
  /** True when no server-wide fault can change an answer, so identical requests get identical bytes. */
  pagesRepeat: boolean;
}

/** A misuse of `createApp`'s options (the engine's error: one class for every option). */
export const AppOptionsError = EngineOptionsError;
export type AppOptionsError = EngineOptionsError;

/** Fills in every default. */
export function resolveOptions(options: AppOptions = {}): ResolvedOptions {
  const { validateResponses = false, adminFromAnywhere = false, ...engineOptions } = options;
  const engine = createEngine(engineOptions);
  const { settings } = engine;
  return {
    engine,
    context: engine.context,
    gong: engine.gong,
    tokens: settings.tokens,
    latency: settings.latency,
    journalSize: settings.journalSize,
    journalBytes: settings.journalBytes,
    pageCacheBytes: settings.pageCacheBytes,
    windowCacheBytes: settings.windowCacheBytes,
    validateResponses,
    adminFromAnywhere,
    origin: settings.origin,
    originHost: settings.originHost,
    pagesRepeat: settings.faultRate === 0 && settings.rateLimit === undefined,
  };
}
