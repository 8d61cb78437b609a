/**
 * The request journal: what the mock was asked and what it answered, newest last, bounded so
 * a long test run cannot grow it without end. Secrets never come out of it: an entry is
 * redacted before anything reads it, and before it goes to a store outside the process (an
 * in-process store may hold it unfinished until then; see UnfinishedEntry). Kept in the store
 * (a bounded list and a sequence counter), so instances sharing a store share one journal.
 */
import type { Store } from '../store/store.js';
import { previewWeight, type JournalResponseBody } from './response-preview.js';

export type { JournalResponseBody } from './response-preview.js';

/** A contract violation found in a response (when response validation is on). */
export interface JournalViolation {
  pointer: string;
  rule: string;
  message: string;
  /** The record the violation sits in, when it sits in one (`/body/result/3/...`). */
  record?: unknown;
}

export interface JournalEntry {
  /** Sequence number, from 1. */
  id: number;
  /** When the request arrived (ISO 8601). */
  time: string;
  method: string;
  path: string;
  /** The query string with secret-looking parameters redacted. */
  query: string;
  /** The integrated account the request was for, when it names one. */
  account: string | undefined;
  scenario: string | undefined;
  status: number;
  durationMs: number;
  /** The instance that answered (`--instance`, default `hostname:pid`): one journal may be shared by several. */
  instance: string;
  /** Present when response validation is on. */
  violations?: JournalViolation[];
  /** The request's headers as the door received them, secret values redacted (doors that see them). */
  requestHeaders?: Record<string, string>;
  /** The response's headers as the mock answered them (no transport headers), secret values redacted. */
  responseHeaders?: Record<string, string>;
  /** The start of the response body (a few KB; a stream's first bytes), secrets redacted. Absent for HEAD. */
  responseBody?: JournalResponseBody;
}

export interface JournalFilter {
  /** Entries whose path contains this text. */
  path?: string | undefined;
  status?: number | undefined;
  account?: string | undefined;
}

/** Which page of the journal to list: entries after the cursor, at most `limit` of them. */
export interface JournalPageRequest {
  /** At most this many entries. Default 100. */
  limit?: number;
  /** A previous page's `nextCursor`: only entries recorded after that page's last one. */
  after?: number;
}

export interface JournalPage {
  requests: JournalEntry[];
  /** The id of the page's last entry when more matching entries follow, else null. */
  nextCursor: number | null;
}

/** How full the journal is, against its bounds. */
export interface JournalUse {
  entries: number;
  bytes: number;
  maxEntries: number;
  maxBytes: number;
}

/**
 * An entry the journal finishes when it is first read (see engine/exchange-entry.ts): its
 * weight is known before. The journal finishes it at once where it would leave the process: a
 * store that does not keep what it is given by reference, or a listener.
 *
 * @example
 * const entry: UnfinishedEntry = { weight: 520, finish: () => finished };
 * await journal.record(entry);
 */
export interface UnfinishedEntry {
  /** What the finished entry weighs at most, by the rule of `weighEntry`. */
  readonly weight: number;
  /** The entry, redacted: made on the first call, the same object after. */
  finish(): Omit<JournalEntry, 'id'>;
}

/** Hears each entry this journal records, once it is kept. */
export type JournalListener = (entry: JournalEntry) => void;

/** The journal's operations; all go through the store, so all are async. */
export interface Journal {
  record(entry: Omit<JournalEntry, 'id'> | UnfinishedEntry): Promise<void>;
  /**
   * Calls `listener` with every entry recorded through this journal from now on (not those
   * another instance records into a shared store); returns the function that stops it. A plain
   * callback list, so the engine stays free of any runtime's event emitter.
   */
  onRecord(listener: JournalListener): () => void;
  list(filter?: JournalFilter, page?: JournalPageRequest): Promise<JournalPage>;
  clear(): Promise<number>;
  use(): Promise<JournalUse>;
}

/** Store keys of the journal. */
const ENTRIES = 'journal:entries';
const SEQUENCE = 'journal:sequence';

/** Entries a page lists unless asked for another number. */
export const JOURNAL_PAGE_DEFAULT = 100;
/** Entries a page may list at most. */
export const JOURNAL_PAGE_MAX = 1000;
/**
 * A page ends once its entries weigh this much (after at least one entry), so a journal of
 * long URLs cannot make one answer tens of megabytes.
 */
export const JOURNAL_PAGE_BYTES = 1024 * 1024;
/**
 * Bytes an entry costs besides its strings' characters: the object, its numbers, the time
 * and the strings' headers. Measured (heap after GC, 20,000 entries of a 110-character URL):
 * an entry costs about 460 bytes and is weighed at 520.
 */
export const JOURNAL_ENTRY_OVERHEAD = 300;

/**
 * What an entry costs. Its path is a slice of the request URL and keeps the whole URL alive,
 * query included, so the query counts twice (the redacted copy is a string of its own).
 */
function weighEntry(entry: JournalEntry): number {
  let bytes = JOURNAL_ENTRY_OVERHEAD + entry.path.length + 2 * entry.query.length + entry.method.length;
  bytes += (entry.account?.length ?? 0) + (entry.scenario?.length ?? 0) + entry.instance.length;
  for (const [name, value] of Object.entries(entry.requestHeaders ?? {})) bytes += 48 + name.length + value.length;
  for (const [name, value] of Object.entries(entry.responseHeaders ?? {})) bytes += 48 + name.length + value.length;
  if (entry.responseBody !== undefined) bytes += previewWeight(entry.responseBody);
  for (const violation of entry.violations ?? []) {
    bytes += 64 + violation.pointer.length + violation.rule.length + violation.message.length;
  }
  return bytes;
}

function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  return (
    (filter.path === undefined || entry.path.includes(filter.path)) &&
    (filter.status === undefined || entry.status === filter.status) &&
    (filter.account === undefined || entry.account === filter.account)
  );
}

/**
 * An entry as the store keeps it: the entry and its weight, so a page can stop at a byte budget.
 * An in-process store may keep it unfinished: its id, and `unfinished` in place of `entry`
 * until it is first read.
 */
interface Kept {
  entry?: JournalEntry;
  weight: number;
  id?: number;
  unfinished?: UnfinishedEntry;
}

function isUnfinished(entry: Omit<JournalEntry, 'id'> | UnfinishedEntry): entry is UnfinishedEntry {
  return typeof (entry as Partial<UnfinishedEntry>).finish === 'function';
}

/** The kept entry, finished (once; the kept record then holds it instead of its makings). */
function entryOf(kept: Kept): JournalEntry {
  if (kept.entry === undefined) {
    kept.entry = { id: kept.id as number, ...(kept.unfinished as UnfinishedEntry).finish() };
    delete kept.unfinished;
  }
  return kept.entry;
}

const idOf = (kept: Kept): number => kept.entry?.id ?? (kept.id as number);

/**
 * A journal keeping the newest entries: at most `size` of them, weighing at most `maxBytes`
 * together (see weighEntry); the oldest go first. An entry heavier than the whole budget is
 * not kept.
 *
 * @example
 * const journal = createJournal(createMemoryStore(), 1000, 8 * 1024 * 1024);
 * await journal.list({ status: 400 }, { limit: 10 }); // { requests, nextCursor }
 * const stop = journal.onRecord((entry) => console.log(entry.id, entry.path));
 */
export function createJournal(store: Store, size: number, maxBytes = 8 * 1024 * 1024): Journal {
  const listeners = new Set<JournalListener>();
  return {
    async record(given) {
      const { value: id } = await store.incr(SEQUENCE);
      const unfinished = isUnfinished(given) ? given : undefined;
      // Kept unfinished only where nothing reads it yet: an in-process store and no listener.
      if (unfinished !== undefined && store.keepsReferences === true && listeners.size === 0) {
        const { weight } = unfinished;
        await store.append<Kept>(ENTRIES, { id, weight, unfinished }, { maxItems: size, maxWeight: maxBytes, weight });
        return;
      }
      const entry = { id, ...(unfinished?.finish() ?? (given as Omit<JournalEntry, 'id'>)) };
      const weight = unfinished?.weight ?? weighEntry(entry);
      await store.append<Kept>(ENTRIES, { entry, weight }, { maxItems: size, maxWeight: maxBytes, weight });
      for (const listener of listeners) {
        // A listener that throws (a closed console) must cost neither the record nor the others.
        try {
          listener(entry);
        } catch {
          listeners.delete(listener);
        }
      }
    },
    onRecord(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async list(filter = {}, page = {}) {
      const { after = 0 } = page;
      const limit = Math.max(1, page.limit ?? JOURNAL_PAGE_DEFAULT);
      // In id order, not the list's: an id is taken before its entry is appended, so requests
      // recorded at once (on instances sharing a store, or awaiting one) can be appended out of
      // order, and a page ending on a lower id than one it listed would list that one again.
      const entries = [...(await store.list<Kept>(ENTRIES))].sort((a, b) => idOf(a) - idOf(b));
      const requests: JournalEntry[] = [];
      let pageBytes = 0;
      for (const kept of entries) {
        if (idOf(kept) <= after) continue;
        const entry = entryOf(kept);
        const { weight } = kept;
        if (!matches(entry, filter)) continue;
        // Full, and another entry matches: the next page starts after this page's last.
        if (requests.length >= limit || pageBytes >= JOURNAL_PAGE_BYTES)
          return { requests, nextCursor: (requests.at(-1) as JournalEntry).id };
        requests.push(entry);
        pageBytes += weight;
      }
      return { requests, nextCursor: null };
    },
    clear: () => store.clear(ENTRIES),
    async use() {
      const { items, weight } = await store.listUse(ENTRIES);
      return { entries: items, bytes: weight, maxEntries: size, maxBytes };
    },
  };
}
