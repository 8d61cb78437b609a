/** A journal entry for tests that record straight into a journal: a plain GET, with `changes` over it. */
import type { JournalEntry } from '../../src/engine/journal.js';

/**
 * A recordable entry (no id yet).
 *
 * @example
 * await journal.record(journalEntry({ path: '/gong/x/v2/users' }));
 */
export function journalEntry(changes: Partial<Omit<JournalEntry, 'id'>> = {}): Omit<JournalEntry, 'id'> {
  return {
    time: '2026-11-24T00:00:00.000Z',
    method: 'GET',
    path: '/x',
    query: '',
    account: undefined,
    scenario: undefined,
    status: 200,
    durationMs: 1,
    instance: 'test',
    ...changes,
  };
}
