/**
 * `world init`: the embedded default world as a world file, with comments that make it a
 * starting point (what each account is, how to state a user and pin days). Loading it gives
 * the same world as the embedded default, so it serves the same bytes.
 */
import { Document, isMap, isSeq } from 'yaml';
import { DEFAULT_WORLD } from '../world/default-world.js';

const HEADER = [
  ' yaml-language-server: $schema=./node_modules/interactions-kit/world.schema.json',
  '',
  ' An interactions-kit world: the embedded default world, written out as a starting point.',
  ' Serve it:   npx interactions-kit serve --world world.yaml --watch',
  ' Check it:   npx interactions-kit world check world.yaml',
  ' Everything not stated is generated from the seed, the same on every machine.',
  '',
  " now: 2026-11-24T00:00:00Z   # Gong's current day; default: the real clock (or serve --now)",
].join('\n');

const EXAMPLE = [
  ' A stated user with pinned days: put `users:` under an account (or add an account).',
  " Stated users come first in Gong's order, then `generatedUsers` more.",
  '',
  '   - id: 5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90',
  '     name: Test Co',
  '     domain: test-co.example',
  '     timeZone: Europe/Berlin',
  '     generatedUsers: 5',
  '     users:',
  '       - id: "7010000000000000001"      # quoted: a bare number loses digits',
  '         firstName: Ada',
  '         lastName: Lovelace',
  '         profile: inactive              # strong | average | weak | inactive (no generated calls)',
  "         days:                          # in the account's time zone",
  '           2026-10-05: { calls: 3, longestMonologue: 310, patience: 0.4 }   # stats left out are drawn',
  '           2026-10-12: { calls: 1, patience: 0.8 }',
  '           2026-10-20/2026-10-24: { calls: 0 }                             # a range, both ends included',
].join('\n');

/**
 * The text `world init` writes.
 *
 * @example
 * writeFileSync('world.yaml', worldInitText());
 */
export function worldInitText(): string {
  const document = new Document(DEFAULT_WORLD);
  document.commentBefore = HEADER;
  const accounts = isMap(document.contents) ? document.contents.get('accounts', true) : undefined;
  if (isSeq(accounts)) {
    accounts.items.forEach((item, index) => {
      const account = DEFAULT_WORLD.accounts?.[index];
      if (account === undefined || !isMap(item)) return;
      const behavior = account.behavior ?? (account.generatedUsers === 0 ? 'healthy, no users' : 'healthy');
      item.commentBefore = ` ${account.name}: ${behavior}`;
    });
  }
  document.comment = EXAMPLE;
  return document.toString({ lineWidth: 0 });
}
