import type { WindowPeople } from './gong/window-people.js';
import type { SecondOfferCache } from './lru-cache.js';
import type { Signer } from './signing.js';
import type { World } from './world/world.js';

/**
 * What the Gong and unified layers read besides their input: resolved once from the
 * options (see `resolveOptions` in server/options.ts) and never changed afterwards.
 *
 * @example
 * ```ts
 * const context: MockContext = {
 *   world: createWorld({ seed: 42 }),
 *   now: () => Date.now(),
 *   secret: 'interactions-kit:42',
 *   signer: portableSigner,
 *   windowPeople: keptOnSecondOffer(createLruCache(16 << 20, weighWindowPeople), 64),
 * };
 * ```
 */
export interface MockContext {
  /** The seeded world the answers come from. */
  readonly world: World;
  /** The current instant in epoch ms: Gong's "current day" rule compares against it. */
  now(): number;
  /** Key that signs Gong and unified cursors; servers sharing seed and secret share cursors. */
  readonly secret: string;
  /** Computes the cursors' HMAC: `portableSigner` anywhere, Node's crypto in the Node door. */
  readonly signer: Signer;
  /** Recent stats windows' people per account and filter: pure, so reusing them is always right. */
  readonly windowPeople: SecondOfferCache<WindowPeople>;
}
