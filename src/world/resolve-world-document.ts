/**
 * From a world document to the world's inputs, checked: every default filled in, every date
 * read, every id known. What the schema cannot say (a zone Intl does not know, a date that is
 * not in the calendar, an id given twice, a manager who is not a user of the account) is
 * found here, each problem at its place in the document.
 */
import type { WorldDocument, WorldDocumentAccount, WorldDocumentUser } from '../generated/world-document.js';
import { zoneCalendar } from './calendar.js';
import { parseDateTime } from './date-time.js';
import { DEFAULT_WORLD } from './default-world.js';
import { englishFakerOfOurOwn } from './english-faker.js';
import { hashString } from './hash.js';
import { readPinnedDays } from './pinned-days.js';
import type { ResolvedAccount, ResolvedWorld, StatedUser, WorldOverrides } from './resolved-world.js';
import { userId } from './user-id.js';
import { fingerprintOf } from './world-fingerprint.js';
import { schemaProblems, type WorldProblem } from './world-problems.js';

/** Users one account may have, stated and generated together. */
export const MAX_ACCOUNT_USERS = 100_000;
/** Pinned days a world may hold, ranges counted day by day. */
export const MAX_PINNED_DAYS = 2_000_000;

function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    // NFKD splits a letter from its accent; the accent goes, so Über is uber, not u-ber.
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'company' : slug;
}

function knownZone(timeZone: string): boolean {
  try {
    zoneCalendar(timeZone);
    return true;
  } catch {
    return false;
  }
}

function resolveUser(
  user: WorldDocumentUser,
  index: number,
  key: number,
  at: (string | number)[],
  problems: WorldProblem[],
): StatedUser {
  return {
    id: user.id ?? userId(key, index),
    ...(user.firstName === undefined ? {} : { firstName: user.firstName }),
    ...(user.lastName === undefined ? {} : { lastName: user.lastName }),
    ...(user.email === undefined ? {} : { email: user.email }),
    ...(user.title === undefined ? {} : { title: user.title }),
    active: user.active ?? true,
    managerId: user.managerId ?? null,
    ...(user.profile === undefined ? {} : { profile: user.profile }),
    days: user.days === undefined ? new Map() : readPinnedDays(user.days, [...at, 'days'], problems),
  };
}

/** Ids, emails and managers: each must name one user of the account. */
function checkPeople(account: ResolvedAccount, at: (string | number)[], problems: WorldProblem[]): void {
  const ids = new Map<string, number>();
  const emails = new Map<string, number>();
  account.users.forEach((user, index) => {
    const earlier = ids.get(user.id);
    if (earlier !== undefined)
      problems.push({
        path: [...at, 'users', index, 'id'],
        message: `${user.id} is already the id of users[${earlier}]`,
      });
    else ids.set(user.id, index);
    const email = user.email?.toLowerCase();
    if (email === undefined) return;
    const twice = emails.get(email);
    if (twice !== undefined)
      problems.push({ path: [...at, 'users', index, 'email'], message: `already the email of users[${twice}]` });
    else emails.set(email, index);
  });
  const stated = account.users.length;
  for (let index = stated; index < stated + account.generatedUsers; index++) {
    const id = userId(account.key, index);
    const clash = ids.get(id);
    if (clash !== undefined)
      problems.push({
        path: [...at, 'users', clash, 'id'],
        message: `${id} is also the id of generated user #${index}`,
      });
    else ids.set(id, index);
  }
  account.users.forEach((user, index) => {
    if (user.managerId === null) return;
    const path = [...at, 'users', index, 'managerId'];
    if (user.managerId === user.id) problems.push({ path, message: 'a user cannot be their own manager' });
    else if (!ids.has(user.managerId))
      problems.push({ path, message: `${user.managerId} is not a user of this account` });
  });
}

function resolveAccount(
  entry: WorldDocumentAccount,
  seed: number,
  overrides: WorldOverrides,
  at: (string | number)[],
  problems: WorldProblem[],
): ResolvedAccount {
  const id = entry.id.toLowerCase();
  const key = hashString(`${seed}:${id}`);
  const timeZone = entry.timeZone ?? 'UTC';
  if (!knownZone(timeZone))
    problems.push({
      path: [...at, 'timeZone'],
      message:
        timeZone === ''
          ? 'must be an IANA time zone such as Europe/Berlin, not empty'
          : `${timeZone} is not an IANA time zone (such as Europe/Berlin)`,
    });
  let name = entry.name;
  if (name === undefined) {
    const faker = englishFakerOfOurOwn();
    faker.seed(key);
    name = faker.company.name();
  }
  const stated = entry.users ?? [];
  const given = entry.generatedUsers ?? 0;
  const generatedUsers = given === 0 || overrides.userCount === undefined ? given : overrides.userCount;
  if (stated.length + generatedUsers > MAX_ACCOUNT_USERS)
    problems.push({
      path: [...at, 'generatedUsers'],
      message:
        overrides.userCount === undefined || given === 0
          ? `an account may have at most ${MAX_ACCOUNT_USERS} users`
          : `with the userCount option (${overrides.userCount}) and ${stated.length} stated users, this account has more than ${MAX_ACCOUNT_USERS} users`,
    });
  const account: ResolvedAccount = {
    id,
    key,
    name,
    domain: entry.domain ?? `${slugOf(name)}.example`,
    timeZone,
    behavior: entry.behavior ?? 'healthy',
    generatedUsers,
    users: stated.map((user, index) => resolveUser(user, index, key, [...at, 'users', index], problems)),
  };
  checkPeople(account, at, problems);
  return account;
}

/**
 * Resolutions of frozen documents (a world file's, frozen by its loader), by seed and user
 * count: the file is checked once when it is read, and the engine built from it does not
 * check 100,000 pinned days again. Only frozen documents: one that can change is never trusted.
 */
const resolutions = new WeakMap<object, Map<string, ResolvedWorld>>();

function resolutionKey(document: unknown, overrides: WorldOverrides): string | undefined {
  if (typeof document !== 'object' || document === null || !Object.isFrozen(document)) return undefined;
  const seed = overrides.seed ?? (document as WorldDocument).seed ?? 42;
  return `${seed}:${overrides.userCount ?? ''}`;
}

/**
 * Checks a document (anything: it may come straight from a file) and resolves it, or returns
 * every problem found.
 *
 * @example
 * const resolved = resolveWorldDocument({ accounts: [{ id: '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90' }] });
 * 'world' in resolved && resolved.world.accounts[0]?.timeZone; // 'UTC'
 */
export function resolveWorldDocument(
  document: unknown,
  overrides: WorldOverrides = {},
): { world: ResolvedWorld } | { problems: WorldProblem[] } {
  const key = resolutionKey(document, overrides);
  const known = key === undefined ? undefined : resolutions.get(document as object)?.get(key);
  if (known !== undefined) return { world: known };
  const shape = schemaProblems(document);
  // An account with a problem of shape is left out of the checks of meaning; the others are
  // still checked, so one run reports both kinds. A problem outside the accounts (the seed, a
  // key at the top) leaves nothing to check against.
  const badAccounts = new Set(shape.map((problem) => (problem.path[0] === 'accounts' ? problem.path[1] : -1)));
  if (badAccounts.has(-1) || badAccounts.has(undefined)) return { problems: shape };
  const doc = document as WorldDocument;
  const problems: WorldProblem[] = [...shape];
  const seed = overrides.seed ?? doc.seed ?? 42;
  const now = doc.now === undefined ? undefined : parseDateTime(doc.now);
  if (doc.now !== undefined && now === undefined)
    problems.push({ path: ['now'], message: `${doc.now} is not an instant in the calendar` });
  const own = (doc.accounts ?? [])
    .map((entry, index) => ({ entry, at: ['accounts', index] as (string | number)[] }))
    .filter(({ at }) => !badAccounts.has(at[1]));
  const inherited =
    doc.include === 'default'
      ? (DEFAULT_WORLD.accounts ?? []).map((entry) => ({ entry, at: ['include'] as (string | number)[] }))
      : [];
  const accounts: ResolvedAccount[] = [];
  const seen = new Map<string, string>();
  let pinned = 0;
  for (const { entry, at } of [...inherited, ...own]) {
    const account = resolveAccount(entry, seed, overrides, at, problems);
    const earlier = seen.get(account.id);
    if (earlier !== undefined)
      problems.push({ path: [...at, 'id'], message: `${entry.id} is already the id of ${earlier}` });
    seen.set(account.id, at[0] === 'include' ? 'a default account (include: default)' : `accounts[${at[1]}]`);
    for (const user of account.users) pinned += user.days.size;
    accounts.push(account);
  }
  if (pinned > MAX_PINNED_DAYS)
    problems.push({
      path: ['accounts'],
      message: `a world may pin at most ${MAX_PINNED_DAYS} days, ranges counted day by day (this one pins ${pinned})`,
    });
  if (problems.length > 0) return { problems };
  const world: ResolvedWorld = { seed, now, accounts, fingerprint: fingerprintOf(seed, accounts) };
  if (key !== undefined) {
    const byKey = resolutions.get(document as object) ?? new Map<string, ResolvedWorld>();
    byKey.set(key, world);
    resolutions.set(document as object, byKey);
  }
  return { world };
}
