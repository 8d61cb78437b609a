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
 * cursor), `flaky` (a quarter of Gong calls fail with 500, seeded), `slow` (one second more).
 * An account with no users is the `empty` one.
 *
 * @example
 * ```ts
 * const behavior: AccountBehavior = 'rate-limited';
 * ```
 */
export type AccountBehavior =
  'healthy' | 'credentials-revoked' | 'rate-limited' | 'account-blocked' | 'looping' | 'flaky' | 'slow';

/**
 * The id of the account in the seed's examples: a healthy company with several pages of users.
 *
 * @example
 * ```ts
 * createWorld().account(DEFAULT_ACCOUNT_ID)?.name; // 'Acme Widgets'
 * ```
 */
export const DEFAULT_ACCOUNT_ID = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

/**
 * The embedded default world's accounts: healthy ones, one of each other behavior, and an empty one.
 *
 * @example
 * ```ts
 * DEFAULT_ACCOUNTS.find((account) => account.behavior === 'flaky')?.id;
 * ```
 */
export const DEFAULT_ACCOUNTS: readonly AccountSpec[] = [
  {
    id: DEFAULT_ACCOUNT_ID,
    name: 'Acme Widgets',
    domain: 'acme-widgets.com',
    timeZone: 'America/Los_Angeles',
    userCount: 260,
  },
  {
    id: '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17',
    name: 'Nordlicht Software',
    domain: 'nordlicht-software.de',
    timeZone: 'Europe/Berlin',
    userCount: 45,
  },
  {
    id: '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35',
    name: 'Saffron Analytics',
    domain: 'saffron-analytics.in',
    timeZone: 'Asia/Kolkata',
    userCount: 18,
  },
  {
    id: '401a0000-0000-4000-8000-000000000401',
    name: 'Revoked Credentials Ltd',
    domain: 'revoked-credentials.example',
    timeZone: 'America/New_York',
    userCount: 12,
    behavior: 'credentials-revoked',
  },
  {
    id: '429a0000-0000-4000-8000-000000000429',
    name: 'Rate Limited Corp',
    domain: 'rate-limited.example',
    timeZone: 'America/Chicago',
    userCount: 150,
    behavior: 'rate-limited',
  },
  {
    id: '503a0000-0000-4000-8000-000000000503',
    name: 'Blocked Account GmbH',
    domain: 'blocked-account.example',
    timeZone: 'Europe/Berlin',
    userCount: 8,
    behavior: 'account-blocked',
  },
  {
    id: 'e0e00000-0000-4000-8000-000000000000',
    name: 'Empty Startup',
    domain: 'empty-startup.example',
    timeZone: 'Europe/London',
    userCount: 0,
  },
  {
    id: '100b0000-0000-4000-8000-00000000100b',
    name: 'Looping Cursor SA',
    domain: 'looping-cursor.example',
    timeZone: 'Europe/Paris',
    userCount: 150,
    behavior: 'looping',
  },
  {
    id: 'f1a00000-0000-4000-8000-00000000f1a0',
    name: 'Flaky Remote Pty',
    domain: 'flaky-remote.example',
    timeZone: 'Australia/Sydney',
    userCount: 30,
    behavior: 'flaky',
  },
  {
    id: '510e0000-0000-4000-8000-00000000510e',
    name: 'Slow Remote KK',
    domain: 'slow-remote.example',
    timeZone: 'Asia/Tokyo',
    userCount: 20,
    behavior: 'slow',
  },
];
