/**
 * A store that keeps what it is handed as text, as a shared store (Redis) does: a memory store
 * behind JSON, which does not claim to keep references, with every appended item's JSON kept in
 * `sent` for a test to read.
 */
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * A serializing store and what was sent to it.
 *
 * @example
 * const { store, sent } = serializingStore();
 * await createJournal(store, 10).record(entry);
 * sent[0]; // the entry as the store got it, as JSON
 */
export function serializingStore(): { store: Store; sent: string[] } {
  const memory = createMemoryStore();
  const sent: string[] = [];
  const { keepsReferences: _kept, ...rest } = memory;
  return {
    sent,
    store: {
      ...rest,
      append: (key, item, bounds) => {
        sent.push(JSON.stringify(item));
        return memory.append(key, JSON.parse(sent.at(-1) as string), bounds);
      },
    },
  };
}
