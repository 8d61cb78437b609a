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
  // Two arrays and a turning index, not a Map: a Map keyed by each new page's bytes cost a
  // distinct page about 20 µs in the server (side by side), a look through eight slots nothing.
  const bodies: (Uint8Array | undefined)[] = new Array<undefined>(size).fill(undefined);
  const previews: (JournalResponseBody | undefined)[] = new Array<undefined>(size).fill(undefined);
  let next = 0;
  return (body) => {
    for (let i = 0; i < size; i++) if (bodies[i] === body) return previews[i] as JournalResponseBody;
    const preview = deferredPreviewOf(body);
    // The slot written longest ago is the oldest body.
    bodies[next] = body;
    previews[next] = preview;
    next = (next + 1) % size;
    return preview;
  };
}
