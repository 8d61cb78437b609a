/**
 * The Gong users of an account. Names, titles and phones come from a seeded faker instance
 * (never the global one), re-seeded for every user so that user k is the same whatever else
 * was generated; ids, dates and flags come from the integer hash. What costs (faker's draws,
 * the dates' formatting) is done when first read, so a first answer pays only for its people.
 */
import type { Faker } from '@faker-js/faker';
import { englishFakerOfOurOwn } from './english-faker.js';
import type { GongUser } from '../schema-types.js';
import { mix2, mix3, unit } from './hash.js';
import type { ZoneCalendar } from './calendar.js';
import { parseIsoDate } from './calendar.js';
import { drawnDay, type DayValues } from './daily-stats.js';
import { PINNED_STATS, type PinnedValues } from './pinned-days.js';
import type { StatedUser } from './resolved-world.js';
import { userId } from './user-id.js';
import { userProfile, type UserProfile } from './user-profile.js';

/**
 * A stated user's pinned days, every stat settled, and the span they cover.
 *
 * @example
 * ```ts
 * user.pinned?.days.get(parseIsoDate('2026-10-05')!)?.patience; // 40: 0.4 s in hundredths
 * ```
 */
export interface PinnedSpan {
  days: ReadonlyMap<number, DayValues>;
  /** First pinned day. */
  first: number;
  /** The day after the last pinned day. */
  end: number;
}

/** A user of the world: Gong's view of them plus what drives their stats. */
export interface WorldUser {
  /** Position in the account's user list (Gong's order). */
  index: number;
  /** The hash key every number about this user is derived from. */
  key: number;
  /** Gong's id of the user (`gong.id`), known without building the whole record. */
  id: string;
  /** The user's address (`gong.emailAddress`), known without building the whole record. */
  readonly emailAddress: string;
  /**
   * Gong's record of the user, built on first read: only `/v2/users` needs it, and its phone,
   * token and dates cost most of a user's drawing, which every test file's first answer paid.
   */
  readonly gong: GongUser;
  profile: UserProfile;
  /** First local day with calls. */
  firstDay: number;
  /** First local day without calls for good (deactivated users), or Infinity. */
  endDay: number;
  /** Days a world file pins for this user: they replace the generator's, even outside [firstDay, endDay). */
  pinned?: PinnedSpan;
}

const SALES_TITLES = [
  'Account Executive',
  'Senior Account Executive',
  'Enterprise Account Executive',
  'Sales Development Representative',
  'Customer Success Manager',
  'Solutions Engineer',
  'Account Manager',
] as const;
const MANAGER_TITLES = ['Sales Manager', 'Director of Sales', 'VP of Sales', 'Customer Success Lead'] as const;
const LANGUAGES = ['en-US', 'en-GB', 'es-ES', 'de-DE', 'fr-FR'] as const;

/** Every tenth user manages a team; the first user heads the company's sales. */
function isManager(index: number): boolean {
  return index % 10 === 0;
}

// Users join between 2019-01-01 and 2025-06-30, so every window from mid-2025 on is busy.
const FIRST_JOIN_DAY = parseIsoDate('2019-01-01') as number;
const JOIN_SPAN_DAYS = (parseIsoDate('2025-06-30') as number) - FIRST_JOIN_DAY;

/**
 * What users are generated from: the account's hash key, its email domain and slug, its zone.
 *
 * @example
 * ```ts
 * generateUsers(seed, { key, domain: 'acme-widgets.com', slug: 'acme-widgets', zone }, 260);
 * ```
 */
export interface AccountIdentity {
  /** The account's hash key (see `WorldAccount.key`). */
  key: number;
  /** The company's email domain: users' addresses end with it. */
  domain: string;
  /** The domain's first label: it names the company in users' meeting-consent URLs. */
  slug: string;
  /** The company's calendar: users' `created` instants are its local times. */
  zone: ZoneCalendar;
}

/** A pinned day with every stat: those not stated drawn as the generator would for that day. */
function settleDay(values: PinnedValues, profile: UserProfile, key: number, day: number): DayValues {
  if (values.calls === 0)
    return {
      calls: 0,
      longestMonologue: 0,
      longestCustomerStory: 0,
      interactivity: 0,
      patience: 0,
      questionRate: 0,
      talkRatio: 0,
    };
  const settled = drawnDay(profile, key, day, values.calls);
  for (const stat of PINNED_STATS) {
    const value = values[stat];
    if (value !== undefined) settled[stat] = value;
  }
  return settled;
}

function pinnedSpan(stated: StatedUser, profile: UserProfile, key: number): PinnedSpan | undefined {
  if (stated.days.size === 0) return undefined;
  const days = new Map<number, DayValues>();
  let first = Infinity;
  let last = -Infinity;
  for (const [day, values] of stated.days) {
    days.set(day, settleDay(values, profile, key, day));
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return { days, first, end: last + 1 };
}

/**
 * The address's part before the `@`: the names' letters a-z, joined by a dot. A name with
 * none of them (李, Ødegård's Ø stays out) leaves no dot at either end or twice in a row: an
 * address's local part may not have one there; with no letters at all it is `user`.
 */
function localPart(firstName: string, lastName: string): string {
  const local = `${firstName}.${lastName}`
    .toLowerCase()
    .replace(/[^a-z.]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.|\.$/g, '');
  return local === '' ? 'user' : local;
}

/** A user's names and address. */
interface UserNames {
  firstName: string;
  lastName: string;
  /** The address's part before the `@`, without a number added. */
  local: string;
  email: string;
}

/** What is worked out of a user up front: enough for the stats. */
interface DrawnUser {
  key: number;
  given: StatedUser | undefined;
  manager: boolean;
  names: UserNames;
  id: string;
  managerId: string | null;
  active: boolean;
  firstDay: number;
}

/**
 * A user's Gong record. Its faker draws replay the user's own sequence from the user's seed
 * (names, then title, language, phone and token), so it is the same whenever it is built.
 */
function gongRecord(faker: Faker, account: AccountIdentity, user: DrawnUser): GongUser {
  const { key, given, manager, names, id, managerId, active, firstDay } = user;
  const { firstName, lastName, local, email } = names;
  faker.seed(key);
  if (given?.firstName === undefined) faker.person.firstName();
  if (given?.lastName === undefined) faker.person.lastName();
  const title = given?.title ?? faker.helpers.arrayElement(manager ? MANAGER_TITLES : SALES_TITLES);
  const language = unit(mix2(key, 26)) < 0.8 ? 'en-US' : faker.helpers.arrayElement(LANGUAGES);
  const createdMs = account.zone.startOfDay(firstDay - 3) + Math.floor(unit(mix2(key, 24)) * 36_000_000);
  const phoneDigits = String(1000 + (mix2(key, 25) % 9000));
  return {
    id,
    emailAddress: email,
    created: account.zone.formatInstant(createdMs),
    active,
    emailAliases: [],
    trustedEmailAddress: email,
    firstName,
    lastName,
    title,
    phoneNumber: `+1 ${faker.phone.number({ style: 'national' })}`,
    extension: phoneDigits,
    personalMeetingUrls: [`https://zoom.us/j/${mix2(key, 27)}${phoneDigits}`],
    settings: {
      webConferencesRecorded: true,
      preventWebConferenceRecording: false,
      telephonyCallsImported: unit(mix2(key, 28)) < 0.7,
      emailsImported: unit(mix2(key, 29)) < 0.8,
      preventEmailImport: false,
      nonRecordedMeetingsImported: unit(mix2(key, 30)) < 0.5,
    },
    managerId,
    meetingConsentPageUrl: `https://join.gong.io/${account.slug}/${local}?tkn=${faker.string.alphanumeric(22)}`,
    spokenLanguages: [{ language, primary: true }],
  };
}

/** What a user's lazy fields are made from. */
interface LazyFields {
  email: () => string;
  gong: () => GongUser;
}

/** Where a user keeps its LazyFields: a symbol and not enumerable, so no copy or JSON shows it. */
const LAZY = Symbol('lazy user fields');
/**
 * Where a user keeps its address once known: the stats read it for every person of every page,
 * and a field read is what V8 inlines; a call through each user's own closure was not (it
 * showed in a distinct page's profile).
 */
const EMAIL = Symbol('user email address');
type WithLazy = WorldUser & { [LAZY]: LazyFields; [EMAIL]: string | undefined };

/**
 * The lazy fields' getters, one function each for every user: a getter made per user gives
 * every user a hidden class of its own, and the stats' reads of a user's plain fields (every
 * user of every request) then miss V8's inline caches and go the slow, megamorphic way.
 */
const EMAIL_ADDRESS: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazy) {
    return this[EMAIL] ?? (this[EMAIL] = this[LAZY].email());
  },
};
const GONG: PropertyDescriptor = {
  enumerable: true,
  get(this: WithLazy) {
    return this[LAZY].gong();
  },
};

/** A user's plain fields. */
type PlainFields = Omit<WorldUser, 'emailAddress' | 'gong'>;

/**
 * A user object. Built field by field, the two lazy fields with defineProperty and getters
 * shared by every user: an object literal with a getter in it is made in V8's slow dictionary
 * mode, and a getter made per user gives each user a hidden class of its own; the stats read a
 * user's fields for every user of every request, so either showed in a distinct page's profile.
 */
function worldUser(fields: PlainFields, lazy: LazyFields): WorldUser {
  const { index, key, id, firstDay, endDay, profile, pinned } = fields;
  const user = { index, key, id } as { -readonly [K in keyof WithLazy]: WithLazy[K] };
  Object.defineProperty(user, 'emailAddress', EMAIL_ADDRESS);
  user.firstDay = firstDay;
  user.endDay = endDay;
  user.profile = profile;
  if (pinned !== undefined) user.pinned = pinned;
  Object.defineProperty(user, 'gong', GONG);
  Object.defineProperty(user, LAZY, { value: lazy });
  Object.defineProperty(user, EMAIL, { value: undefined, writable: true });
  return user;
}

/**
 * Made once, before any real user: the hidden class of a user starts with its number fields in
 * their widest form (not small integers). A hash key below 2^30 is a small integer to V8 and the
 * next user's may not be; widening a field after users were made leaves them to be moved to the
 * new class, and V8 moved the first user to slow dictionary mode instead. Its address is read
 * once, so the field that keeps an address holds a text from the start, as it will.
 */
void worldUser(
  { index: 0.5, key: 0.5, id: '', firstDay: 0.5, endDay: 0.5, profile: userProfile(0, false) },
  { email: () => '', gong: () => ({}) as GongUser },
).emailAddress;

/**
 * Generates the account's users in Gong's order: the stated ones first (what they state kept,
 * the rest drawn as for anyone at their place), then `count` generated ones.
 */
export function generateUsers(
  seed: number,
  account: AccountIdentity,
  count: number,
  stated: readonly StatedUser[] = [],
): WorldUser[] {
  const faker = englishFakerOfOurOwn();
  // Stated addresses are taken first: a generated user with the same name gets a number.
  const usedEmails = new Set<string>(
    stated.flatMap((user) => (user.email === undefined ? [] : [user.email.toLowerCase()])),
  );
  // An address depends on every earlier user's names (a second John Smith gets john.smith2@),
  // so names are drawn in order, but only as far as asked: a first page needs its own people's.
  const named: UserNames[] = [];
  const namesOf = (index: number): UserNames => {
    for (let next = named.length; next <= index; next++) {
      const given = stated[next];
      if (given?.firstName === undefined || given.lastName === undefined) faker.seed(mix3(seed, account.key, next));
      const firstName = given?.firstName ?? faker.person.firstName();
      const lastName = given?.lastName ?? faker.person.lastName();
      const local = localPart(firstName, lastName);
      let email = given?.email;
      if (email === undefined) {
        email = `${local}@${account.domain}`;
        for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${account.domain}`;
        usedEmails.add(email);
      }
      named.push({ firstName, lastName, local, email });
    }
    return named[index] as UserNames;
  };
  const users: WorldUser[] = [];
  for (let index = 0; index < stated.length + count; index++) {
    const given = stated[index];
    const key = mix3(seed, account.key, index);
    const manager = isManager(index);
    const firstDay = FIRST_JOIN_DAY + Math.floor(unit(mix2(key, 21)) * JOIN_SPAN_DAYS);
    // About one user in fifteen has left the company; they keep their history.
    const active = given?.active ?? unit(mix2(key, 22)) >= 0.066;
    const endDay = active ? Infinity : firstDay + 120 + Math.floor(unit(mix2(key, 23)) * 900);
    const id = given?.id ?? userId(account.key, index);
    const managerIndex = index === 0 ? undefined : manager ? 0 : index - (index % 10);
    const managerId =
      given !== undefined ? given.managerId : managerIndex === undefined ? null : (users[managerIndex]?.id ?? null);
    const profile = userProfile(key, manager, given?.profile);
    const pinned = given === undefined ? undefined : pinnedSpan(given, profile, key);
    let gong: GongUser | undefined;
    const lazy: LazyFields = {
      email: () => namesOf(index).email,
      gong: () =>
        (gong ??= gongRecord(faker, account, {
          key,
          given,
          manager,
          names: namesOf(index),
          id,
          managerId,
          active,
          firstDay,
        })),
    };
    const user = worldUser({ index, key, id, firstDay, endDay, profile, pinned }, lazy);
    users.push(user);
  }
  return users;
}
