/**
 * `createEngine(options)`: the mock itself, with no door. The world, the clock, the secret,
 * the Gong layer with its own caches and faults: everything that must be the same wherever
 * the mock runs is assembled here, once, from the options.
 */
import { portableSigner, type Signer } from '../signing.js';
import { createFaultSequences, type FaultSequences } from '../faults/fault-sequences.js';
import { createGongFaults } from '../faults/gong-faults.js';
import { createGongApi, type GongApi } from '../gong/gong-api.js';
import { createWindowCache, WINDOW_CACHE_ENTRIES, type WindowCache } from '../gong/window-cache.js';
import type { MockContext } from '../mock-context.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { createWorld, type World } from '../world/world.js';
import { createAnswer } from './answer.js';
import type { EngineAnswer, EngineRequest } from './engine-request.js';
import { createJournal, type Journal, type JournalResponseBody, type JournalViolation } from './journal.js';
import { createPageCache, type CacheUse } from './page-cache.js';
import { previewOf, tapPages } from './response-preview.js';
import { recentPreviews, RECENT_PREVIEWS } from './recent-previews.js';
import { unfinishedEntry } from './exchange-entry.js';
import { resolveEngineOptions, type EngineOptions, type EngineSettings } from './engine-options.js';
import { createGongMappings } from '../mapping/gong-mappings.js';
import type { GongMappings } from '../unified/mapping-override.js';
import type { JsonataLoader } from '../mapping/jsonata-loader.js';
import type { MappingTexts } from '../unified/mapping-texts.js';
import type { WorldDocument } from '../generated/world-document.js';

export type { CacheUse } from './page-cache.js';

/**
 * How full the engine's bounded stores are, against their configured bounds.
 *
 * @example
 * (await engine.memoryUse()).pages.bytes <= engine.settings.pageCacheBytes; // true
 */
export interface MemoryUse {
  /** Serialized pages kept for repeated requests. */
  pages: CacheUse;
  /** Stats windows' people kept for a walk's later pages. */
  windows: CacheUse;
  /** The request journal. */
  journal: CacheUse;
}

/**
 * One exchange as a door saw it, for the journal.
 *
 * @example
 * await engine.record({ method: 'GET', url, status: 200, scenario: undefined, time: new Date().toISOString(), durationMs: 3 });
 */
export interface Exchange {
  method: string;
  /** Path and query as sent. */
  url: string;
  /** The status sent. */
  status: number;
  /** The scenario the answer's `journal` named. */
  scenario: string | undefined;
  /** When the request arrived (ISO 8601). */
  time: string;
  /** From arrival until the response was done, delay included. */
  durationMs: number;
  /** Contract violations found in the response, when the door validates responses. */
  violations?: JournalViolation[];
  /** The request's headers, when the door has them; the journal keeps them redacted. */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * The engine's answer the door sent (the one `answer` gave): the journal keeps its headers
   * and the start of its body (a stream's first bytes, as the door read them), redacted.
   */
  answer?: EngineAnswer;
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
  /** Fault sequences: "the next `times` matching requests get `scenario`", in the store. */
  readonly faults: FaultSequences;
  /** The Gong mapping's overrides (options and world file), or undefined when there are none. */
  readonly mappings: GongMappings | undefined;
  /** How full the Gong layer's window cache is. */
  windowCacheUse(): CacheUse;
  /** How full every bounded store is. */
  memoryUse(): Promise<MemoryUse>;
  /**
   * Answers any request: the unified API, the Gong API, the admin API, or a 404 in the shape of
   * the API the path belongs to. Never rejects for a client's input.
   */
  answer(request: EngineRequest): Promise<EngineAnswer>;
  /** Journals an exchange whose answer asked for it (`answer.journal`), once it is done. */
  record(exchange: Exchange): Promise<void>;
}

/**
 * What the engine is built on besides its options: the store, runtime health fields, the signer.
 *
 * @example
 * createEngine({ seed: 7 }, { store: createMemoryStore(), signer: portableSigner });
 */
export interface EngineParts {
  /** Shared state. Default: a memory store on the options' clock. */
  store?: Store;
  /** Fields of the admin health answer that only the runtime knows (`rssBytes`, `pid`). Default none. */
  health?: () => Record<string, unknown>;
  /** Computes the cursors' HMAC. Default `portableSigner`; the Node door passes Node's crypto (faster). */
  signer?: Signer;
  /**
   * A page's text as UTF-8 bytes. Default `TextEncoder`, which every runtime has; a door may
   * pass its runtime's faster encoder (the Node door does: server/node-encode-text.ts).
   */
  encodeText?: (text: string) => Uint8Array;
  /**
   * The engine this one takes over from (`serve --watch` after a save): its store and journal
   * carry over, so the journal's entries, ids and live listeners (the console's stream), fault
   * sequences and rate-limit windows go on as before. Default none. Wins over `store`.
   */
  replaces?: Engine;
  /** Loads JSONata when a mapping override runs. Default: `@truto/truto-jsonata` if installed, else `jsonata`. */
  jsonataLoader?: JsonataLoader;
}

/** The world document's accounts that state a `mapping:`, by lower-case id. */
function accountMappings(document: WorldDocument | undefined): Map<string, MappingTexts> {
  const found = new Map<string, MappingTexts>();
  for (const account of document?.accounts ?? [])
    if (account.mapping !== undefined) found.set(account.id.toLowerCase(), account.mapping);
  return found;
}

/**
 * The layered overrides, or undefined when there are none at all (the built-in mapping).
 *
 * @example
 * mappingsOf(settings, undefined); // undefined for the default options
 */
function mappingsOf(settings: EngineSettings, loader: JsonataLoader | undefined): GongMappings | undefined {
  const accounts = accountMappings(settings.world);
  if (accounts.size === 0 && Object.keys(settings.mapping).length === 0) return undefined;
  return createGongMappings({
    server: settings.mapping,
    accounts,
    clock: settings.clock,
    ...(loader === undefined ? {} : { loader }),
  });
}

const textEncoder = new TextEncoder();
const encodeUtf8 = (text: string): Uint8Array => textEncoder.encode(text);

/**
 * Builds the engine; throws EngineOptionsError (named `AppOptionsError`) on a misuse.
 *
 * @example
 * const engine = createEngine({ seed: 7, faultRate: 0.1 });
 */
export function createEngine(options: EngineOptions = {}, parts: EngineParts = {}): Engine {
  const resolved = resolveEngineOptions(options);
  const { health = () => ({}), signer = portableSigner, replaces, encodeText = encodeUtf8 } = parts;
  const store = replaces?.store ?? parts.store ?? createMemoryStore({ clock: resolved.clock });
  const world = createWorld({
    ...(resolved.world === undefined ? {} : { document: resolved.world }),
    seed: resolved.seed,
    ...(resolved.accounts === undefined ? {} : { accounts: resolved.accounts }),
    ...(resolved.userCount === undefined ? {} : { userCount: resolved.userCount }),
  });
  // The world's `now` is Gong's current instant unless the options name one.
  const worldNow = world.now;
  const settings =
    options.now === undefined && worldNow !== undefined ? { ...resolved, now: () => worldNow } : resolved;
  const context: MockContext = { world, now: settings.now, secret: settings.secret, signer };
  const windows: WindowCache = createWindowCache({ maxBytes: settings.windowCacheBytes });
  const faults = createGongFaults(context, store, { faultRate: settings.faultRate, rateLimit: settings.rateLimit });
  const gong = createGongApi(context, { faults, windows });
  const journal = replaces?.journal ?? createJournal(store, settings.journalSize, settings.journalBytes);
  const pages = createPageCache({ maxBytes: settings.pageCacheBytes });
  const faultSequences = createFaultSequences(store);
  const mappings = mappingsOf(settings, parts.jsonataLoader);
  const windowCacheUse = (): CacheUse => ({
    entries: windows.size,
    bytes: windows.weight,
    maxEntries: WINDOW_CACHE_ENTRIES,
    maxBytes: settings.windowCacheBytes,
  });
  const memoryUse = async (): Promise<MemoryUse> => ({
    pages: pages.use(),
    windows: windowCacheUse(),
    journal: await journal.use(),
  });
  const answerOf = createAnswer({
    world,
    latency: settings.latency,
    store,
    faults: faultSequences,
    faultRates: settings.faultRates,
    unified: { context, gong, pages, tokens: settings.tokens, origin: settings.origin, mappings, encodeText },
    gong: { world, gong, tokens: settings.tokens },
    admin: {
      world,
      journal,
      faults: faultSequences,
      origin: settings.origin,
      originHost: settings.originHost,
      now: options.now === undefined ? world.now : settings.now(),
      started: Date.now(),
      health: async () => ({
        ...health(),
        instance: settings.instance,
        store: store.health?.() ?? { driver: 'custom', reachable: true, degraded: false },
        caches: await memoryUse(),
      }),
    },
  });
  /**
   * The previews of the last few bodies held as bytes: a repeated page is the page cache's same
   * bytes each time, and its preview is made once. Only the last few: a WeakMap by the bytes kept
   * a preview alive for as long as its page stayed in the page cache, which under distinct pages
   * is thousands of previews never asked for again, and the collector paid for each (a profile).
   * A text body is an error or an admin answer, short, and its own string would have to be
   * copied to be kept anyway.
   */
  const recent = recentPreviews(RECENT_PREVIEWS);
  const previewOfBody = (body: string | Uint8Array, more: boolean): JournalResponseBody =>
    typeof body === 'string' || more ? previewOf(body, more) : recent(body);
  /** The first bytes of each journaled stream, as the door reads it: the journal's preview. */
  const streamHeads = new WeakMap<EngineAnswer, { text: string; more: boolean }>();
  async function answer(request: EngineRequest): Promise<EngineAnswer> {
    const answered = await answerOf(request);
    if (answered.pages !== undefined && answered.journal !== undefined) {
      const head = { text: '', more: false };
      answered.pages = tapPages(answered.pages, head);
      streamHeads.set(answered, head);
    }
    return answered;
  }
  return {
    settings,
    world,
    context,
    gong,
    store,
    journal,
    faults: faultSequences,
    mappings,
    windowCacheUse,
    memoryUse,
    answer,
    record({ method, url, status, scenario, time, durationMs, violations, headers, answer: sent }) {
      // HEAD sends no body; a stream's preview is what the door read of it.
      const head = sent === undefined ? undefined : streamHeads.get(sent);
      const body =
        sent === undefined || method.toUpperCase() === 'HEAD' ? undefined : head === undefined ? sent.body : head.text;
      return journal.record(
        unfinishedEntry({
          time,
          method,
          url,
          status,
          scenario,
          durationMs,
          instance: settings.instance,
          violations,
          headers,
          answerHeaders: sent?.headers,
          streamed: sent?.pages !== undefined,
          preview: body === undefined ? undefined : previewOfBody(body, head?.more ?? false),
        }),
      );
    },
  };
}
