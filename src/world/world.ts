/**
 * The seeded world: integrated accounts, each a Gong company with users whose daily stats
 * are pure functions of (seed, account, user, day). Only the user lists are kept (they are
 * small, immutable and deterministic); stats are computed on demand for every query.
 */
import { zoneCalendar, type ZoneCalendar } from './calendar.js';
import type { StatTotals } from './daily-stats.js';
import { createDayTables } from './day-tables.js';
import { hashString } from './hash.js';
import { DEFAULT_ACCOUNTS, type AccountSpec } from './account-spec.js';
import { generateUsers, type WorldUser } from './users.js';

/**
 * Options of the world; every one is optional.
 *
 * @example
 * ```ts
 * const options: WorldOptions = { seed: 7, userCount: 20 }; // every account with 20 users
 * ```
 */
export interface WorldOptions {
  /** Seed of everything generated. Default 42. */
  seed?: number;
  /** The accounts. Default: the embedded default accounts (`DEFAULT_ACCOUNTS`). */
  accounts?: readonly AccountSpec[];
  /** Overrides every account's number of users (an account with none stays empty). Default: each account's own. */
  userCount?: number;
}

/**
 * One integrated account of the world: its spec, its users, and its stats on demand.
 *
 * @example
 * ```ts
 * const account = createWorld().account(DEFAULT_ACCOUNT_ID)!;
 * account.timeZone; // 'America/Los_Angeles'
 * account.users()[0]?.gong.id; // a Gong user id
 * ```
 */
export interface WorldAccount extends AccountSpec {
  /** Hash key of the account, derived from the seed and its id. */
  readonly key: number;
  /** The account's time zone as a calendar: local days, their first instants, offsets. */
  readonly zone: ZoneCalendar;
  /** The account's users in Gong's order (generated once, on first use). */
  users(): readonly WorldUser[];
  /** The user's totals over local days [fromDay, toDay), or undefined without calls. */
  totals(user: WorldUser, fromDay: number, toDay: number): StatTotals | undefined;
  /** Whether the user had calls on local days [fromDay, toDay): cheap for any window. */
  hasCalls(user: WorldUser, fromDay: number, toDay: number): boolean;
}

/**
 * The seeded world every door answers from: the same options make the same world, so two
 * servers (or a server and a browser) give the same answers.
 *
 * @example
 * ```ts
 * const world = createWorld({ seed: 42 });
 * world.accounts.length; // 10, the default accounts
 * world.account('62f44730-dd91-461e-bd6a-aedd9e0ad79d')?.name; // 'Acme Widgets'
 * ```
 */
export interface World {
  /** The seed everything was generated from. */
  readonly seed: number;
  /** Every account, in the order of the options' `accounts`. */
  readonly accounts: readonly WorldAccount[];
  /** The account with this id (in any case: ids are UUIDs), or undefined. */
  account(id: string): WorldAccount | undefined;
}

/**
 * A misuse of the world's options (a programming error, not a client's bad request).
 *
 * @example
 * ```ts
 * createWorld({ seed: -1 }); // throws WorldOptionsError: seed must be a non-negative integer, got -1
 * ```
 */
export class WorldOptionsError extends Error {
  override name = 'WorldOptionsError';
}

function checkOptions(seed: number, accounts: readonly AccountSpec[], userCount: number | undefined): void {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new WorldOptionsError(`seed must be a non-negative integer, got ${seed}`);
  if (userCount !== undefined && (!Number.isSafeInteger(userCount) || userCount < 0 || userCount > 100_000)) {
    throw new WorldOptionsError(`userCount must be an integer from 0 to 100000, got ${userCount}`);
  }
  const ids = new Set<string>();
  for (const spec of accounts) {
    const id = spec.id.toLowerCase();
    if (ids.has(id)) throw new WorldOptionsError(`account ${spec.id} is listed twice`);
    ids.add(id);
  }
}

function createAccount(seed: number, given: AccountSpec, userCount: number): WorldAccount {
  // UUIDs compare case-insensitively: stored lower-case, as every caller looks them up.
  const spec = { ...given, id: given.id.toLowerCase() };
  const key = hashString(`${seed}:${spec.id}`);
  const zone = zoneCalendar(spec.timeZone);
  const slug = spec.domain.split('.')[0] ?? spec.domain;
  let users: readonly WorldUser[] | undefined;
  const tables = createDayTables();
  return {
    ...spec,
    userCount,
    key,
    zone,
    users() {
      users ??= Object.freeze(generateUsers(seed, { key, domain: spec.domain, slug, zone }, userCount));
      return users;
    },
    totals(user, fromDay, toDay) {
      const totals = tables.totalsOver(user, fromDay, toDay);
      return totals.calls === 0 ? undefined : totals;
    },
    hasCalls(user, fromDay, toDay) {
      return tables.callsOver(user, fromDay, toDay) > 0;
    },
  };
}

/**
 * Builds a world. Same options, same world, in any process on any machine.
 *
 * @example
 * const world = createWorld({ seed: 7 });
 * world.account('62f44730-dd91-461e-bd6a-aedd9e0ad79d')?.users().length; // 260
 */
export function createWorld(options: WorldOptions = {}): World {
  const { seed = 42, accounts = DEFAULT_ACCOUNTS, userCount } = options;
  checkOptions(seed, accounts, userCount);
  const built = accounts.map((spec) =>
    createAccount(seed, spec, spec.userCount === 0 ? 0 : (userCount ?? spec.userCount)),
  );
  const byId = new Map(built.map((account) => [account.id, account]));
  return {
    seed,
    accounts: built,
    account: (id) => byId.get(id) ?? byId.get(id.toLowerCase()),
  };
}
