/**
 * The people of a stats window: every user of the request with calls in it, in Gong's order,
 * with their totals. Worked out once per window, in one pass over the users (each user's
 * tables are read once, so a long window over many users never refills tables it evicted)
 * and kept (see `MockContext.windowPeople`), so the later pages of a window cost nothing.
 * Packed in one Float64Array, so that keeping thousands of windows gives the garbage
 * collector next to nothing to trace.
 */
import type { StatTotals } from '../world/daily-stats.js';
import type { WorldUser } from '../world/users.js';
import type { WorldAccount } from '../world/world.js';
import type { StatsRequest } from './parse-stats-request.js';

/** Numbers kept per person: the user's index in the account, then the fields of StatTotals. */
const FIELDS = 8;

/** People of a window, FIELDS numbers each (see `personAt`). */
export interface WindowPeople {
  readonly count: number;
  readonly packed: Float64Array;
}

/**
 * Every user of the request with calls in its window, with their totals.
 *
 * @example
 * windowPeople(account, request).count; // how many people Gong lists
 */
export function windowPeople(account: WorldAccount, request: StatsRequest): WindowPeople {
  const users = account.users();
  const all = new Float64Array(users.length * FIELDS);
  let count = 0;
  for (const user of users) {
    if (request.userIds !== undefined && !request.userIds.has(user.gong.id)) continue;
    const totals = account.totals(user, request.fromDay, request.toDay);
    if (totals === undefined) continue;
    const at = count * FIELDS;
    all[at] = user.index;
    all[at + 1] = totals.calls;
    all[at + 2] = totals.longestMonologue;
    all[at + 3] = totals.longestCustomerStory;
    all[at + 4] = totals.interactivityWeighted;
    all[at + 5] = totals.patienceWeighted;
    all[at + 6] = totals.questionRateWeighted;
    all[at + 7] = totals.talkRatioWeighted;
    count++;
  }
  // Kept for later pages: only as large as the people found.
  return { count, packed: all.slice(0, count * FIELDS) };
}

/** The `i`th person of the window: the user and their totals. */
export function personAt(
  account: WorldAccount,
  people: WindowPeople,
  i: number,
): { user: WorldUser; totals: StatTotals } {
  const at = i * FIELDS;
  const { packed } = people;
  return {
    user: account.users()[packed[at] as number] as WorldUser,
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
