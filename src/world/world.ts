/**
 * The world: integrated accounts, each a Gong company with users whose daily stats are pure
 * functions of (seed, account, user, day), except the days a world document pins. Every world
 * comes from a document (the embedded default is one); only the user lists are kept (small,
 * immutable, deterministic) and stats are computed on demand for every query.
 */
import type { WorldDocument } from '../generated/world-document.js';
import type { AccountSpec } from './account-spec.js';
import { zoneCalendar, type ZoneCalendar } from './calendar.js';
import type { StatTotals } from './daily-stats.js';
import { createDayTables } from './day-tables.js';
import { DEFAULT_WORLD } from './default-world.js';
import { resolveWorldDocument } from './resolve-world-document.js';
import type { ResolvedAccount } from './resolved-world.js';
import { generateUsers, type WorldUser } from './users.js';
import { formatWorldProblem, type WorldProblem } from './world-problems.js';

/**
 * Options of the world; every one is optional.
 *
 * @example
 * ```ts
 * const options: WorldOptions = { seed: 7, userCount: 20 }; // every account with 20 users
 * ```
 */
export interface WorldOptions {
  /** The world document: a user's world file, parsed. Default: the embedded default world (`DEFAULT_WORLD`). */
  document?: WorldDocument;
  /** Replaces the document's seed (default 42 when the document names none). */
  seed?: number;
  /** The accounts, in place of the document's (the older way to state them). */
  accounts?: readonly AccountSpec[];
  /** Overrides every account's number of generated users (an account with none stays empty). */
  userCount?: number;
}

/**
 * One integrated account of the world: its spec, its users, and its stats on demand.
 *
 * @example
 * ```ts
 * const account = createWorld().account(DEFAULT_ACCOUNT_ID)!;
 * account.timeZone; // 'America/Los_Angeles'
 * account.users()[0]?.id; // a Gong user id
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
  /** The indexes, in order, of the users with calls on local days [fromDay, toDay). */
  usersWithCalls(fromDay: number, toDay: number): readonly number[];
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
  /** The document's `now` (epoch ms): Gong's current instant unless the options name one. */
  readonly now: number | undefined;
  /** Changes whenever anything the answers come from changes; cursors carry it. */
  readonly fingerprint: string;
  /** The world document served: the one given, with the options' seed and user count applied. */
  readonly document: WorldDocument;
  /** Every account, in the order of the options' `accounts`. */
  readonly accounts: readonly WorldAccount[];
  /** The account with this id (in any case: ids are UUIDs), or undefined. */
  account(id: string): WorldAccount | undefined;
}

/**
 * A world that cannot be built: the document's problems, each with its place in the document.
 *
 * @example
 * ```ts
 * createWorld({ document: { accounts: [{ id: 'x' }] } });
 * // throws WorldOptionsError: accounts[0].id: must be a UUID such as 5c2e8f1a-...
 * ```
 */
export class WorldOptionsError extends Error {
  override name = 'WorldOptionsError';
  /** Every problem found, in document order. */
  readonly problems: readonly WorldProblem[];

  constructor(problems: readonly WorldProblem[]) {
    super(problems.map(formatWorldProblem).join('\n'));
    this.problems = problems;
  }
}

function checkOptions(seed: number | undefined, userCount: number | undefined): WorldProblem[] {
  const problems: WorldProblem[] = [];
  if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0))
    problems.push({ path: ['seed'], message: `must be a non-negative integer, got ${seed}` });
  if (userCount !== undefined && (!Number.isSafeInteger(userCount) || userCount < 0 || userCount > 100_000))
    problems.push({ path: ['userCount'], message: `must be an integer from 0 to 100000, got ${userCount}` });
  return problems;
}

/** The older `accounts` option, as a document's accounts. */
function documentOf(accounts: readonly AccountSpec[]): WorldDocument {
  return {
    accounts: accounts.map(({ id, name, domain, timeZone, userCount, behavior }) => ({
      id,
      name,
      domain,
      timeZone,
      generatedUsers: userCount,
      ...(behavior === undefined ? {} : { behavior }),
    })),
  };
}

function createAccount(seed: number, spec: ResolvedAccount): WorldAccount {
  const { key, id, name, domain, timeZone, behavior, users: stated } = spec;
  const zone = zoneCalendar(timeZone);
  const slug = domain.split('.')[0] ?? domain;
  let users: readonly WorldUser[] | undefined;
  const usersOf = (): readonly WorldUser[] =>
    (users ??= Object.freeze(generateUsers(seed, { key, domain, slug, zone }, spec.generatedUsers, stated)));
  const tables = createDayTables(usersOf);
  return {
    id,
    name,
    domain,
    timeZone,
    behavior,
    userCount: stated.length + spec.generatedUsers,
    key,
    zone,
    users: usersOf,
    totals(user, fromDay, toDay) {
      const totals = tables.totalsOver(user, fromDay, toDay);
      return totals.calls === 0 ? undefined : totals;
    },
    hasCalls(user, fromDay, toDay) {
      return tables.callsOver(user, fromDay, toDay) > 0;
    },
    usersWithCalls(fromDay, toDay) {
      return tables.usersWithCalls(fromDay, toDay);
    },
  };
}

/**
 * Builds a world from a document (default: the embedded one); throws WorldOptionsError with
 * every problem when it cannot. Same document and options, same world, on any machine.
 *
 * @example
 * const world = createWorld({ seed: 7 });
 * world.account('62f44730-dd91-461e-bd6a-aedd9e0ad79d')?.users().length; // 260
 */
export function createWorld(options: WorldOptions = {}): World {
  const { seed, accounts, userCount } = options;
  const optionProblems = checkOptions(seed, userCount);
  if (optionProblems.length > 0) throw new WorldOptionsError(optionProblems);
  const document =
    accounts === undefined ? (options.document ?? DEFAULT_WORLD) : { ...options.document, ...documentOf(accounts) };
  const resolved = resolveWorldDocument(document, {
    ...(seed === undefined ? {} : { seed }),
    ...(userCount === undefined ? {} : { userCount }),
  });
  if ('problems' in resolved) throw new WorldOptionsError(resolved.problems);
  const { world } = resolved;
  const served: WorldDocument = {
    ...document,
    seed: world.seed,
    ...(userCount === undefined || document.accounts === undefined
      ? {}
      : {
          accounts: document.accounts.map((account) =>
            (account.generatedUsers ?? 0) === 0 ? account : { ...account, generatedUsers: userCount },
          ),
        }),
  };
  const built = world.accounts.map((spec) => createAccount(world.seed, spec));
  const byId = new Map(built.map((account) => [account.id, account]));
  return {
    seed: world.seed,
    now: world.now,
    fingerprint: world.fingerprint,
    document: served,
    accounts: built,
    account: (id) => byId.get(id) ?? byId.get(id.toLowerCase()),
  };
}
