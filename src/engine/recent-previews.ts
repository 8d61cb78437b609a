/**
 * The journal previews of the last few page bodies, by the bytes: the same page sent again (the
 * page cache hands out the same bytes) reuses its preview instead of making another.
 */
import { deferredPreviewOf, type JournalResponseBody } from './response-preview.js';

/**
 * How many bodies are remembered: enough for a client cycling through a few pages; it holds
 * that many pages alive at most, which the page cache holds anyway while they repeat.
 */
export const RECENT_PREVIEWS = 8;

/**
 * A function giving a body's preview, made once for each of the last `size` bodies seen
 * (compared by identity, not content; the oldest is forgotten first).
 *
 * @example
 * const previewOfPage = recentPreviews(8);
 * previewOfPage(bytes) === previewOfPage(bytes); // true while bytes are among the last 8
 */
export function recentPreviews(size: number): (body: Uint8Array) => JournalResponseBody {
  // A Map keeps insertion order: its first key is the oldest body.
  const kept = new Map<Uint8Array, JournalResponseBody>();
  return (body) => {
    let preview = kept.get(body);
    if (preview === undefined) {
      preview = deferredPreviewOf(body);
      if (kept.size >= size) kept.delete(kept.keys().next().value as Uint8Array);
      kept.set(body, preview);
    }
    return preview;
  };
}
