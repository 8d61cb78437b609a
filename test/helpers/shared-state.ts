/**
 * Checks that several processes behind one address share one state, as a client sees it: each
 * request on a connection of its own (so a balancer or the cluster may hand it to any
 * process), the journal read back through the admin API.
 */
import { request } from 'node:http';

export const AUTH = { Authorization: 'Bearer t' };
export const INTERACTIONS = '/unified/conversational-intelligence/interactions';
export const WINDOW_QUERY = 'start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z';

/** An answer: status and parsed body (JSON when it is). */
export interface Reply {
  status: number;
  body: unknown;
}

/** One request on a fresh connection (no keep-alive: each may land on another process). */
export function send(
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        agent: false,
        headers: {
          ...AUTH,
          Connection: 'close',
          ...options.headers,
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: kept as text.
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A journal entry as the admin API lists it (the fields these checks read). */
export interface Entry {
  id: number;
  time: string;
  path: string;
  query: string;
  status: number;
  instance: string;
  requestHeaders?: Record<string, string>;
}

/** Every entry of the journal, page by page. */
export async function readJournal(base: string, filter = ''): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor = '';
  for (;;) {
    const reply = await send(`${base}/__admin/requests?limit=1000${filter}&next_cursor=${cursor}`);
    if (reply.status !== 200) throw new Error(`journal: ${reply.status} ${JSON.stringify(reply.body)}`);
    const page = reply.body as { requests: Entry[]; next_cursor: string | null };
    entries.push(...page.requests);
    if (page.next_cursor === null) return entries;
    cursor = page.next_cursor;
  }
}

/** The journal once it holds `count` entries passing `keep` (or after `timeoutMs`, as it is). */
export async function journalOf(
  base: string,
  count: number,
  keep: (entry: Entry) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Entry[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = (await readJournal(base)).filter(keep);
    if (entries.length >= count || Date.now() > deadline) return entries;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Walks every page of a unified list, each page on a connection of its own with `X-Walk: tag`
 * (so the journal tells walks apart): the ids in order, and the statuses that were not 200.
 */
export async function walk(base: string, query: string, tag: string): Promise<{ ids: string[]; failed: number[] }> {
  const ids: string[] = [];
  const failed: number[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const reply = await send(`${base}${INTERACTIONS}?${query}&next_cursor=${encodeURIComponent(cursor)}`, {
      headers: { 'X-Walk': tag },
    });
    if (reply.status !== 200) {
      failed.push(reply.status);
      return { ids, failed };
    }
    const page = reply.body as { result: Array<{ id: string }>; next_cursor: string | null };
    ids.push(...page.result.map((record) => record.id));
    cursor = page.next_cursor;
  }
  return { ids, failed };
}

/** The world's accounts (id and behaviour). */
export async function accounts(base: string): Promise<Array<{ id: string; behavior: string }>> {
  return ((await send(`${base}/__admin/accounts`)).body as { accounts: Array<{ id: string; behavior: string }> })
    .accounts;
}

/**
 * `count` concurrent calls of a rate-limited path, as one burst: how many were allowed. A
 * burst whose calls did not all arrive within `withinMs` (a loaded machine) cannot show one
 * window's budget, so it is sent again, after the window, up to `tries` times; the check is
 * on a burst that did fit.
 */
export async function burstAllowed(
  base: string,
  path: string,
  count: number,
  windowMs: number,
  tries = 4,
): Promise<{ allowed: number; limited: number; other: number[] }> {
  for (let attempt = 1; ; attempt++) {
    // Any window an earlier call opened ends first: the burst opens a fresh one.
    await new Promise((resolve) => setTimeout(resolve, windowMs + 100));
    await send(`${base}/__admin/requests`, { method: 'DELETE' });
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: count }, () => send(`${base}${path}`)));
    // An exchange is journaled once its response is done: the last ones may still be on their way.
    const journal = await journalOf(base, count, (entry) => path.startsWith(entry.path));
    const times = journal.map((entry) => Date.parse(entry.time));
    const spread = Math.max(...times) - Math.min(...times);
    const fitted = journal.length === count && spread < windowMs * 0.6 && performance.now() - started < windowMs * 5;
    if (fitted || attempt >= tries) {
      if (!fitted) throw new Error(`no burst of ${count} arrived within ${windowMs * 0.6} ms in ${tries} tries`);
      return {
        allowed: replies.filter((reply) => reply.status === 200).length,
        limited: replies.filter((reply) => reply.status === 429).length,
        other: replies.map((reply) => reply.status).filter((status) => status !== 200 && status !== 429),
      };
    }
  }
}
