/**
 * What the console's Start page shows about the running mock: its version, seed, world,
 * clock and the settings in effect. Tokens are never shown, only how many there are.
 */
import { readFileSync } from 'node:fs';
import type { Engine } from '../engine/create-engine.js';
import { createWorld } from '../world/world.js';

/** The door's settings the Start page shows. */
export interface ConsoleDoorSettings {
  validateResponses: boolean;
  adminFromAnywhere: boolean;
}

let version: string | undefined;
function packageVersion(): string {
  // Two levels up from src/console and from dist/console alike.
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}

const defaultFingerprints = new Map<number, string>();
/** Whether the engine serves the embedded default world (for its seed), not a world file's. */
function servesDefaultWorld(engine: Engine): boolean {
  const { seed } = engine.world;
  let fingerprint = defaultFingerprints.get(seed);
  if (fingerprint === undefined) {
    fingerprint = createWorld({ seed }).fingerprint;
    defaultFingerprints.set(seed, fingerprint);
  }
  return fingerprint === engine.world.fingerprint;
}

/**
 * The Start page's facts about a running mock.
 *
 * @example
 * consoleInfo(engine, { validateResponses: false, adminFromAnywhere: false }).seed; // 42
 */
export function consoleInfo(engine: Engine, door: ConsoleDoorSettings) {
  const { settings, world } = engine;
  const fixedNow = world.now !== undefined || settings.now !== Date.now;
  return {
    name: 'interactions-kit',
    version: packageVersion(),
    seed: world.seed,
    origin: settings.origin,
    now: new Date(settings.now()).toISOString(),
    clock: fixedNow ? 'fixed' : 'system',
    world: {
      source: servesDefaultWorld(engine) ? 'the embedded default world' : 'a world file or document',
      fingerprint: world.fingerprint,
      accounts: world.accounts.length,
    },
    settings: {
      validateResponses: door.validateResponses,
      adminFromAnywhere: door.adminFromAnywhere,
      faultRate: settings.faultRate,
      latency: settings.latency === undefined ? null : settings.latency,
      rateLimit: settings.rateLimit ?? null,
      tokens: settings.tokens === undefined ? 'any non-empty token' : `${settings.tokens.size} configured`,
      journalSize: settings.journalSize,
    },
  };
}
