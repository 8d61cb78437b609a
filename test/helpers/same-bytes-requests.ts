/**
 * The table of requests over which the MSW handlers must answer the HTTP server's bytes: every
 * format, the query options, errors, scenarios, fault accounts, the Gong and admin APIs. Plain
 * data with no Node import, so the browser test sends the very same table from a page.
 */

/** One request of the table, as fetch sends it. */
export interface SameBytesRequest {
  name: string;
  method?: string;
  /** Path and query below the mock's origin. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What a side answered, bytes as base64 so a page can hand them over as JSON. */
export interface SameBytesAnswer {
  status: number;
  headers: Record<string, string>;
  base64: string;
}

const A = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const UNIFIED = '/unified/conversational-intelligence/interactions';
const WINDOW = 'start_time=2026-10-01T00:00:00-07:00&end_time=2026-11-01T00:00:00-07:00';
const AUTH = { Authorization: 'Bearer test-token' };
const BASIC = { Authorization: `Basic ${btoa('key:secret')}` };
const GONG_JSON = { ...BASIC, 'Content-Type': 'application/json' };
const OCTOBER_FILTER = JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } });

/** The unified endpoint for `account` over October 2026, with `extra` query text. */
const unified = (extra = '', account = A): string => `${UNIFIED}?integrated_account_id=${account}&${WINDOW}${extra}`;

/** The table: each name says what the request exercises. */
export const SAME_BYTES_REQUESTS: readonly SameBytesRequest[] = [
  { name: 'unified, default format', path: unified(), headers: AUTH },
  { name: 'unified, limit 7', path: unified('&limit=7'), headers: AUTH },
  { name: 'raw', path: unified('&truto_response_format=raw&limit=3'), headers: AUTH },
  { name: 'normalized', path: unified('&truto_response_format=normalized&limit=3'), headers: AUTH },
  { name: 'debug', path: unified('&truto_response_format=debug&limit=3'), headers: AUTH },
  { name: 'stream', path: unified('&truto_response_format=stream'), headers: AUTH },
  { name: 'truto_key_by', path: unified('&truto_key_by=user.id&limit=4'), headers: AUTH },
  {
    name: 'truto_exclude_fields, both encodings',
    path: unified('&truto_exclude_fields[]=metrics&truto_exclude_fields=remote_data,user.emails&limit=4'),
    headers: AUTH,
  },
  { name: 'truto_ignore_remote_data', path: unified('&truto_ignore_remote_data=true&limit=4'), headers: AUTH },
  { name: 'users filter, SDK encoding', path: unified('&users[0][id]=1&users[1][id]=2'), headers: AUTH },
  { name: 'empty next_cursor', path: unified('&next_cursor=&limit=2'), headers: AUTH },
  { name: 'HEAD', method: 'HEAD', path: unified('&limit=2'), headers: AUTH },
  { name: 'error: no token', path: unified() },
  { name: 'error: missing window', path: `${UNIFIED}?integrated_account_id=${A}`, headers: AUTH },
  { name: 'error: limit 0', path: unified('&limit=0'), headers: AUTH },
  { name: 'error: garbage cursor', path: unified('&next_cursor=garbage'), headers: AUTH },
  { name: 'error: unknown account', path: unified('', '00000000-0000-4000-8000-000000000000'), headers: AUTH },
  { name: 'error: unknown format', path: unified('&truto_response_format=toString'), headers: AUTH },
  { name: 'error: POST on the unified endpoint', method: 'POST', path: unified(), headers: AUTH, body: '{}' },
  { name: 'error: unknown path', path: '/unified/crm/contacts', headers: AUTH },
  { name: 'scenario: Prefer rate-limited', path: unified(), headers: { ...AUTH, Prefer: 'scenario=rate-limited' } },
  { name: 'scenario: __scenario=empty', path: unified('&__scenario=empty'), headers: AUTH },
  { name: 'scenario: credentials-revoked', path: unified('&__scenario=credentials-revoked'), headers: AUTH },
  { name: 'scenario: remote-error', path: unified('&__scenario=remote-error'), headers: AUTH },
  {
    name: 'scenario: looping, debug',
    path: unified('&__scenario=looping&truto_response_format=debug&limit=2'),
    headers: AUTH,
  },
  { name: 'scenario: forbidden', path: unified(), headers: { ...AUTH, Prefer: 'respond-async, scenario=forbidden' } },
  { name: 'scenario: account-blocked', path: unified('&__scenario=account-blocked'), headers: AUTH },
  { name: 'scenario: remote-timeout', path: unified('&__scenario=remote-timeout'), headers: AUTH },
  { name: 'scenario: internal-error', path: unified('&__scenario=internal-error'), headers: AUTH },
  { name: 'scenario: unknown', path: unified('&__scenario=nope'), headers: AUTH },
  { name: 'account: revoked', path: unified('', '401a0000-0000-4000-8000-000000000401'), headers: AUTH },
  { name: 'account: blocked', path: unified('', '503a0000-0000-4000-8000-000000000503'), headers: AUTH },
  { name: 'account: empty', path: unified('', 'e0e00000-0000-4000-8000-000000000000'), headers: AUTH },
  { name: 'account: looping', path: unified('&limit=100', '100b0000-0000-4000-8000-00000000100b'), headers: AUTH },
  {
    name: 'account: rate limited, first call',
    path: unified('', '429a0000-0000-4000-8000-000000000429'),
    headers: AUTH,
  },
  { name: 'Gong users', path: `/gong/${A}/v2/users`, headers: BASIC },
  {
    name: 'Gong stats',
    method: 'POST',
    path: `/gong/${A}/v2/stats/interaction`,
    headers: GONG_JSON,
    body: OCTOBER_FILTER,
  },
  {
    name: 'Gong stats, bad JSON',
    method: 'POST',
    path: `/gong/${A}/v2/stats/interaction`,
    headers: GONG_JSON,
    body: '{"filter":',
  },
  { name: 'Gong stats, GET', path: `/gong/${A}/v2/stats/interaction`, headers: BASIC },
  { name: 'Gong, unknown account', path: '/gong/nope/v2/users', headers: BASIC },
  { name: 'Gong, unreadable base URL', path: '/gong/%ff/v2/users', headers: BASIC },
  { name: 'admin accounts', path: '/__admin/accounts' },
  { name: 'admin scenarios', path: '/__admin/scenarios' },
  { name: 'admin, unknown path', path: '/__admin/nope' },
];

/** Path and query of the first page of the full walk (limit 30: nine pages of the default account). */
export const WALK_START = unified('&limit=30');

/** Headers every HTTP transport adds whatever the answer: not the API's, so not compared. */
const TRANSPORT = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * Reads a fetch Response as comparable data: status, the API's headers (transport headers left
 * out, names in order), and the body's bytes.
 *
 * @example
 * const answer = await sameBytesAnswer(await fetch(url));
 */
export async function sameBytesAnswer(res: Response): Promise<SameBytesAnswer> {
  const headers: Record<string, string> = {};
  const names: string[] = [];
  res.headers.forEach((_value, name) => names.push(name));
  for (const name of names.sort()) if (!TRANSPORT.has(name)) headers[name] = res.headers.get(name) as string;
  const bytes = new Uint8Array(await res.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return { status: res.status, headers, base64: btoa(binary) };
}

/**
 * Sends one request of the table to `origin` with fetch.
 *
 * @example
 * await sendSameBytes('https://api.truto.one', SAME_BYTES_REQUESTS[0]!);
 */
export async function sendSameBytes(origin: string, request: SameBytesRequest): Promise<SameBytesAnswer> {
  const init: RequestInit = { method: request.method ?? 'GET', headers: request.headers ?? {} };
  if (request.body !== undefined) init.body = request.body;
  return sameBytesAnswer(await fetch(`${origin}${request.path}`, init));
}

/**
 * Follows next_cursor from `WALK_START` to the last page; each page's answer, in order.
 *
 * @example
 * const pages = await walkSameBytes('https://api.truto.one');
 */
export async function walkSameBytes(origin: string): Promise<SameBytesAnswer[]> {
  const pages: SameBytesAnswer[] = [];
  let path: string | undefined = WALK_START;
  while (path !== undefined && pages.length < 40) {
    const page = await sendSameBytes(origin, { name: 'walk', path, headers: AUTH });
    pages.push(page);
    const text = new TextDecoder().decode(Uint8Array.from(atob(page.base64), (c) => c.charCodeAt(0)));
    const cursor = page.status === 200 ? (JSON.parse(text) as { next_cursor: string | null }).next_cursor : null;
    path = cursor === null ? undefined : `${WALK_START}&next_cursor=${encodeURIComponent(cursor)}`;
  }
  return pages;
}
