/**
 * Fault sequences over real sockets: `POST/GET/DELETE /__admin/faults` and `app.faults`; a client
 * retrying like the official TypeScript SDK walks "2 x rate-limited, 1 x remote-error, then
 * normal" to its end; under 50 concurrent requests a sequence of `times: 3` faults exactly 3.
 */
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { FaultSequenceError } from '../../src/faults/fault-sequences.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { httpSees, listen } from '../helpers/wire-clients.js';

let mock: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  mock = await listen({ now: NOW });
});
afterAll(() => mock.close());
afterEach(async () => {
  await fetch(`${mock.base}/__admin/faults`, { method: 'DELETE' });
});

const OTHER_ACCOUNT = '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17';

async function addFault(sequence: Record<string, unknown>): Promise<Response> {
  return fetch(`${mock.base}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sequence),
  });
}

async function listFaults(): Promise<Array<Record<string, unknown>>> {
  return ((await (await fetch(`${mock.base}/__admin/faults`)).json()) as { faults: Array<Record<string, unknown>> })
    .faults;
}

/** The SDK's retry rule: 408, 409, 425, 429, 502, 503, 504 are retried; a 429 sleeps Retry-After seconds. */
const RETRIED = new Set([408, 409, 425, 429, 502, 503, 504]);

/** Walks every page like the official TypeScript SDK, retrying as it does; answers what it met. */
async function sdkWalk(base: string, query: Record<string, string>) {
  const statuses: number[] = [];
  const slept: number[] = [];
  const records: unknown[] = [];
  let cursor = '';
  for (let attempts = 0; attempts < 20; attempts++) {
    const url = `${base}${unifiedUrl(october({ ...query, next_cursor: cursor }))}`;
    const response = await fetch(url, { headers: AUTH });
    statuses.push(response.status);
    if (RETRIED.has(response.status)) {
      const seconds = response.status === 429 ? Number(response.headers.get('retry-after') ?? '10') : 0.05;
      slept.push(seconds);
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    const page = (await response.json()) as { result: unknown[]; next_cursor: string | null };
    records.push(...page.result);
    if (!page.next_cursor) return { statuses, slept, records };
    cursor = page.next_cursor;
  }
  throw new Error(`gave up after ${statuses.join(', ')}`);
}

describe('/__admin/faults', () => {
  it('keeps a sequence, lists it with what is left, and forgets it', async () => {
    const added = await addFault({ scenario: 'remote-error', times: 2, after: 1, account: ACCOUNT.toUpperCase() });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({
      id: expect.any(Number),
      scenario: 'remote-error',
      times: 2,
      after: 1,
      account: ACCOUNT,
      seen: 0,
      left: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await fetch(`${mock.base}${unifiedUrl(october({ limit: '1' }))}`, { headers: AUTH })).status);
    expect(statuses).toEqual([200, 502, 502, 200]);
    expect(await listFaults()).toEqual([expect.objectContaining({ scenario: 'remote-error', seen: 4, left: 0 })]);
    const cleared = await fetch(`${mock.base}/__admin/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({ cleared: 1 });
    expect(await listFaults()).toEqual([]);
  });

  it('refuses a malformed sequence with a 400 naming every problem', async () => {
    const res = await addFault({ scenario: 'meteor', times: 0, color: 'red' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { statusCode: number; message: string };
    expect(body.statusCode).toBe(400);
    expect(body.message).toContain('"color": not a field of a fault sequence');
    expect(body.message).toContain('scenario: unknown scenario "meteor"');
    expect(body.message).toContain('times: must be a whole number from 1 to 1000000, got 0');
    const notJson = await fetch(`${mock.base}/__admin/faults`, { method: 'POST', body: 'x' });
    expect(notJson.status).toBe(400);
    expect(await listFaults()).toEqual([]);
  });

  it('matches only its account and path, and a route only meets what it offers', async () => {
    await addFault({ scenario: 'rate-limited', times: 5, account: OTHER_ACCOUNT });
    await addFault({ scenario: 'forbidden', times: 5, path: '/gong' });
    await addFault({ scenario: 'forbidden', times: 5, path: '/gong' });
    const unified = await fetch(`${mock.base}${unifiedUrl(october({ limit: '1' }))}`, { headers: AUTH });
    expect(unified.status).toBe(200);
    // `forbidden` is the unified API's: the Gong routes never meet it, nor count towards it.
    const gong = await fetch(`${mock.base}/gong/${ACCOUNT}/v2/users`, { headers: { Authorization: 'Bearer t' } });
    expect(gong.status).toBe(200);
    const other = await fetch(`${mock.base}${unifiedUrl(october({ integrated_account_id: OTHER_ACCOUNT }))}`, {
      headers: AUTH,
    });
    expect(other.status).toBe(429);
    expect((await listFaults()).map((f) => f.seen)).toEqual([1, 0, 0]);
  });

  it('a request asking for its own scenario is not counted', async () => {
    await addFault({ scenario: 'remote-error', times: 1 });
    const own = await fetch(`${mock.base}${unifiedUrl(october({ __scenario: 'empty' }))}`, { headers: AUTH });
    expect(own.status).toBe(200);
    expect((await listFaults())[0]).toMatchObject({ seen: 0, left: 1 });
  });
});

describe('a client that retries like the official SDK', () => {
  it('walks "2 x rate-limited, 1 x remote-error, then normal" to the end', async () => {
    const healthy = await sdkWalk(mock.base, { limit: '100' });
    await addFault({ scenario: 'rate-limited', times: 2 });
    await addFault({ scenario: 'remote-error', times: 1, after: 2 });
    const walk = await sdkWalk(mock.base, { limit: '100' });
    expect(walk.statuses.slice(0, 4)).toEqual([429, 429, 502, 200]);
    expect(walk.statuses.slice(3).every((status) => status === 200)).toBe(true);
    expect(walk.slept).toEqual([2, 2, 0.05]);
    expect(walk.records).toEqual(healthy.records);
    expect((await listFaults()).map((f) => f.left)).toEqual([0, 0]);
  });
});

describe('under concurrency', () => {
  it('a sequence of times 3 hit by 50 concurrent requests faults exactly 3', async () => {
    await addFault({ scenario: 'remote-error', times: 3 });
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const res = await fetch(`${mock.base}${unifiedUrl(october({ limit: '1' }))}`, { headers: AUTH });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((status) => status === 502)).toHaveLength(3);
    expect(statuses.filter((status) => status === 200)).toHaveLength(47);
    expect(await listFaults()).toEqual([expect.objectContaining({ seen: 50, left: 0 })]);
  });

  it('so does a wire sequence, over node:http: exactly 3 connections fail', async () => {
    await addFault({ scenario: 'empty-response', times: 3 });
    const seen = await Promise.all(
      Array.from({ length: 50 }, () => httpSees(`${mock.base}${unifiedUrl(october({ limit: '1' }))}`, AUTH)),
    );
    expect(seen.filter((s) => s.error?.code === 'ECONNRESET')).toHaveLength(3);
    expect(seen.filter((s) => s.status === 200)).toHaveLength(47);
  });
});

describe('programmatically', () => {
  it('app.faults adds, lists and clears the same sequences the admin API sees', async () => {
    const app = createApp({ now: NOW });
    const added = await app.faults.add({ scenario: 'account-blocked', times: 1 });
    expect(added).toMatchObject({ scenario: 'account-blocked', times: 1, after: 0, left: 1 });
    expect((await request(app).get(unifiedUrl(october())).set(AUTH)).status).toBe(503);
    expect((await request(app).get(unifiedUrl(october())).set(AUTH)).status).toBe(200);
    expect((await request(app).get('/__admin/faults')).body.faults).toEqual([
      expect.objectContaining({ id: added.id, seen: 2, left: 0 }),
    ]);
    await expect(app.faults.add({ scenario: 'nope', times: 1 })).rejects.toThrow(FaultSequenceError);
    expect(await app.faults.clear()).toBe(1);
  });
});
