/**
 * A journal entry as the engine makes it from an exchange: what the door handed over, kept as
 * it came, and redacted when the entry is first read. Redacting the query and both sets of
 * headers, and copying them, cost more than the rest of answering a repeated page does, and most
 * entries are never read. The journal finishes an entry at once wherever it leaves the process
 * (a store that serializes, a listener): see `createJournal`.
 */
import { redactHeaders, redactQuery } from '../redact.js';
import { accountOfUrl } from './account-of-url.js';
import { JOURNAL_ENTRY_OVERHEAD, type JournalEntry, type JournalViolation, type UnfinishedEntry } from './journal.js';
import { journalResponseHeaders, previewWeight, type JournalResponseBody } from './response-preview.js';
import { splitUrl } from './route-path.js';

/** Request headers as a door hands them over. */
export type DoorHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What an entry is made of, nothing redacted yet. */
export interface EntryMakings {
  time: string;
  method: string;
  /** Path and query as sent. */
  url: string;
  status: number;
  scenario: string | undefined;
  durationMs: number;
  instance: string;
  violations?: JournalViolation[] | undefined;
  headers?: DoorHeaders | undefined;
  /** The answer's headers (not the answer: an entry must not keep a whole page alive). */
  answerHeaders?: Record<string, string> | undefined;
  /** Whether the answer was a stream (a stream names its own content type). */
  streamed?: boolean | undefined;
  /** The body's preview (already redacted, or made redacted on first read). */
  preview?: JournalResponseBody | undefined;
}

/** Headers as the journal keeps them: secret values redacted, a repeated header's values joined. */
function journalHeaders(headers: DoorHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(redactHeaders(headers)))
    if (value !== undefined) kept[name] = typeof value === 'string' ? value : value.join(', ');
  return kept;
}

/** The entry, redacted. */
export function finishedEntry(makings: EntryMakings): Omit<JournalEntry, 'id'> {
  const { time, method, url, status, scenario, durationMs, instance, violations, headers, answerHeaders, preview } =
    makings;
  const { path, rawQuery } = splitUrl(url);
  return {
    time,
    method,
    path,
    query: redactQuery(rawQuery),
    account: accountOfUrl(url),
    scenario,
    status,
    durationMs,
    instance,
    ...(violations === undefined ? {} : { violations }),
    ...(headers === undefined ? {} : { requestHeaders: journalHeaders(headers) }),
    ...(answerHeaders === undefined
      ? {}
      : { responseHeaders: journalResponseHeaders(answerHeaders, makings.streamed === true) }),
    ...(preview === undefined ? {} : { responseBody: preview }),
  };
}

/** The longest text a secret's value becomes: `[REDACTED]`. */
const REDACTED_LENGTH = 10;

/** A header value as weighed: redaction never makes it longer than `[REDACTED]`. */
const valueWeight = (value: string | readonly string[]): number =>
  Math.max(REDACTED_LENGTH, typeof value === 'string' ? value.length : value.join(', ').length);

/**
 * What the finished entry weighs at most, by the journal's rule (see `weighEntry`), without
 * redacting anything: the account counted at a UUID's 36 characters, each header value and
 * each query parameter at least as long as `[REDACTED]`, the content type the response headers
 * may gain, the preview by its own bound.
 */
export function weighMakings(makings: EntryMakings): number {
  const { method, url, scenario, instance, violations, headers, answerHeaders, preview } = makings;
  const mark = url.indexOf('?');
  const query = mark === -1 ? 0 : url.length - mark - 1;
  let parameters = 0;
  // Counted, not split: an array of the parameters a request would be garbage at once.
  if (query !== 0) for (let at = mark; at !== -1; at = url.indexOf('&', at + 1)) parameters++;
  let bytes = JOURNAL_ENTRY_OVERHEAD + url.length - query + method.length + (scenario?.length ?? 0) + instance.length;
  bytes += 2 * (query + REDACTED_LENGTH * parameters) + 36;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) bytes += 48 + name.length + valueWeight(value);
  }
  if (answerHeaders !== undefined) {
    for (const name in answerHeaders) bytes += 48 + name.length + valueWeight(answerHeaders[name] as string);
    bytes += 48 + 'content-type'.length + 'application/json; charset=utf-8'.length;
  }
  if (preview !== undefined) bytes += previewWeight(preview);
  for (const violation of violations ?? [])
    bytes += 64 + violation.pointer.length + violation.rule.length + violation.message.length;
  return bytes;
}

/**
 * The entry of an exchange, finished when first read.
 *
 * @example
 * await journal.record(unfinishedEntry({ time, method: 'GET', url, status: 200, scenario: undefined, durationMs: 2, instance }));
 */
export function unfinishedEntry(makings: EntryMakings): UnfinishedEntry {
  return new Unfinished(makings);
}

/** An entry kept as its makings until first read: a class, not closures, made once a request. */
class Unfinished implements UnfinishedEntry {
  readonly weight: number;
  #makings: EntryMakings | undefined;
  #entry: Omit<JournalEntry, 'id'> | undefined;

  constructor(makings: EntryMakings) {
    this.weight = weighMakings(makings);
    this.#makings = makings;
  }

  finish(): Omit<JournalEntry, 'id'> {
    if (this.#entry === undefined) {
      this.#entry = finishedEntry(this.#makings as EntryMakings);
      this.#makings = undefined;
    }
    return this.#entry;
  }
}
