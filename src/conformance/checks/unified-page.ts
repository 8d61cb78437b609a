/**
 * The first page of a query, asked once per run and shared: the format checks own these
 * requests, and the behaviour checks read the same pages.
 */
import type { CheckContext } from '../conformance-check.js';
import type { QueryPairs, UnifiedAnswer } from '../unified-request.js';

/** The first page of the target's window with `limit` and `extra`; `key` names it for sharing. */
export function unifiedPage(
  context: CheckContext,
  key: string,
  extra: QueryPairs = [],
  accept?: string,
): Promise<UnifiedAnswer> {
  return context.shared(`page:${key}`, () =>
    context.get({
      query: [...context.window, ['limit', String(context.options.limit)], ...extra],
      ...(accept === undefined ? {} : { accept }),
    }),
  );
}
