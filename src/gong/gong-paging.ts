/**
 * Gong's paging, shared by its list endpoints: the page a request's cursor points at, and a
 * page of 100 with its `records` block (whose `cursor` is present only while more remain).
 */
import type { GongRecords } from '../schema-types.js';
import type { SigningKeys } from '../signing.js';
import { decodeGongCursor, encodeGongCursor, gongCursorMessage } from './gong-cursor.js';
import { GONG_PAGE_SIZE } from './page-size.js';

/** Where a list is paged: its account, the fingerprint of the request and of the world its cursors are bound to. */
export interface PagingScope {
  keys: SigningKeys;
  account: string;
  fingerprint: string;
  world: string;
}

/** The page number a cursor points at (0 without one), or Gong's message for a bad cursor. */
export function pageOfCursor(scope: PagingScope, cursor: string | undefined): { page: number } | { problem: string } {
  if (cursor === undefined) return { page: 0 };
  const decoded = decodeGongCursor(scope.keys, cursor, scope.account, scope.fingerprint, scope.world);
  return 'problem' in decoded ? { problem: gongCursorMessage(decoded.problem) } : decoded;
}

/**
 * Page `page` of a list of `total` items: the positions [start, end) it holds and its
 * `records`; undefined when the page lies past the end.
 */
export function gongPage(
  scope: PagingScope,
  total: number,
  page: number,
): { start: number; end: number; records: GongRecords } | undefined {
  const start = page * GONG_PAGE_SIZE;
  if (page > 0 && start >= total) return undefined;
  const end = Math.min(total, start + GONG_PAGE_SIZE);
  const more = end < total;
  return {
    start,
    end,
    records: {
      totalRecords: total,
      currentPageSize: end - start,
      currentPageNumber: page,
      ...(more
        ? {
            cursor: encodeGongCursor(scope.keys, {
              a: scope.account,
              f: scope.fingerprint,
              p: page + 1,
              w: scope.world,
            }),
          }
        : {}),
    },
  };
}
