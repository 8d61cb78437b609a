/**
 * The embedded default world, as a world document: the same document `world init` writes out
 * and the same path a user's world file takes (one engine, one data path).
 */
import type { WorldDocument } from '../generated/world-document.js';

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
 * The embedded default world: healthy accounts, one of each other behavior, and an empty one.
 *
 * @example
 * ```ts
 * createWorld({ document: DEFAULT_WORLD }); // the same world as createWorld()
 * ```
 */
export const DEFAULT_WORLD: WorldDocument = {
  seed: 42,
  accounts: [
    {
      id: DEFAULT_ACCOUNT_ID,
      name: 'Acme Widgets',
      domain: 'acme-widgets.com',
      timeZone: 'America/Los_Angeles',
      generatedUsers: 260,
    },
    {
      id: '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17',
      name: 'Nordlicht Software',
      domain: 'nordlicht-software.de',
      timeZone: 'Europe/Berlin',
      generatedUsers: 45,
    },
    {
      id: '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35',
      name: 'Saffron Analytics',
      domain: 'saffron-analytics.in',
      timeZone: 'Asia/Kolkata',
      generatedUsers: 18,
    },
    {
      id: '401a0000-0000-4000-8000-000000000401',
      name: 'Revoked Credentials Ltd',
      domain: 'revoked-credentials.example',
      timeZone: 'America/New_York',
      generatedUsers: 12,
      behavior: 'credentials-revoked',
    },
    {
      id: '429a0000-0000-4000-8000-000000000429',
      name: 'Rate Limited Corp',
      domain: 'rate-limited.example',
      timeZone: 'America/Chicago',
      generatedUsers: 150,
      behavior: 'rate-limited',
    },
    {
      id: '503a0000-0000-4000-8000-000000000503',
      name: 'Blocked Account GmbH',
      domain: 'blocked-account.example',
      timeZone: 'Europe/Berlin',
      generatedUsers: 8,
      behavior: 'account-blocked',
    },
    {
      id: 'e0e00000-0000-4000-8000-000000000000',
      name: 'Empty Startup',
      domain: 'empty-startup.example',
      timeZone: 'Europe/London',
      generatedUsers: 0,
    },
    {
      id: '100b0000-0000-4000-8000-00000000100b',
      name: 'Looping Cursor SA',
      domain: 'looping-cursor.example',
      timeZone: 'Europe/Paris',
      generatedUsers: 150,
      behavior: 'looping',
    },
    {
      id: 'f1a00000-0000-4000-8000-00000000f1a0',
      name: 'Flaky Remote Pty',
      domain: 'flaky-remote.example',
      timeZone: 'Australia/Sydney',
      generatedUsers: 30,
      behavior: 'flaky',
    },
    {
      id: '510e0000-0000-4000-8000-00000000510e',
      name: 'Slow Remote KK',
      domain: 'slow-remote.example',
      timeZone: 'Asia/Tokyo',
      generatedUsers: 20,
      behavior: 'slow',
    },
  ],
};
