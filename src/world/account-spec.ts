import type { WorldDocumentAccount } from '../generated/world-document.js';
import { DEFAULT_WORLD } from './default-world.js';

/**
 * What an integrated account of the world is: one connected Gong company.
 *
 * @example
 * ```ts
 * const spec: AccountSpec = {
 *   id: '0d6e9a3c-5b1f-4c2a-8e7d-9f0a1b2c3d4e', name: 'Flaky Ltd', domain: 'flaky.example',
 *   timeZone: 'Europe/Berlin', userCount: 30, behavior: 'flaky',
 * };
 * createWorld({ accounts: [spec] });
 * ```
 */
export interface AccountSpec {
  /** The integrated account id (a UUID), as clients pass it in `integrated_account_id`. */
  id: string;
  /** The company's name. */
  name: string;
  /** The company's email domain, used for its users' addresses. */
  domain: string;
  /** The company's IANA time zone: Gong's days begin and end in it. */
  timeZone: string;
  /** How many Gong users the company has. */
  userCount: number;
  /** How the account behaves on a bad day. Default `healthy`. */
  behavior?: AccountBehavior;
}

/**
 * Accounts that always misbehave in one way, so a client can test its handling of it:
 * `credentials-revoked` (Gong 401, unified 401 remote), `rate-limited` (Gong allows one call a
 * second: 429 with Retry-After), `account-blocked` (unified 503), `looping` (Gong repeats its
 * cursor), `flaky` (a quarter of Gong calls fail with 500, seeded), `slow` (one second more),
 * and the wire scenarios (`connection-reset`, `empty-response`, `truncated-body`,
 * `malformed-body`, `slow-body`, `no-response`: every API request of the account meets it).
 * An account with no users is the `empty` one.
 *
 * @example
 * ```ts
 * const behavior: AccountBehavior = 'rate-limited';
 * ```
 */
export type AccountBehavior = NonNullable<WorldDocumentAccount['behavior']>;

export { DEFAULT_ACCOUNT_ID } from './default-world.js';

/**
 * The embedded default world's accounts, as account specs (the `accounts` option's shape):
 * healthy ones, one of each other behavior, and an empty one.
 *
 * @example
 * ```ts
 * DEFAULT_ACCOUNTS.find((account) => account.behavior === 'flaky')?.id;
 * ```
 */
export const DEFAULT_ACCOUNTS: readonly AccountSpec[] = (DEFAULT_WORLD.accounts ?? []).map((account) => ({
  id: account.id,
  name: account.name ?? '',
  domain: account.domain ?? '',
  timeZone: account.timeZone ?? 'UTC',
  userCount: account.generatedUsers ?? 0,
  ...(account.behavior === undefined ? {} : { behavior: account.behavior }),
}));
