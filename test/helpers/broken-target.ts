/**
 * A deliberately broken implementation of the unified endpoint, one defect per thing the
 * conformance suite checks, so every check has something to fail on:
 *
 * | request                                   | defect                                        |
 * | ----------------------------------------- | --------------------------------------------- |
 * | `truto_response_format=unified` (alone)   | `user.id` is a number (wrong type)            |
 * | `truto_response_format=raw`               | records lack `userId` (missing required)      |
 * | `truto_response_format=normalized`        | `metrics.interactivity` is a string           |
 * | `truto_response_format=debug`             | no `debug` (missing required)                 |
 * | `truto_response_format=stream`            | `application/json` (wrong content type)       |
 * | `truto_key_by=id`                         | `result` stays an array                       |
 * | no token                                  | 200 (auth not enforced)                       |
 * | no `start_time`                           | 500                                           |
 * | no `end_time`                             | 418 (undocumented status)                     |
 * | another `integrated_account_id`           | 200                                           |
 * | a `next_cursor` it never issued           | 200                                           |
 * | paging (default format)                   | `next_cursor` always `c1`: a loop             |
 * | `truto_exclude_fields`, `truto_ignore_remote_data` | ignored                              |
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BROKEN_ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

function record(id: string) {
  return {
    id,
    user: { id: `u-${id}`, emails: [{ email: `${id}@example.com`, is_primary: true }] },
    start_time: '2026-10-01T00:00:00Z',
    end_time: '2026-11-01T00:00:00Z',
    aggregation_period: 'total',
    timezone: 'UTC',
    metrics: {
      interactivity: 6.4,
      longest_customer_story: 131,
      longest_monologue: 187,
      patience: 1.1,
      question_rate: 11,
    },
    additional_metrics: [{ name: 'Talk Ratio', value: 0.46 }],
    remote_data: { userId: `u-${id}`, personInteractionStats: [] },
  };
}

const RECORDS = [record('r1'), record('r2')];

function json(status: number, body: unknown, contentType = 'application/json') {
  return { status, contentType, body: JSON.stringify(body) };
}

function error(status: number, name: string, message: string) {
  return json(status, { statusCode: status, error: name, message });
}

/** The broken answer to a request. */
export function brokenAnswer(url: URL, authorization: string | undefined) {
  const q = url.searchParams;
  if (url.pathname !== '/unified/conversational-intelligence/interactions') return error(404, 'Not Found', 'no route');
  if (!q.has('start_time')) return error(500, 'Internal Server Error', 'Cannot read properties of undefined');
  if (!q.has('end_time')) return error(418, "I'm a teapot", 'no end_time');
  if (q.get('integrated_account_id') !== BROKEN_ACCOUNT) return json(200, { result: RECORDS, next_cursor: null });
  if (authorization === undefined) return json(200, { result: RECORDS, next_cursor: null });
  const cursor = q.get('next_cursor');
  if (cursor !== null && cursor !== 'c1') return json(200, { result: RECORDS, next_cursor: null });
  if (q.has('truto_key_by')) return json(200, { result: RECORDS, next_cursor: null });
  const extras = [...q.keys()].some(
    (key) => key.startsWith('truto_exclude_fields') || key === 'truto_ignore_remote_data',
  );
  switch (q.get('truto_response_format')) {
    case 'unified':
      if (extras) break;
      return json(200, { result: RECORDS.map((r) => ({ ...r, user: { ...r.user, id: 42 } })), next_cursor: null });
    case 'raw':
      return json(200, {
        result: RECORDS.map((r) => ({ userEmailAddress: 'x@example.com', personInteractionStats: [] })),
        next_cursor: null,
      });
    case 'normalized':
      return json(200, {
        result: RECORDS.map(({ remote_data: _, ...r }) => ({
          ...r,
          user: { ...r.user, name: null },
          metrics: { ...r.metrics, interactivity: 'high' },
          created_at: null,
          updated_at: null,
        })),
        next_cursor: null,
      });
    case 'debug':
      return json(200, { result: RECORDS, next_cursor: null });
    case 'stream':
      return json(200, RECORDS);
  }
  // The default format pages forever: the cursor it hands out brings back the same page.
  return json(200, { result: RECORDS, next_cursor: 'c1' });
}

/** A running broken target. */
export interface BrokenTarget {
  url: string;
  close(): Promise<void>;
}

/** Serves {@link brokenAnswer} on 127.0.0.1, port 0. */
export async function startBrokenTarget(): Promise<BrokenTarget> {
  const server: Server = createServer((req, res) => {
    const answer = brokenAnswer(new URL(req.url ?? '/', 'http://x'), req.headers.authorization);
    res.writeHead(answer.status, { 'content-type': answer.contentType });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
