/**
 * Pagination: the walk over every page ends, and on the way no record and no cursor repeats.
 * The three checks share one walk; its requests (and their violations) count against the first.
 */
import type { CheckContext, ConformanceCheck } from '../conformance-check.js';
import { quote } from '../records.js';
import { walkPages, type PaginationWalk } from './pagination-walk.js';

const walkOnce = (context: CheckContext): Promise<PaginationWalk> =>
  context.shared('pagination-walk', () => walkPages(context));

/** How many repeats a message lists before it counts the rest. */
const LISTED = 5;

export const paginationChecks: ConformanceCheck[] = [
  {
    id: 'pagination-ends',
    title: 'following next_cursor from the first page ends with next_cursor null',
    kind: 'behaviour',
    async run(context) {
      const walk = await walkOnce(context);
      if (!walk.ended) context.fail(walk.problem ?? 'the walk did not end');
    },
  },
  {
    id: 'pagination-unique-records',
    title: 'no record id comes back twice over the pages of a walk',
    kind: 'behaviour',
    async run(context) {
      const walk = await walkOnce(context);
      if (walk.records === 0) {
        context.skip('the walk read no records; choose a window with data');
        return;
      }
      for (const repeat of walk.repeatedIds.slice(0, LISTED)) {
        context.fail(
          repeat.page === repeat.firstPage
            ? `record ${quote(repeat.id)} appears twice on page ${repeat.page}`
            : `record ${quote(repeat.id)} on page ${repeat.page} already came on page ${repeat.firstPage}`,
        );
      }
      if (walk.repeatedIds.length > LISTED)
        context.fail(`… and ${walk.repeatedIds.length - LISTED} more repeated records`);
    },
  },
  {
    id: 'pagination-unique-cursors',
    title: 'no next_cursor comes back twice (a repeated cursor is an endless loop)',
    kind: 'behaviour',
    async run(context) {
      const walk = await walkOnce(context);
      if (walk.repeatedCursor !== undefined) context.fail(walk.problem ?? 'a cursor repeats');
      else if (walk.stoppedBecause === 'bad-page' && walk.pages <= 1)
        context.skip(`the walk stopped on its first page: ${walk.problem}`);
    },
  },
];
