/**
 * The world file's types, generated from world.schema.json (one source for the schema, the
 * validator and the types), named here with examples.
 */
import type * as Generated from '../generated/world-document.js';

/**
 * A world document: what a world file holds, parsed.
 *
 * @example
 * ```ts
 * const world: WorldDocument = { seed: 7, accounts: [{ id: '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90', generatedUsers: 5 }] };
 * ```
 */
export type WorldDocument = Generated.WorldDocument;

/**
 * One account of a world document.
 *
 * @example
 * ```ts
 * const account: WorldDocumentAccount = { id: '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90', timeZone: 'Europe/Berlin', behavior: 'flaky' };
 * ```
 */
export type WorldDocumentAccount = Generated.WorldDocumentAccount;

/**
 * One stated user of an account.
 *
 * @example
 * ```ts
 * const ada: WorldDocumentUser = { id: '7010000000000000001', firstName: 'Ada', profile: 'inactive', days: { '2026-10-05': { calls: 3, patience: 0.4 } } };
 * ```
 */
export type WorldDocumentUser = Generated.WorldDocumentUser;

/**
 * One pinned day (or every day of a range).
 *
 * @example
 * ```ts
 * const day: PinnedDay = { calls: 3, longestMonologue: 310, patience: 0.4 };
 * ```
 */
export type PinnedDay = Generated.PinnedDay;
