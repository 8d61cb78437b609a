/**
 * What the journal keeps of a response: its headers and the first few KB of its body, secrets
 * redacted, so the console can show what a client got without the journal holding whole pages
 * (a unified page is tens of KB; a stream, megabytes). Every door hands the engine its answer
 * and the engine makes the preview, so every door journals the same bytes.
 */
import { redactHeaders, redactJsonText } from '../redact.js';

/** Bytes of a response body the journal keeps (UTF-8, cut at a character's boundary). */
export const RESPONSE_PREVIEW_BYTES = 4096;

/** The content type the HTTP doors send when an answer names none (see node-http/send.ts). */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The start of a response body, as the journal keeps it.
 *
 * @example
 * const body: JournalResponseBody = { text: '{"result":[', truncated: true };
 */
export interface JournalResponseBody {
  /** The body's first RESPONSE_PREVIEW_BYTES bytes at most, as UTF-8 text, secrets redacted. */
  text: string;
  /** Whether the body went on past `text`. */
  truncated: boolean;
}

/**
 * The first bytes of a stream as it is read: `pages` passed through unchanged, the start of
 * what went by kept in `head` (a stream of megabytes costs the journal a few KB).
 *
 * @example
 * const head = { text: '', more: false };
 * for await (const page of tapPages(answer.pages, head)) send(page);
 * head.text; // the first 4 KB or so
 */
export async function* tapPages(
  pages: AsyncIterable<string>,
  head: { text: string; more: boolean },
): AsyncGenerator<string, void, undefined> {
  for await (const page of pages) {
    // Characters, not bytes, are counted here: the bytes are cut exactly when the entry is made.
    if (head.text.length <= RESPONSE_PREVIEW_BYTES) {
      const room = RESPONSE_PREVIEW_BYTES + 1 - head.text.length;
      head.text += page.length > room ? page.slice(0, room) : page;
      if (page.length > room) head.more = true;
    } else if (page !== '') head.more = true;
    yield page;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where a preview of these bytes ends: at most RESPONSE_PREVIEW_BYTES, never inside a character. */
function previewEnd(bytes: Uint8Array): number {
  let end = Math.min(bytes.length, RESPONSE_PREVIEW_BYTES);
  // Back to the start of a character when the cut falls inside one (continuation bytes are 10xxxxxx).
  if (end < bytes.length) while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return end;
}

/**
 * A body's preview: at most RESPONSE_PREVIEW_BYTES of UTF-8, never half a character, in a
 * string of its own (a slice of a page's string would keep the whole page alive in the
 * journal), secrets redacted.
 *
 * @example
 * previewOf('{"a":1}', false); // { text: '{"a":1}', truncated: false }
 */
export function previewOf(body: string | Uint8Array, more: boolean): JournalResponseBody {
  // Past 4096 characters a string is past 4096 bytes: only the start is encoded.
  const bytes = typeof body === 'string' ? encoder.encode(body.slice(0, RESPONSE_PREVIEW_BYTES + 1)) : body;
  const truncated = more || bytes.length > RESPONSE_PREVIEW_BYTES;
  return { text: redactJsonText(decoder.decode(bytes.subarray(0, previewEnd(bytes)))), truncated };
}

/**
 * A page's preview whose text is redacted when it is first read, not when the page is sent: the
 * redaction passes cost more than answering a new page does, and most journal entries are never
 * read. It holds the page's first RESPONSE_PREVIEW_BYTES as text of its own, never the page: a
 * decoded string, not a copy of the bytes, because under distinct pages a small buffer a request
 * kept in the journal cost the collector more than the text does (a profile of both). Every way
 * out of the process reads `text` (a listener, the admin API's JSON, a shared store's
 * `JSON.stringify`), so nothing unredacted leaves it: `text` is an own enumerable getter, which
 * JSON.stringify and structuredClone call.
 */
class DeferredPreview implements JournalResponseBody {
  declare readonly text: string;
  declare readonly truncated: boolean;
  /** What the text will weigh at most (see `previewWeight`), known without making it. */
  readonly #weight: number;
  /** The text before redaction, until it is redacted. */
  #raw: string | undefined;
  #text: string | undefined;

  /**
   * The one getter every preview's `text` shares: a getter made per preview would give each
   * one a hidden class of its own, a new map a distinct page for V8 to make and sweep.
   */
  static readonly #readText = function (this: DeferredPreview): string {
    if (this.#text === undefined) {
      this.#text = redactJsonText(this.#raw as string);
      this.#raw = undefined;
    }
    return this.#text;
  };

  constructor(body: Uint8Array) {
    const end = previewEnd(body);
    // TextDecoder makes a string of its own: no view of the page's bytes is kept.
    this.#raw = decoder.decode(body.subarray(0, end));
    // Bytes, not characters, as if each were one: redaction changes the length by a few
    // characters a secret, and the bound is the journal's, not an exact count.
    const kept = Math.min(body.length, RESPONSE_PREVIEW_BYTES);
    this.#weight = PREVIEW_OVERHEAD + (hasBeyondLatin1(body, kept) ? 2 : 1) * kept;
    // `text` first, as in a preview made at once: the same JSON, key for key.
    Object.defineProperty(this, 'text', { enumerable: true, get: DeferredPreview.#readText });
    (this as { truncated: boolean }).truncated = body.length > RESPONSE_PREVIEW_BYTES;
  }

  get weight(): number {
    return this.#weight;
  }
}

/**
 * A page's preview, redacted when first read (see DeferredPreview).
 *
 * @example
 * const preview = deferredPreviewOf(new TextEncoder().encode('{"token":"abc"}'));
 * preview.text; // '{"token":"[REDACTED]"}', made now and kept
 */
export function deferredPreviewOf(body: Uint8Array): JournalResponseBody {
  return new DeferredPreview(body);
}

/**
 * Whether the text of `bytes[0, end)` holds a character past Latin-1 (a UTF-8 lead byte of 0xC4
 * or more), which makes a string two bytes a character: `previewWeight`'s rule, known without
 * the text. Read four bytes at a time while they are ASCII, when the bytes sit where a 32-bit
 * view can start (a page's own buffer does; a slice of Node's pool may not).
 */
function hasBeyondLatin1(bytes: Uint8Array, end: number): boolean {
  let at = 0;
  if ((bytes.byteOffset & 3) === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, end >>> 2);
    while (at < words.length && ((words[at] as number) & 0x80808080) === 0) at++;
    at *= 4;
  }
  for (; at < end; at++) if ((bytes[at] as number) >= 0xc4) return true;
  return false;
}

/** Bytes a preview costs besides its text's characters. */
export const PREVIEW_OVERHEAD = 32;

/**
 * What a preview weighs in the journal: its text in a string of its own, a byte a character,
 * two when it holds any beyond Latin-1; a deferred preview, what its text will weigh at most,
 * so weighing it does not make its text.
 *
 * @example
 * previewWeight({ text: 'abcé', truncated: false }); // 36
 */
export function previewWeight(preview: JournalResponseBody): number {
  if (preview instanceof DeferredPreview) return preview.weight;
  return PREVIEW_OVERHEAD + (/[^\u0000-\u00ff]/.test(preview.text) ? 2 : 1) * preview.text.length;
}

/**
 * An answer's headers as the journal keeps them: the answer's own (what the API sends; the
 * transport headers an HTTP server adds, `content-length` and `date`, are no door's answer),
 * names lower case, with the content type the doors fill in for a body, secret values
 * redacted. It takes the headers and whether the answer was a stream, not the answer: an
 * entry keeps these until it is read, and must not keep a whole page alive.
 *
 * @example
 * journalResponseHeaders({ 'X-Token': 'abc' }, false);
 * // { 'x-token': '[REDACTED]', 'content-type': 'application/json; charset=utf-8' }
 */
export function journalResponseHeaders(
  answerHeaders: Record<string, string>,
  streamed: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(redactHeaders(answerHeaders))) headers[name.toLowerCase()] = value;
  if (!streamed && headers['content-type'] === undefined) headers['content-type'] = JSON_TYPE;
  return headers;
}
