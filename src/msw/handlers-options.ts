/**
 * The options of `createHandlers`: the engine's (the same as `createApp`'s, where they make
 * sense in-process) and the two URLs the handlers intercept, resolved once.
 */
import { EngineOptionsError, type EngineOptions } from '../engine/engine-options.js';

/**
 * `https://api.truto.one`: the real service's base URL, which client code has baked in.
 *
 * @example
 * createHandlers({ baseUrl: TRUTO_BASE_URL }); // the same as createHandlers()
 */
export const TRUTO_BASE_URL = 'https://api.truto.one';

/**
 * What `createHandlers` accepts; every option has a default. Besides these, every option of
 * the engine (`seed`, `accounts`, `userCount`, `now`, `tokens`, `secret`, `latency`, `faultRate`,
 * `rateLimit`, `journalSize`, ...) means what it means to `createApp`, and is passed to the
 * engine unchanged.
 *
 * @example
 * const options: HandlersOptions = { seed: 7, now: '2026-11-24T00:00:00Z', latency: '50' };
 */
export interface HandlersOptions extends EngineOptions {
  /**
   * The origin the handlers answer, every path below it (`/unified/...`, `/gong/{id}/...`,
   * `/__admin/...`), as the HTTP server answers its own. The URLs the mock hands out
   * (`debug.requestUrl`, `gongBaseUrl`) name it. Default `https://api.truto.one`.
   */
  baseUrl?: string;
  /**
   * The Gong base URL of an account, for code that calls Gong itself (Gong hands each company a
   * host of its own, such as `https://us-55616.api.gong.io`): Gong's paths below it
   * (`/v2/stats/interaction`, `/v2/users`) are answered as that account's. Default: only
   * `{baseUrl}/gong/{integrated_account_id}`, which is always answered, and which the debug
   * envelope names whatever this returns.
   */
  gongBaseUrl?: (integratedAccountId: string) => string;
}

/** A Gong base URL of one account, as the handlers match it. */
export interface GongBase {
  accountId: string;
  /** The base URL without a trailing slash: `https://us-55616.api.gong.io`. */
  url: string;
}

/** What the handlers read, complete. */
export interface HandlersSettings {
  engine: EngineOptions & { baseUrl: string };
  /** `baseUrl` as an origin: `https://api.truto.one`. */
  origin: string;
  gongBaseUrl: ((integratedAccountId: string) => string) | undefined;
}

/**
 * Fills in the defaults; throws `AppOptionsError` (as `createApp` does) on a misuse.
 *
 * @example
 * resolveHandlersOptions({}).origin; // 'https://api.truto.one'
 */
export function resolveHandlersOptions(options: HandlersOptions = {}): HandlersSettings {
  const { baseUrl = TRUTO_BASE_URL, gongBaseUrl, ...engine } = options;
  if (gongBaseUrl !== undefined && typeof gongBaseUrl !== 'function')
    throw new EngineOptionsError(
      'gongBaseUrl must be a function from an integrated account id to a URL, e.g. (id) => `https://gong.test/${id}`',
    );
  // The engine checks baseUrl itself (an http(s) origin) and says what is wrong with it.
  let origin = baseUrl;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    // Left to the engine's message.
  }
  return { engine: { ...engine, baseUrl }, origin, gongBaseUrl };
}

/**
 * Each account's Gong base URL, checked: an http(s) URL with no query or fragment.
 *
 * @example
 * gongBases(['62f44730-dd91-461e-bd6a-aedd9e0ad79d'], (id) => `https://gong.test/${id}`);
 */
export function gongBases(accountIds: readonly string[], gongBaseUrl: (id: string) => string): GongBase[] {
  return accountIds.map((accountId) => {
    const text = gongBaseUrl(accountId);
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new EngineOptionsError(`gongBaseUrl must return a URL, got ${JSON.stringify(text)} for ${accountId}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '')
      throw new EngineOptionsError(
        `gongBaseUrl must return an http(s) URL without query or fragment, got ${JSON.stringify(text)} for ${accountId}`,
      );
    return { accountId, url: url.href.replace(/\/+$/, '') };
  });
}
