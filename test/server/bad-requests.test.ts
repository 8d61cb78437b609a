import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AUTH, getUnified, mockApp, october, unifiedUrl } from '../helpers/mock.js';
import { BAD_UNIFIED_REQUESTS } from '../helpers/bad-unified-requests.js';

const app = mockApp();
const valid = october();
const table = BAD_UNIFIED_REQUESTS;

describe('bad requests get the right status and a message naming the problem', () => {
  it('the table is large enough', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it.each(table)('$name -> $status', async ({ query, path, headers, status, message }) => {
    const url = path ?? unifiedUrl(query ?? []);
    const res =
      path === undefined
        ? await getUnified(app, url, headers ?? AUTH)
        : await request(app)
            .get(url)
            .set(headers ?? AUTH);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({
      statusCode: status,
      error: expect.any(String),
      message: expect.stringMatching(message),
    });
    if (status === 422)
      expect(res.body).toMatchObject({
        truto_is_remote_error: true,
        raw_response: { requestId: expect.any(String), errors: expect.any(Array) },
      });
  });

  it('the server answers normally after all of them, and no prototype was polluted', async () => {
    for (const { query, path, headers } of table)
      await request(app)
        .get(path ?? unifiedUrl(query ?? []))
        .set(headers ?? AUTH);
    const res = await getUnified(app, unifiedUrl(valid));
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a tampered cursor is refused with a message saying so', async () => {
    const first = await getUnified(app, unifiedUrl({ ...valid, limit: '3' }));
    const cursor: string = first.body.next_cursor;
    const [body, sig] = cursor.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const edited = `${Buffer.from(JSON.stringify({ ...payload, o: 50 })).toString('base64url')}.${sig}`;
    const res = await getUnified(app, unifiedUrl({ ...valid, limit: '3', next_cursor: edited }));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/signature does not match/);
    const truncated = await getUnified(app, unifiedUrl({ ...valid, limit: '3', next_cursor: cursor.slice(0, -4) }));
    expect(truncated.status).toBe(400);
  });
});
