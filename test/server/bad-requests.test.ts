/**
 * Bad unified requests over every door (the engine, Express, the Node door): each gets the
 * right status and a message naming the problem, whichever door it comes through.
 */
import { describe, expect, it } from 'vitest';
import { DOORS, describeDoors, type DoorResponse } from '../helpers/doors.js';
import { getChecked } from '../helpers/door-checks.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { BAD_UNIFIED_REQUESTS } from '../helpers/bad-unified-requests.js';

const valid = october();
const table = BAD_UNIFIED_REQUESTS;

describe('bad requests get the right status and a message naming the problem', () => {
  it('the table is large enough', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  describeDoors('through every door', { now: NOW }, (door) => {
    it.each(table)('$name -> $status', async ({ query, path, headers, status, message }) => {
      // A raw path is sent as written and not contract-checked, as before: its encoding is the problem.
      const res =
        path === undefined
          ? await getChecked(door(), unifiedUrl(query ?? []), headers ?? AUTH)
          : await door().send({ path, headers: headers ?? AUTH });
      expect(res.status).toBe(status);
      const body: unknown = JSON.parse(res.text);
      expect(body).toMatchObject({
        statusCode: status,
        error: expect.any(String),
        message: expect.stringMatching(message),
      });
      if (status === 422)
        expect(body).toMatchObject({
          truto_is_remote_error: true,
          raw_response: { requestId: expect.any(String), errors: expect.any(Array) },
        });
    });

    it('the server answers normally after all of them, and no prototype was polluted', async () => {
      for (const { query, path, headers } of table)
        await door().send({ path: path ?? unifiedUrl(query ?? []), headers: headers ?? AUTH });
      const res = await getChecked(door(), unifiedUrl(valid));
      expect(res.status).toBe(200);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('a tampered cursor is refused with a message saying so', async () => {
      const first = await getChecked(door(), unifiedUrl({ ...valid, limit: '3' }));
      const cursor: string = (JSON.parse(first.text) as { next_cursor: string }).next_cursor;
      const [body, sig] = cursor.split('.') as [string, string];
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
      const edited = `${Buffer.from(JSON.stringify({ ...payload, o: 50 })).toString('base64url')}.${sig}`;
      const res = await getChecked(door(), unifiedUrl({ ...valid, limit: '3', next_cursor: edited }));
      expect(res.status).toBe(400);
      expect((JSON.parse(res.text) as { message: string }).message).toMatch(/signature does not match/);
      const truncated = await getChecked(
        door(),
        unifiedUrl({ ...valid, limit: '3', next_cursor: cursor.slice(0, -4) }),
      );
      expect(truncated.status).toBe(400);
    });
  });
});

describe('every door answers a bad request what the engine answers, byte for byte', () => {
  it.each(table)('$name', async ({ query, path, headers }) => {
    const answers: Record<string, DoorResponse> = {};
    for (const [name, make] of Object.entries(DOORS)) {
      const door = await make({ now: NOW });
      try {
        answers[name] = await door.send({ path: path ?? unifiedUrl(query ?? []), headers: headers ?? AUTH });
      } finally {
        await door.close();
      }
    }
    for (const [name, answer] of Object.entries(answers)) expect(answer, name).toEqual(answers.engine);
  });
});
