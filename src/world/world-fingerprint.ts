/**
 * A short fingerprint of everything a world's answers come from, so a cursor can say which
 * world it belongs to: a reloaded world file, or another world on another server, is told
 * apart from the one that issued the cursor. Not a secret and not a signature (the cursor's
 * signature is); two 32-bit hashes make an accidental match between two worlds negligible.
 */
import { formatIsoDate } from './calendar.js';
import { hashString } from './hash.js';
import type { ResolvedAccount } from './resolved-world.js';

/**
 * The fingerprint of a resolved world: 16 hex digits. Key order in the document does not
 * matter, only what it says.
 *
 * @example
 * fingerprintOf(42, resolved.accounts); // e.g. '9c1f03a2e4b85d10'
 */
export function fingerprintOf(seed: number, accounts: readonly ResolvedAccount[]): string {
  const canonical = JSON.stringify([
    seed,
    accounts.map((a) => [
      a.id,
      a.name,
      a.domain,
      a.timeZone,
      a.behavior,
      a.generatedUsers,
      a.users.map((u) => [
        u.id,
        u.firstName ?? null,
        u.lastName ?? null,
        u.email ?? null,
        u.title ?? null,
        u.active,
        u.managerId,
        u.profile ?? null,
        [...u.days].sort((x, y) => x[0] - y[0]).map(([day, values]) => [formatIsoDate(day), values]),
      ]),
    ]),
  ]);
  const hex = (h: number) => h.toString(16).padStart(8, '0');
  return hex(hashString(canonical)) + hex(hashString(`interactions-kit world ${canonical}`));
}
