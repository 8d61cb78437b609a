/**
 * The options of `createApp`: the engine's (see engine/engine-options.ts) and the server's own,
 * all optional, resolved once. The engine is built here by `createEngine`; this file only adds
 * what depends on being an HTTP server.
 */
import { hostname } from 'node:os';
import { nodeEncodeText } from './node-encode-text.js';
import { nodeSigner } from './node-signer.js';
import type { Store } from '../store/store.js';
import { createEngine, type Engine } from '../engine/create-engine.js';
import { EngineOptionsError, type EngineOptions } from '../engine/engine-options.js';
import type { WorldDocument } from '../generated/world-document.js';
import { loadWorldFile } from '../world-file/load-world-file.js';
import type { MappingTexts } from '../unified/mapping-texts.js';
import { readMappingDir } from '../mapping-files/read-mapping-dir.js';
import type { NodeDoorSettings } from './node-door.js';

export { DEFAULT_BASE_URL } from '../engine/engine-options.js';

/**
 * What `createApp` accepts: the engine's options and the server's.
 *
 * @example
 * createApp({ seed: 42, validateResponses: true } satisfies AppOptions);
 */
export interface AppOptions extends Omit<EngineOptions, 'world' | 'mapping'> {
  /**
   * The server-wide override of the Gong mapping: a folder holding `query_mapping.jsonata`
   * and/or `response_mapping.jsonata`, or the expression texts by kind. A world file's account
   * may override it in turn. Default none: the built-in mapping. A bad folder throws
   * MappingDirError; a bad expression is a 502 naming its layer and place.
   */
  mapping?: string | MappingTexts;
  /**
   * The world to serve: a world file's path (YAML or JSON) or a parsed world document.
   * Default: the embedded default world. A bad file throws WorldFileError naming each problem's line.
   */
  world?: string | WorldDocument;
  /** Validate every response against openapi.yaml and record violations in the journal. Default false. */
  validateResponses?: boolean;
  /** Answer /__admin from any address, not only loopback. Default false. */
  adminFromAnywhere?: boolean;
  /**
   * Where shared state lives (journal, rate-limit windows, fault sequences, counters). Default: a
   * new memory store. Pass one store to several apps (or a Redis store to several instances) and
   * they share one state.
   */
  store?: Store;
}

/** Everything the server reads, complete: the engine and the door's own settings. */
export interface ResolvedOptions {
  engine: Engine;
  door: NodeDoorSettings;
}

/**
 * A misuse of `createApp`'s options (the engine's error: one class for every option).
 *
 * @example
 * try { createApp({ faultRate: 2 }); } catch (error) { error instanceof AppOptionsError; } // true
 */
export const AppOptionsError = EngineOptionsError;
export type AppOptionsError = EngineOptionsError;

/**
 * The engine's part of the options, a world file read from disk: what any door built on
 * `AppOptions` hands to `createEngine`.
 *
 * @example
 * createEngine(engineOptionsOf({ world: 'world.yaml', validateResponses: true }));
 */
export function engineOptionsOf(options: AppOptions): EngineOptions {
  const { validateResponses: _validate, adminFromAnywhere: _admin, store: _store, world, mapping, ...rest } = options;
  return {
    ...rest,
    ...(world === undefined ? {} : { world: typeof world === 'string' ? loadWorldFile(world) : world }),
    ...(mapping === undefined
      ? {}
      : { mapping: typeof mapping === 'string' ? readMappingDir(mapping).texts : mapping }),
  };
}

/**
 * Fills in every default and builds the engine. `replaces` is the engine this one takes over
 * from (`serve --watch`): its store and journal carry over (see EngineParts).
 *
 * @example
 * const { engine, door } = resolveOptions({ seed: 7, validateResponses: true });
 */
export function resolveOptions(options: AppOptions = {}, replaces?: Engine): ResolvedOptions {
  const { validateResponses = false, adminFromAnywhere = false, store } = options;
  // A journal several processes share says which one answered: this machine and this process.
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  const engine = createEngine(
    { ...engineOptionsOf(options), instance },
    {
      health: () => ({ rssBytes: process.memoryUsage.rss(), pid: process.pid }),
      signer: nodeSigner,
      ...(store === undefined ? {} : { store }),
      ...(replaces === undefined ? {} : { replaces }),
      encodeText: nodeEncodeText,
    },
  );
  return { engine, door: { validateResponses, adminFromAnywhere } };
}
