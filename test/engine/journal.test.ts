/**
 * The journal on its own: what an entry weighs (the byte bound and `use()` read it), the
 * filters, the pages and their cursor, the page's byte budget, the listeners, and clearing.
 */
import { describe, expect, it } from 'vitest';
import {
  createJournal,
  JOURNAL_ENTRY_OVERHEAD,
  JOURNAL_PAGE_BYTES,
  JOURNAL_PAGE_DEFAULT,
  type JournalEntry,
} from '../../src/engine/journal.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

type Entry = Omit<JournalEntry, 'id'>;

const ENTRY: Entry = {
  time: '2026-11-24T00:00:00.000Z',
  method: 'GET',
  path: '/p',
  query: '',
  account: undefined,
  scenario: undefined,
  status: 200,
  durationMs: 1,
  instance: 'i',
};

/** The weight `use()` reports for one entry. */
async function weightOf(entry: Entry): Promise<number> {
  const journal = createJournal(createMemoryStore(), 10);
  await journal.record(entry);
  return (await journal.use()).bytes;
}

describe('an entry’s weight', () => {
  // The bare entry: overhead, path, method, instance (no query, account, scenario).
  const BARE = JOURNAL_ENTRY_OVERHEAD + 2 + 3 + 1;
  it.each<[string, Partial<Entry>, number]>([
    ['the bare entry', {}, BARE],
    ['a longer path', { path: '/abcd' }, BARE + 3],
    ['a query counts twice', { query: 'a=1' }, BARE + 6],
    ['a longer method', { method: 'DELETE' }, BARE + 3],
    ['an account', { account: 'acct' }, BARE + 4],
    ['a scenario', { scenario: 'slow' }, BARE + 4],
    ['a longer instance', { instance: 'host:1' }, BARE + 5],
    ['request headers: 48 each besides name and value', { requestHeaders: { ab: 'cde', f: '' } }, BARE + 48 + 5 + 48 + 1],
    ['response headers: the same', { responseHeaders: { ab: 'cde' } }, BARE + 48 + 5],
    ['a Latin-1 preview: a byte a character', { responseBody: { text: 'abcé', truncated: false } }, BARE + 32 + 4],
    ['a wider preview: two a character', { responseBody: { text: 'ab€', truncated: true } }, BARE + 32 + 6],
    ['an empty preview', { responseBody: { text: '', truncated: false } }, BARE + 32],
    [
      'violations: 64 each besides their texts',
      { violations: [{ pointer: '/a', rule: 'rr', message: 'mmm' }, { pointer: '', rule: '', message: '' }] },
      BARE + 64 + 7 + 64,
    ],
  ])('%s', async (_name, change, want) => {
    expect(await weightOf({ ...ENTRY, ...change })).toBe(want);
  });

  it('reports its bounds and count', async () => {
    const journal = createJournal(createMemoryStore(), 7, 12345);
    await journal.record(ENTRY);
    await journal.record(ENTRY);
    expect(await journal.use()).toEqual({ entries: 2, bytes: 2 * BARE, maxEntries: 7, maxBytes: 12345 });
  });

  it('defaults to 8 MiB of entries', async () => {
    expect((await createJournal(createMemoryStore(), 1).use()).maxBytes).toBe(8 * 1024 * 1024);
  });

  it('keeps the newest within the entry bound', async () => {
    const journal = createJournal(createMemoryStore(), 2);
    for (const path of ['/1', '/2', '/3']) await journal.record({ ...ENTRY, path });
    expect((await journal.list()).requests.map((entry) => [entry.id, entry.path])).toEqual([
      [2, '/2'],
      [3, '/3'],
    ]);
  });
});

describe('listing', () => {
  async function journalOf(entries: Partial<Entry>[]) {
    const journal = createJournal(createMemoryStore(), 5000, 1 << 30);
    for (const entry of entries) await journal.record({ ...ENTRY, ...entry });
    return journal;
  }
  const ids = (page: { requests: JournalEntry[] }) => page.requests.map((entry) => entry.id);

  it('filters by path text, status and account, all at once', async () => {
    const journal = await journalOf([
      { path: '/unified/x', status: 200, account: 'a' },
      { path: '/gong/x', status: 200, account: 'a' },
      { path: '/unified/y', status: 404, account: 'a' },
      { path: '/unified/z', status: 200, account: 'b' },
    ]);
    expect(ids(await journal.list())).toEqual([1, 2, 3, 4]);
    expect(ids(await journal.list({ path: 'unified' }))).toEqual([1, 3, 4]);
    expect(ids(await journal.list({ status: 200 }))).toEqual([1, 2, 4]);
    expect(ids(await journal.list({ account: 'a' }))).toEqual([1, 2, 3]);
    expect(ids(await journal.list({ path: 'unified', status: 200, account: 'a' }))).toEqual([1]);
    expect(ids(await journal.list({ path: 'nowhere' }))).toEqual([]);
  });

  it('pages by limit: the cursor is the last listed id while more match, then null', async () => {
    const journal = await journalOf([{}, {}, {}, {}, {}]);
    expect(await journal.list({}, { limit: 2 })).toMatchObject({ nextCursor: 2 });
    expect(ids(await journal.list({}, { limit: 2 }))).toEqual([1, 2]);
    expect(ids(await journal.list({}, { limit: 2, after: 2 }))).toEqual([3, 4]);
    expect(await journal.list({}, { limit: 2, after: 2 })).toMatchObject({ nextCursor: 4 });
    expect(await journal.list({}, { limit: 2, after: 4 })).toEqual({
      requests: [expect.objectContaining({ id: 5 })],
      nextCursor: null,
    });
    // Exactly full and nothing after: no cursor.
    expect(await journal.list({}, { limit: 5 })).toMatchObject({ nextCursor: null });
    // A limit below one lists one.
    expect(ids(await journal.list({}, { limit: 0 }))).toEqual([1]);
  });

  it('lists 100 by default', async () => {
    const journal = await journalOf(Array.from({ length: JOURNAL_PAGE_DEFAULT + 1 }, () => ({})));
    const page = await journal.list();
    expect(page.requests).toHaveLength(JOURNAL_PAGE_DEFAULT);
    expect(page.nextCursor).toBe(JOURNAL_PAGE_DEFAULT);
  });

  it('the cursor counts only matching entries', async () => {
    const journal = await journalOf([{ status: 200 }, { status: 500 }, { status: 200 }, { status: 500 }]);
    expect(await journal.list({ status: 200 }, { limit: 1 })).toMatchObject({ nextCursor: 1 });
    expect(await journal.list({ status: 200 }, { limit: 2 })).toMatchObject({ nextCursor: null });
  });

  it('ends a page once its entries weigh a MiB, after at least one', async () => {
    // Each entry weighs exactly half the budget (path, 'GET' and instance 'i' besides the
    // overhead): two reach it, and reaching it ends the page.
    const path = '/'.padEnd(JOURNAL_PAGE_BYTES / 2 - JOURNAL_ENTRY_OVERHEAD - 4, 'x');
    const journal = await journalOf([{ path }, { path }, { path }, { path }]);
    expect((await journal.use()).bytes).toBe(2 * JOURNAL_PAGE_BYTES);
    const first = await journal.list({}, { limit: 1000 });
    expect([ids(first), first.nextCursor]).toEqual([[1, 2], 2]);
    const second = await journal.list({}, { limit: 1000, after: 2 });
    expect([ids(second), second.nextCursor]).toEqual([[3, 4], null]);
  });
});

describe('listeners and clearing', () => {
  it('hears each entry with its id until stopped; a throwing listener is dropped, the rest go on', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    const heard: number[] = [];
    let throws = 0;
    journal.onRecord(() => {
      throws++;
      throw new Error('closed');
    });
    const stop = journal.onRecord((entry) => heard.push(entry.id));
    await journal.record(ENTRY);
    await journal.record(ENTRY);
    stop();
    await journal.record(ENTRY);
    expect(heard).toEqual([1, 2]);
    expect(throws).toBe(1);
    expect(ids3(await journal.list())).toEqual([1, 2, 3]);
  });

  it('clear answers how many it forgot; ids go on after it', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    await journal.record(ENTRY);
    await journal.record(ENTRY);
    expect(await journal.clear()).toBe(2);
    expect((await journal.list()).requests).toEqual([]);
    await journal.record(ENTRY);
    expect(ids3(await journal.list())).toEqual([3]);
  });
});

function ids3(page: { requests: JournalEntry[] }): number[] {
  return page.requests.map((entry) => entry.id);
}
