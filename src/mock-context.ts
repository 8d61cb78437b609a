import type { Signer } from './signing.js';
import type { World } from './world/world.js';

/**
 * What the Gong and unified layers read besides their input: immutable inputs, resolved once
 * by `createEngine` and never changed afterwards. Caches and counters live with the layer that
 * owns them (the Gong layer's window cache, the store's counters), never here.
 *
 * @example
 * ```ts
 * const context: MockContext = {
 *   world: createWorld({ seed: 7 }),
 *   now: () => Date.parse('2026-11-24'),
 *   secret: 's',
 *   signer: portableSigner,
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
}
