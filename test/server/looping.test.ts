/**
 * A remote that hands back the cursor it was given would make every client page forever
 * (neither official SDK guards against it). The service detects the loop and stops there:
 * `next_cursor: null` on the page whose remote cursor repeated, `debug.isLooping: true`, and a
 * stream that ends cleanly after the records read. Over every door (the engine, Express, the
 * Node door), each answer the engine's byte for byte.
 */
import { describe, expect, it } from 'vitest';
import type { GongApi } from '../../src/gong/gong-api.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { listInteractions, type StreamAnswer } from '../../src/unified/list-interactions.js';
import type { Interaction } from '../../src/schema-types.js';
import { describeDoors } from '../helpers/doors.js';
import { expectEveryDoorAsEngine, getChecked, walkDoor as walk, withDoor } from '../helpers/door-checks.js';
import { AUTH, NOW, october, OCTOBER, unifiedUrl } from '../helpers/mock.js';

const LOOPING = '100b0000-0000-4000-8000-00000000100b';
const LOOPING_OCTOBER = { integrated_account_id: LOOPING, ...OCTOBER };

/** The account's October, as pairs for `walk`. */
const pairs = (extra: Record<string, string> = {}): [string, string][] =>
  Object.entries({ ...LOOPING_OCTOBER, ...extra });

describeDoors('a remote that repeats its cursor', { now: NOW }, (door) => {
  it.each(['100', '25'])('ends the walk (limit %s): every record once, next_cursor null at the loop', async (limit) => {
    const pages = await walk(door(), pairs({ limit }), { maxPages: 50 });
    const ids = pages.flatMap((page) => page.body.result.map((record) => record.id));
    expect(new Set(ids).size).toBe(ids.length);
    // 150 users over two Gong pages: the loop shows on the second Gong call, after every record.
    expect(ids.length).toBeGreaterThan(100);
    expect(pages.at(-1)!.body.next_cursor).toBeNull();
  });

  it('says so in the debug envelope of the page where it stopped', async () => {
    const pages = await walk(door(), pairs(), { maxPages: 50 });
    const last = await getChecked(door(), `${pages.at(-1)!.url}&truto_response_format=debug`);
    expect(last.status).toBe(200);
    expect(last.body.next_cursor).toBeNull();
    expect(last.body.debug.isLooping).toBe(true);
    // Gong's own cursor is the one it was given: the envelope shows why the walk stopped.
    expect(last.body.debug.nextCursor).toBe(last.body.debug.requestOptions.body.cursor);
    const first = await getChecked(door(), `${pages[0]!.url}&truto_response_format=debug`);
    expect(first.body.debug.isLooping).toBe(false);
  });

  it('the looping scenario on a healthy account stops the same way', async () => {
    const pages = await walk(door(), Object.entries(october({ __scenario: 'looping' })), { maxPages: 50 });
    const healthy = await walk(door(), Object.entries(october()), { maxPages: 50 });
    // Gong hands back the cursor on its second call: the walk reads two Gong pages and stops.
    const ids = pages.flatMap((p) => p.body.result.map((r) => r.id));
    expect(ids).toEqual(healthy.flatMap((p) => p.body.result.map((r) => r.id)).slice(0, 200));
    expect(pages.at(-1)!.body.next_cursor).toBeNull();
  });

  it('a stream ends cleanly after the records read, each once', async () => {
    const res = await door().send({
      path: unifiedUrl({ ...LOOPING_OCTOBER, truto_response_format: 'stream' }),
      headers: { Authorization: 'Bearer t' },
    });
    expect(res.status).toBe(200);
    // A broken-off body reads as incomplete; a clean end as complete.
    expect(res.complete).toBe(true);
    const ids = res.text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    const walked = await walk(door(), pairs(), { maxPages: 50 });
    expect(ids).toEqual(walked.flatMap((page) => page.body.result.map((record) => record.id)));
  });
});

describe('a remote that repeats its cursor, at the engine', () => {
  it('a stream over a longer loop (A, B, A, ...) also ends cleanly, each record once', async () => {
    const { context, gong } = createEngine({ now: NOW });
    // A remote whose third page points back at the second: following it re-reads pages for ever.
    let firstCursor: string | undefined;
    const cycling: GongApi = {
      ...gong,
      async interactionStats(account, body, call) {
        const result = await gong.interactionStats(account, body, call);
        if (!result.ok) return result;
        const given = (body as { cursor?: string }).cursor;
        if (given === undefined) firstCursor = result.body.records.cursor;
        if (given === undefined || given === firstCursor) return result;
        return { ...result, body: { ...result.body, records: { ...result.body.records, cursor: firstCursor } } };
      },
    };
    const rawQuery = new URLSearchParams(october({ truto_response_format: 'stream' })).toString();
    const answer = await listInteractions(context, cycling, { rawQuery, origin: 'http://127.0.0.1' });
    expect(answer.kind).toBe('stream');
    const pages: Interaction[][] = [];
    for await (const page of (answer as StreamAnswer).pages) pages.push(page);
    const ids = pages.flat().map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Acme's October is three Gong pages: each read once, then the cursor of page 2 comes back.
    expect(pages).toHaveLength(3);
  });
});

describe('every door answers a looping remote as the engine does, byte for byte', () => {
  it('the looping account and the looping scenario, pages, debug envelopes and streams', async () => {
    // The walks' URLs (their cursors are the same on every door), then each asked on every door.
    const urls = await withDoor('engine', { now: NOW }, async (engine) => [
      ...(await walk(engine, pairs(), { maxPages: 50 })).map((page) => page.url),
      ...(await walk(engine, Object.entries(october({ __scenario: 'looping' })), { maxPages: 50 })).map(
        (page) => page.url,
      ),
    ]);
    await expectEveryDoorAsEngine({ now: NOW }, [
      ...urls.flatMap((url) => [url, `${url}&truto_response_format=debug`]).map((path) => ({ path, headers: AUTH })),
      { path: unifiedUrl({ ...LOOPING_OCTOBER, truto_response_format: 'stream' }), headers: AUTH },
    ]);
  });
});
