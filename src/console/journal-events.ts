/**
 * The journal as server-sent events: one `request` event per entry, the entries already kept
 * first (after the one the client names), then each new one as it is recorded. One open
 * response per console, no polling; a client that reconnects sends `Last-Event-ID` and misses
 * nothing still kept.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Journal, JournalEntry } from '../engine/journal.js';
import { consoleHeaders } from './console-headers.js';

/** A comment line every so often, so proxies and browsers keep an idle stream open. */
const HEARTBEAT_MS = 15_000;
/** Bytes waiting for a client that does not read; past them the stream ends and the client reconnects. */
const MAX_BUFFERED = 8 * 1024 * 1024;

/** The entry id a client asks to start after: `?after=` or `Last-Event-ID`, whichever is later. */
function startAfter(req: IncomingMessage, rawQuery: string): number {
  const given = new URLSearchParams(rawQuery).get('after') ?? '';
  const header = req.headers['last-event-id'];
  const ids = [given, typeof header === 'string' ? header : ''].filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  return Math.max(0, ...ids);
}

/**
 * Streams the journal's entries to `res` until the client goes away.
 *
 * @example
 * // GET /__admin/console/events?after=12
 * streamJournal(engine.journal, req, res, 'after=12');
 */
export async function streamJournal(
  journal: Journal,
  req: IncomingMessage,
  res: ServerResponse,
  rawQuery: string,
): Promise<void> {
  let last = startAfter(req, rawQuery);
  let live = false;
  const waiting: JournalEntry[] = [];
  function send(entry: JournalEntry) {
    if (entry.id <= last || res.writableEnded) return;
    last = entry.id;
    // JSON escapes line breaks, so one entry is always one `data:` line.
    res.write(`id: ${entry.id}\nevent: request\ndata: ${JSON.stringify(entry)}\n\n`);
    if (res.writableLength > MAX_BUFFERED) res.end();
  }
  // Listening before catching up, so an entry recorded meanwhile is neither lost nor sent twice.
  const stop = journal.onRecord((entry) => (live ? send(entry) : waiting.push(entry)));
  const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.once('close', () => {
    stop();
    clearInterval(heartbeat);
  });
  const headers = consoleHeaders('text/event-stream; charset=utf-8');
  res.writeHead(200, { ...headers, 'cache-control': 'no-store' });
  res.write('retry: 2000\n\n');
  try {
    for (let after = last; ;) {
      const page = await journal.list({}, { after, limit: 1000 });
      page.requests.forEach(send);
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
  } catch (error) {
    // A store that fails (a lost connection) ends the stream; the browser reconnects by itself.
    console.error(`interactions-kit: the console's journal stream failed: ${String(error)}`);
    res.end();
    return;
  }
  live = true;
  waiting.splice(0).forEach(send);
}
