/**
 * `createEngine(options)`: the mock itself, with no door. The world, the clock, the secret,
 * the Gong layer with its own caches and faults: everything that must be the same wherever
 * the mock runs is assembled here, once, from the options.
 */
import { createGongFaults } from '../faults/gong-faults.js';
import { createGongApi, type GongApi } from '../gong/gong-api.js';
import { createWindowCache, WINDOW_CACHE_ENTRIES, type WindowCache } from '../gong/window-cache.js';
import type { MockContext } from '../mock-context.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createWorld, type World } from '../world/world.js';
import { createJournal, type Journal } from './journal.js';
import { resolveEngineOptions, type EngineOptions, type EngineSettings } from './engine-options.js';

/** How full a bounded cache is, against its bounds. */
export interface CacheUse {
  entries: number;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}

/**
 * The assembled mock: what every door answers from.
 *
 * @example
 * const engine = createEngine({ seed: 42, now: '2026-11-24T00:00:00Z' });
 * (await engine.gong.users(engine.world.accounts[0]!, { includeAvatars: false })).status; // 200
 */
export interface Engine {
  /** The complete settings the options resolved to. */
  readonly settings: EngineSettings;
  readonly world: World;
  /** The immutable inputs of the Gong and unified layers. */
  readonly context: MockContext;
  /** The Gong API, with the engine's faults and window cache. */
  readonly gong: GongApi;
  /** Where counters, rate-limit windows and the journal live. */
  readonly store: Store;
  /** The request journal, in the store. */
  readonly journal: Journal;
  /** How full the Gong layer's window cache is. */
  windowCacheUse(): CacheUse;
}

/** What the engine is built on besides its options: the store. */
export interface EngineParts {
  /** Shared state. Default: a memory store on the options' clock. */
  store?: Store;
}

/**
 * Builds the engine; throws EngineOptionsError (named `AppOptionsError`) on a misuse.
 *
 * @example
 * const engine = createEngine({ seed: 7, faultRate: 0.1 });
 */
export function createEngine(options: EngineOptions = {}, parts: EngineParts = {}): Engine {
  const settings = resolveEngineOptions(options);
  const { store = createMemoryStore({ clock: settings.clock }) } = parts;
  const world = createWorld({
    seed: settings.seed,
    ...(settings.accounts === undefined ? {} : { accounts: settings.accounts }),
    ...(settings.userCount === undefined ? {} : { userCount: settings.userCount }),
  });
  const context: MockContext = { world, now: settings.now, secret: settings.secret };
  const windows: WindowCache = createWindowCache({ maxBytes: settings.windowCacheBytes });
  const faults = createGongFaults(context, store, { faultRate: settings.faultRate, rateLimit: settings.rateLimit });
  return {
    settings,
    world,
    context,
    gong: createGongApi(context, { faults, windows }),
    store,
    journal: createJournal(store, settings.journalSize, settings.journalBytes),
    windowCacheUse: () => ({
      entries: windows.size,
      bytes: windows.weight,
      maxEntries: WINDOW_CACHE_ENTRIES,
      maxBytes: settings.windowCacheBytes,
    }),
  };
}
