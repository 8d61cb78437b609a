/**
 * The world-file benchmark's world: 1,000 users with 100 pinned days each (100,000 in all),
 * pinned every few days over the span the distinct paths ask about. Its accounts repeat the
 * sizes of the default accounts the default world's distinct paths visit (260, 45 and 18
 * users, three times, and 31 to make 1,000), so a window costs about as many users in both
 * worlds and the comparison measures the pinned days, not a bigger account.
 */
import { writeFileSync } from 'node:fs';
import type { WorldDocument } from '../src/generated/world-document.js';

/** The benchmark world's accounts: distinct paths cycle through them. */
const ACCOUNT_SIZES = [260, 45, 18, 260, 45, 18, 260, 45, 18, 31] as const;

/** The benchmark world's accounts: distinct paths cycle through them. */
export const PINNED_ACCOUNTS = ACCOUNT_SIZES.map(
  (_, a) => `b0000000-0000-4000-8000-${String(a + 1).padStart(12, '0')}`,
);

const PINNED_PER_USER = 100;
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** The world document: deterministic, so every run measures the same file. */
export function pinnedWorld(): WorldDocument {
  return {
    seed: 42,
    accounts: PINNED_ACCOUNTS.map((id, a) => ({
      id,
      name: `Pinned ${a + 1}`,
      timeZone: ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata'][a % 3] as string,
      users: Array.from({ length: ACCOUNT_SIZES[a] as number }, (_, u) => ({
        firstName: `User${u}`,
        lastName: `Account${a}`,
        days: Object.fromEntries(
          Array.from({ length: PINNED_PER_USER }, (_, d) => {
            const day = new Date(FIRST_DAY + (d * 6 + (u % 6)) * DAY_MS).toISOString().slice(0, 10);
            const calls = (u + d) % 5;
            return [
              day,
              calls === 0
                ? { calls: 0 }
                : {
                    calls,
                    longestMonologue: 60 + ((u * 7 + d) % 240),
                    patience: 0.5 + ((u + d) % 20) / 10,
                    talkRatio: 0.3 + ((u + 2 * d) % 50) / 100,
                  },
            ];
          }),
        ),
      })),
    })),
  };
}

/** Writes the world as JSON (a generated world is usually written by a script) and returns its pinned days. */
export function writePinnedWorld(file: string): number {
  const world = pinnedWorld();
  writeFileSync(file, JSON.stringify(world));
  return ACCOUNT_SIZES.reduce((sum, size) => sum + size, 0) * PINNED_PER_USER;
}
