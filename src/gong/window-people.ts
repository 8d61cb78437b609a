/**
 * The people of a stats window: every user of the request with calls in it, in Gong's order.
 * Who they are is cheap to find (two reads of running sums per user); their totals are worked
 * out only for the people a page shows, unless the window is kept (see
 * `MockContext.windowPeople`: a window asked for again soon is being walked), when everyone's
 * are worked out at once and its later pages cost nothing.
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

/** People of a window, FIELDS numbers each (see `personAt`). */
export interface WindowPeople {
  readonly account: WorldAccount;
  readonly request: StatsRequest;
  readonly count: number;
  readonly packed: Float64Array;
}

/**
 * Every user of the request with calls in its window.
 *
 * @example
 * windowPeople(account, request).count; // how many people Gong lists
 */
export function windowPeople(account: WorldAccount, request: StatsRequest): WindowPeople {
  const indexes: number[] = [];
  for (const user of account.users()) {
    if (request.userIds !== undefined && !request.userIds.has(user.gong.id)) continue;
    if (account.hasCalls(user, request.fromDay, request.toDay)) indexes.push(user.index);
  }
  const packed = new Float64Array(indexes.length * FIELDS);
  indexes.forEach((index, i) => (packed[i * FIELDS] = index));
  return { account, request, count: indexes.length, packed };
}

/** Works out the totals of every person of the window not worked out yet. */
export function workOutEveryone(people: WindowPeople): void {
  for (let i = 0; i < people.count; i++) personAt(people, i);
}

/** The `i`th person of the window: the user and their totals, worked out on first use. */
export function personAt(people: WindowPeople, i: number): { user: WorldUser; totals: StatTotals } {
  const { account, request, packed } = people;
  const at = i * FIELDS;
  const user = account.users()[packed[at] as number] as WorldUser;
  if (packed[at + 1] === NOT_YET) {
    const totals = account.totals(user, request.fromDay, request.toDay);
    if (totals === undefined) throw new Error(`user ${user.gong.id} is listed in a window without calls in it`);
    packed[at + 1] = totals.calls;
    packed[at + 2] = totals.longestMonologue;
    packed[at + 3] = totals.longestCustomerStory;
    packed[at + 4] = totals.interactivityWeighted;
    packed[at + 5] = totals.patienceWeighted;
    packed[at + 6] = totals.questionRateWeighted;
    packed[at + 7] = totals.talkRatioWeighted;
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
