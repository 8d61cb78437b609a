/**
 * The people of a stats window: every user of the request with calls in it, in Gong's order.
 * Asked for the first time, who they are comes from running sums of calls (two reads per
 * user; without a user filter, the account's calls tables answer for everyone at once) and
 * totals are worked out only for the people a page shows. Asked for again soon (a walk; see
 * `createWindowCache`), everyone's totals are worked out in one pass and kept, and the later
 * pages cost nothing.
 * Packed in one Float64Array, so a kept window gives the garbage collector next to nothing
 * to trace.
 */
import type { StatTotals } from '../world/daily-stats.js';
import type { WorldUser } from '../world/users.js';
import type { WorldAccount } from '../world/world.js';
import type { StatsRequest } from './parse-stats-request.js';

/** Numbers kept per person: the user's index in the account, then the fields of StatTotals. */
const FIELDS = 8;
/** Calls of a person whose totals are not worked out yet: everyone listed has at least one. */
const NOT_YET = 0;

/**
 * People of a window, FIELDS numbers each (see `personAt`). It holds the window's days, not
 * the request: a kept window must not keep the request's cursor and user filter alive.
 *
 * @example
 * ```ts
 * const people: WindowPeople = windowPeople(account, request);
 * personAt(people, 0).totals; // the first listed person's totals over the window
 * ```
 */
export interface WindowPeople {
  /** The account whose users these are. */
  readonly account: WorldAccount;
  /** First local day counted (inclusive). */
  readonly fromDay: number;
  /** First local day not counted (exclusive). */
  readonly toDay: number;
  /** How many people. */
  readonly count: number;
  /** Each person's user index and totals, FIELDS numbers a person. */
  readonly packed: Float64Array;
}

/**
 * Bytes a kept window costs besides its packed numbers and its key's characters: the object,
 * the Float64Array and its buffer, the cache's Map entry. Measured (heap after GC, 9,000 empty
 * windows) at about 320 bytes; rounded up.
 */
export const WINDOW_ENTRY_OVERHEAD = 400;

/**
 * What a kept window costs, key included: the key names the filter (its user ids too), and
 * an empty window is mostly key and bookkeeping.
 *
 * @example
 * ```ts
 * const windows = keptOnSecondOffer(createLruCache(16 << 20, weighWindowPeople), 64);
 * ```
 */
export function weighWindowPeople(people: WindowPeople, key: string): number {
  return WINDOW_ENTRY_OVERHEAD + key.length + people.packed.byteLength;
}

/** Whether the request's `userIds` filter, if any, lets the user in. */
function isAsked(request: StatsRequest, user: WorldUser): boolean {
  return request.userIds === undefined || request.userIds.has(user.id);
}

/**
 * Every user of the request with calls in its window.
 *
 * @example
 * windowPeople(account, request).count; // how many people Gong lists
 */
export function windowPeople(account: WorldAccount, request: StatsRequest): WindowPeople {
  const { fromDay, toDay } = request;
  // Without a user filter, who had calls is read from the account's tables without looking at
  // each user: the users are objects spread over the heap, one cache miss each.
  const indexes =
    request.userIds === undefined
      ? account.usersWithCalls(fromDay, toDay)
      : account
          .users()
          .filter((user) => isAsked(request, user) && account.hasCalls(user, fromDay, toDay))
          .map((user) => user.index);
  const packed = new Float64Array(indexes.length * FIELDS);
  indexes.forEach((index, i) => (packed[i * FIELDS] = index));
  return { account, fromDay, toDay, count: indexes.length, packed };
}

/**
 * Every user of the request with calls in its window, with everyone's totals: one pass over
 * the users, reading each one's day tables once.
 */
export function windowPeopleWithTotals(account: WorldAccount, request: StatsRequest): WindowPeople {
  const users = account.users();
  const all = new Float64Array(users.length * FIELDS);
  let count = 0;
  for (const user of users) {
    if (!isAsked(request, user)) continue;
    const totals = account.totals(user, request.fromDay, request.toDay);
    if (totals === undefined) continue;
    pack(all, count * FIELDS, user.index, totals);
    count++;
  }
  // Kept for later pages: only as large as the people found.
  return { account, fromDay: request.fromDay, toDay: request.toDay, count, packed: all.slice(0, count * FIELDS) };
}

function pack(packed: Float64Array, at: number, index: number, totals: StatTotals): void {
  packed[at] = index;
  packed[at + 1] = totals.calls;
  packed[at + 2] = totals.longestMonologue;
  packed[at + 3] = totals.longestCustomerStory;
  packed[at + 4] = totals.interactivityWeighted;
  packed[at + 5] = totals.patienceWeighted;
  packed[at + 6] = totals.questionRateWeighted;
  packed[at + 7] = totals.talkRatioWeighted;
}

/** The `i`th person of the window: the user and their totals, worked out on first use. */
export function personAt(people: WindowPeople, i: number): { user: WorldUser; totals: StatTotals } {
  const { account, fromDay, toDay, packed } = people;
  const at = i * FIELDS;
  const user = account.users()[packed[at] as number] as WorldUser;
  if (packed[at + 1] === NOT_YET) {
    const totals = account.totals(user, fromDay, toDay);
    if (totals === undefined) throw new Error(`user ${user.id} is listed in a window without calls in it`);
    pack(packed, at, user.index, totals);
  }
  return {
    user,
    totals: {
      calls: packed[at + 1] as number,
      longestMonologue: packed[at + 2] as number,
      longestCustomerStory: packed[at + 3] as number,
      interactivityWeighted: packed[at + 4] as number,
      patienceWeighted: packed[at + 5] as number,
      questionRateWeighted: packed[at + 6] as number,
      talkRatioWeighted: packed[at + 7] as number,
    },
  };
}
