/**
 * The Gong users of an account. Names, titles and phones come from a seeded faker instance
 * (never the global one), re-seeded for every user so that user k is the same whatever else
 * was generated; ids, dates and flags come from the integer hash.
 */
import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { GongUser } from '../schema-types.js';
import { mix2, mix3, unit } from './hash.js';
import type { ZoneCalendar } from './calendar.js';
import { parseIsoDate } from './calendar.js';
import { userProfile, type UserProfile } from './user-profile.js';

/** A user of the world: Gong's view of them plus what drives their stats. */
export interface WorldUser {
  /** Position in the account's user list (Gong's order). */
  index: number;
  /** The hash key every number about this user is derived from. */
  key: number;
  gong: GongUser;
  profile: UserProfile;
  /** First local day with calls. */
  firstDay: number;
  /** First local day without calls for good (deactivated users), or Infinity. */
  endDay: number;
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

/** Gong-style numeric ids: a company-wide base and a per-company stride keep them unique. */
function userId(accountKey: number, index: number): string {
  const baseId = 100_000_000_000_000 + Math.floor(unit(mix2(accountKey, 1)) * 700_000_000_000_000);
  const stride = 1_000_003 + Math.floor(unit(mix2(accountKey, 2)) * 8_000_000);
  return String(baseId + index * stride);
}

/**
 * A private faker with the English definitions. The English-only entry loads in a tenth of the
 * time of the main one (which holds every locale), and every test file that imports the kit pays
 * that load; its class and merged definitions (`en` over `base`, as `[en, base]` merges them)
 * make an instance of our own, so the shared one is never reseeded under its other users.
 */
function englishFakerOfOurOwn(): Faker {
  const FakerClass = englishFaker.constructor as typeof Faker;
  return new FakerClass({ locale: englishFaker.rawDefinitions });
}

/** Generates the account's users in Gong's order. */
export function generateUsers(seed: number, account: AccountIdentity, count: number): WorldUser[] {
  const faker = englishFakerOfOurOwn();
  const usedEmails = new Set<string>();
  const users: WorldUser[] = [];
  for (let index = 0; index < count; index++) {
    const key = mix3(seed, account.key, index);
    faker.seed(key);
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const manager = isManager(index);
    const title = faker.helpers.arrayElement(manager ? MANAGER_TITLES : SALES_TITLES);
    const local = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    let email = `${local}@${account.domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${account.domain}`;
    usedEmails.add(email);

    const firstDay = FIRST_JOIN_DAY + Math.floor(unit(mix2(key, 21)) * JOIN_SPAN_DAYS);
    // About one user in fifteen has left the company; they keep their history.
    const active = unit(mix2(key, 22)) >= 0.066;
    const endDay = active ? Infinity : firstDay + 120 + Math.floor(unit(mix2(key, 23)) * 900);
    const createdMs = account.zone.startOfDay(firstDay - 3) + Math.floor(unit(mix2(key, 24)) * 36_000_000);
    const id = userId(account.key, index);
    const managerIndex = index === 0 ? undefined : manager ? 0 : index - (index % 10);
    const phoneDigits = String(1000 + (mix2(key, 25) % 9000));
    const language = unit(mix2(key, 26)) < 0.8 ? 'en-US' : faker.helpers.arrayElement(LANGUAGES);

    users.push({
      index,
      key,
      firstDay,
      endDay,
      profile: userProfile(key, manager),
      gong: {
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
        managerId: managerIndex === undefined ? null : userId(account.key, managerIndex),
        meetingConsentPageUrl: `https://join.gong.io/${account.slug}/${local}?tkn=${faker.string.alphanumeric(22)}`,
        spokenLanguages: [{ language, primary: true }],
      },
    });
  }
  return users;
}
