/**
 * The journal pages in id order even when entries reach the store out of order, as they do
 * when several instances (or requests awaiting one store) record at once: an id is taken
 * before its entry is appended. Paging by `next_cursor` then lists each entry exactly once.
 */
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../src/engine/journal.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { journalEntry } from '../helpers/journal-entry.js';

const ENTRY = journalEntry();

/** A store whose first append waits until `release` is called: the next entry lands first. */
function storeHoldingFirstAppend(): { store: Store; release: () => void } {
  const inner = createMemoryStore();
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let appends = 0;
  return {
    store: {
      ...inner,
      async append(key, item, bounds) {
        if (++appends === 1) await held;
        return inner.append(key, item, bounds);
      },
    },
    release: () => release(),
  };
}

describe('the journal with entries appended out of order', () => {
  it('lists them in id order, and pages list each once', async () => {
    const { store, release } = storeHoldingFirstAppend();
    const journal = createJournal(store, 100);
    const first = journal.record({ ...ENTRY, path: '/first' });
    await journal.record({ ...ENTRY, path: '/second' });
    await journal.record({ ...ENTRY, path: '/third' });
    release();
    await first;
    expect((await journal.list()).requests.map((entry) => [entry.id, entry.path])).toEqual([
      [1, '/first'],
      [2, '/second'],
      [3, '/third'],
    ]);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = await journal.list({}, { limit: 1, after });
      seen.push(...page.requests.map((entry) => entry.id));
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
    expect(seen).toEqual([1, 2, 3]);
  });
});
