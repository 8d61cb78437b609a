/**
 * Gong-style numeric user ids: a company-wide base and a per-company stride keep them unique.
 */
import { mix2, unit } from './hash.js';

/**
 * The id of the account's user at `index` in Gong's order, stated users included (a stated
 * user without an id gets the one its place would have).
 *
 * @example
 * userId(account.key, 0); // '4471203385502117', the same on every machine
 */
export function userId(accountKey: number, index: number): string {
  const baseId = 100_000_000_000_000 + Math.floor(unit(mix2(accountKey, 1)) * 700_000_000_000_000);
  const stride = 1_000_003 + Math.floor(unit(mix2(accountKey, 2)) * 8_000_000);
  return String(baseId + index * stride);
}
