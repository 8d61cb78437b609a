/**
 * A world document resolved: the world's inputs with every default filled in and every date
 * read. Types only, shared by the resolver, the fingerprint and the user generator.
 */
import type { AccountBehavior } from './account-spec.js';
import type { PinnedValues } from './pinned-days.js';
import type { ProfileKind } from './user-profile.js';

/**
 * A user the document states, with its id settled; what it leaves out is generated.
 *
 * @example
 * ```ts
 * const ada: StatedUser = { id: '7010000000000000001', firstName: 'Ada', active: true, managerId: null, days: new Map() };
 * ```
 */
export interface StatedUser {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  title?: string;
  active: boolean;
  /** The manager's Gong id, or null for none. */
  managerId: string | null;
  profile?: ProfileKind;
  /** Pinned days by day number. */
  days: ReadonlyMap<number, PinnedValues>;
}

/**
 * An account with every default filled in.
 *
 * @example
 * ```ts
 * resolved.accounts[0]?.timeZone; // 'UTC' when the document names none
 * ```
 */
export interface ResolvedAccount {
  /** Lower case: UUIDs compare case-insensitively. */
  id: string;
  /** The account's hash key, from the seed and the id. */
  key: number;
  name: string;
  domain: string;
  timeZone: string;
  behavior: AccountBehavior;
  generatedUsers: number;
  users: readonly StatedUser[];
}

/**
 * A world's inputs, checked: what `createWorld` builds from.
 *
 * @example
 * ```ts
 * const resolved = resolveWorldDocument({ seed: 7 });
 * if ('problems' in resolved) throw new Error(resolved.problems[0]?.message);
 * ```
 */
export interface ResolvedWorld {
  seed: number;
  /** The document's `now` in epoch ms, if it names one. */
  now: number | undefined;
  accounts: readonly ResolvedAccount[];
  /** Changes whenever anything the answers come from changes: cursors carry it. */
  fingerprint: string;
}

/**
 * What the options of a door override in a document.
 *
 * @example
 * ```ts
 * const overrides: WorldOverrides = { seed: 7, userCount: 20 };
 * ```
 */
export interface WorldOverrides {
  /** Replaces the document's seed. */
  seed?: number;
  /** Replaces `generatedUsers` of every account that has some. */
  userCount?: number;
}
