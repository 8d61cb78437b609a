/**
 * A user's habits: how often they are on calls and how they tend to talk. Reps differ in
 * believable ways: a strong rep (skill near 1) asks more questions, monologues less, lets
 * customers tell longer stories and waits longer before answering.
 */
import { mix2, unit } from './hash.js';

/**
 * A user's habits, drawn once from the seed: every day's stats of the user are drawn around them.
 *
 * @example
 * ```ts
 * profile.callsPerWorkday; // e.g. 3.2: the user's mean calls on a working day
 * ```
 */
export interface UserProfile {
  /** -1 (struggling) to 1 (strong). */
  skill: number;
  /** Mean calls on a working day. */
  callsPerWorkday: number;
  /** Typical longest monologue of a day, seconds. */
  monologueSeconds: number;
  /** Typical longest customer story of a day, seconds. */
  customerStorySeconds: number;
  /** Typical interactivity score, 0-10. */
  interactivity: number;
  /** Typical seconds of silence before answering. */
  patienceSeconds: number;
  /** Typical questions per call. */
  questionRate: number;
  /** Typical share of the call the rep talks, 0-1. */
  talkRatio: number;
}

/**
 * A world file's word for a user's habits: `strong`, `average` and `weak` fix the skill the
 * rest is drawn around; `inactive` makes no calls on days not pinned.
 *
 * @example
 * ```ts
 * const kind: ProfileKind = 'inactive';
 * ```
 */
export type ProfileKind = 'strong' | 'average' | 'weak' | 'inactive';

const SKILL_OF: Record<Exclude<ProfileKind, 'inactive'>, number> = { strong: 0.8, average: 0, weak: -0.8 };

/** The profile of the user whose key is `userKey` (see `userKey` in world.ts), or of the kind stated. */
export function userProfile(userKey: number, isManager: boolean, kind?: ProfileKind): UserProfile {
  const r = (k: number) => unit(mix2(userKey, k));
  const skill = kind === undefined || kind === 'inactive' ? r(1) + r(2) - 1 : SKILL_OF[kind];
  const busy = isManager ? 0.5 : 1;
  return {
    skill,
    callsPerWorkday: kind === 'inactive' ? 0 : busy * (0.6 + 3.4 * r(3)),
    monologueSeconds: 150 - 55 * skill + 40 * (r(4) - 0.5),
    customerStorySeconds: 95 + 60 * skill + 40 * (r(5) - 0.5),
    interactivity: 5.6 + 2.2 * skill + 1.2 * (r(6) - 0.5),
    patienceSeconds: 1.1 + 0.55 * skill + 0.4 * (r(7) - 0.5),
    questionRate: 11 + 6 * skill + 4 * (r(8) - 0.5),
    talkRatio: 0.58 - 0.1 * skill + 0.08 * (r(9) - 0.5),
  };
}
