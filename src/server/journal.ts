/**
 * The request journal: what the mock was asked and what it answered, newest last, bounded so
 * a long test run cannot grow it without end. Secrets never enter it.
 */

/** A contract violation found in a response (when response validation is on). */
export interface JournalViolation {
  pointer: string;
  rule: string;
  message: string;
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
  /** Present when response validation is on. */
  violations?: JournalViolation[];
}

export interface JournalFilter {
  /** Entries whose path contains this text. */
  path?: string | undefined;
  status?: number | undefined;
  account?: string | undefined;
}

export interface Journal {
  record(entry: Omit<JournalEntry, 'id'>): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): number;
}

/** A journal keeping at most `size` entries. */
export function createJournal(size: number): Journal {
  let entries: JournalEntry[] = [];
  let next = 1;
  return {
    record(entry) {
      if (size === 0) return;
      entries.push({ id: next++, ...entry });
      if (entries.length > size) entries = entries.slice(entries.length - size);
    },
    list(filter = {}) {
      return entries.filter(
        (entry) =>
          (filter.path === undefined || entry.path.includes(filter.path)) &&
          (filter.status === undefined || entry.status === filter.status) &&
          (filter.account === undefined || entry.account === filter.account),
      );
    },
    clear() {
      const count = entries.length;
      entries = [];
      return count;
    },
  };
}

const SECRET_PARAMETERS = /^(access_token|token|api_key|apikey|password|secret|client_secret)$/i;

/** The query string with secret-looking parameters' values replaced. */
export function redactQuery(rawQuery: string): string {
  return rawQuery
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return eq !== -1 && SECRET_PARAMETERS.test(name) ? `${name}=[REDACTED]` : pair;
    })
    .join('&');
}
