/**
 * Follows `next_cursor` from the first page until it is `null`, at most `maxPages` pages,
 * stopping early when a cursor comes back a second time (following it would loop forever,
 * which is what the debug envelope's `isLooping` warns about). Record ids and cursors are
 * remembered with the page they were first seen on.
 */
import type { CheckContext } from '../conformance-check.js';
import { nextCursorOf, quote, recordsOf } from '../records.js';

/** What a walk saw. */
export interface PaginationWalk {
  /** Pages read. */
  pages: number;
  /** Records read, over every page. */
  records: number;
  /** True when a page said `next_cursor: null` (or an empty cursor, which clients also stop at). */
  ended: boolean;
  /** Why the walk stopped without ending. */
  stoppedBecause?: 'loop' | 'max-pages' | 'bad-page';
  /** What stopped it, for a human. */
  problem?: string;
  /** A cursor a page returned that an earlier page had returned too. */
  repeatedCursor?: { cursor: string; page: number; firstPage: number };
  /** Record ids seen on more than one page (or twice on one), with where. */
  repeatedIds: Array<{ id: string; page: number; firstPage: number }>;
}

/** Walks the window's pages with `limit`, in the default format. */
export async function walkPages(context: CheckContext): Promise<PaginationWalk> {
  const { limit, maxPages } = context.options;
  const walk: PaginationWalk = { pages: 0, records: 0, ended: false, repeatedIds: [] };
  const seenCursors = new Map<string, number>();
  const seenIds = new Map<string, number>();
  let cursor: string | undefined;
  while (walk.pages < maxPages) {
    const page = walk.pages + 1;
    const answer = await context.get({
      query: [
        ...context.window,
        ['limit', String(limit)],
        ...(cursor === undefined ? [] : [['next_cursor', cursor] as const]),
      ],
    });
    walk.pages = page;
    const records = recordsOf(answer.json);
    if (answer.status !== 200 || records === undefined) {
      walk.stoppedBecause = 'bad-page';
      walk.problem =
        answer.status !== 200
          ? `page ${page} answered ${answer.status} (${answer.request})`
          : `page ${page} has no result array (${answer.request})`;
      return walk;
    }
    walk.records += records.length;
    for (const record of records) {
      const id = typeof record.id === 'string' ? record.id : undefined;
      if (id === undefined) continue;
      const firstPage = seenIds.get(id);
      if (firstPage === undefined) seenIds.set(id, page);
      else walk.repeatedIds.push({ id, page, firstPage });
    }
    const next = nextCursorOf(answer.json);
    if (next === null || next === '' || next === undefined) {
      walk.ended = true;
      return walk;
    }
    if (typeof next !== 'string') {
      walk.stoppedBecause = 'bad-page';
      walk.problem = `page ${page} has a next_cursor that is not a string: ${quote(next)}`;
      return walk;
    }
    const firstPage = seenCursors.get(next);
    if (firstPage !== undefined) {
      walk.repeatedCursor = { cursor: next, page, firstPage };
      walk.stoppedBecause = 'loop';
      walk.problem = `page ${page} returned next_cursor ${quote(next)} as page ${firstPage} did: following it loops forever`;
      return walk;
    }
    seenCursors.set(next, page);
    cursor = next;
  }
  walk.stoppedBecause = 'max-pages';
  walk.problem = `the walk did not end within ${maxPages} pages of limit=${limit} (next_cursor never became null)`;
  return walk;
}
