/**
 * The engine's routing and what it adds to every answer: the early 413 in each API's shape, the
 * delay (latency and the `slow` account), which exchanges are journaled, the 404s outside the
 * APIs, an unreadable account segment, and the scenario a request that asks for none meets.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, SLOW_ACCOUNT_DELAY_MS } from '../../src/engine/answer.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { EngineRequest } from '../../src/engine/engine-request.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { NOW, OCTOBER } from '../helpers/mock.js';

const A = DEFAULT_ACCOUNT_ID;
const SLOW = '510e0000-0000-4000-8000-00000000510e';
const BASIC = { authorization: `Basic ${btoa('key:secret')}` };
const BEARER = { authorization: 'Bearer t' };
const unified = (account: string) =>
  `/unified/conversational-intelligence/interactions?${new URLSearchParams({ integrated_account_id: account, ...OCTOBER })}`;

function request(url: string, extra: Partial<EngineRequest> = {}): EngineRequest {
  return { method: 'GET', url, headers: {}, ...extra };
}

describe('the early 413', () => {
  const engine = createEngine({ now: NOW });

  it('Gong’s shape below /gong/, closing the connection', async () => {
    const answer = await engine.answer(
      request(`/gong/${A}/v2/stats/interaction`, { method: 'POST', headers: { 'content-length': String(MAX_BODY_BYTES + 1) } }),
    );
    expect(answer.status).toBe(413);
    expect(answer.headers).toMatchObject({ connection: 'close' });
    expect(JSON.parse(String(answer.body)).errors).toEqual([`The request body is larger than ${MAX_BODY_BYTES} bytes`]);
    expect([answer.cacheable, answer.delayMs, answer.journal]).toEqual([false, 0, undefined]);
  });

  it('the unified shape elsewhere', async () => {
    const answer = await engine.answer(request('/unified/x', { method: 'POST', headers: { 'content-length': '99999999' } }));
    expect(answer.status).toBe(413);
    expect(answer.headers).toMatchObject({ connection: 'close', 'content-type': 'application/json; charset=utf-8' });
    expect(JSON.parse(String(answer.body))).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: `The request body declares 99999999 bytes; the mock reads at most ${MAX_BODY_BYTES}`,
    });
    expect(answer.journal).toBeUndefined();
  });

  it('not at the bound itself, nor for a length that is no number', async () => {
    for (const length of [String(MAX_BODY_BYTES), 'abc']) {
      const answer = await engine.answer(request('/nowhere', { headers: { 'content-length': length } }));
      expect(answer.status).toBe(404);
    }
    expect(MAX_BODY_BYTES).toBe(65536);
  });
});

describe('the delay', () => {
  it('none by default; a second for the slow account, on both APIs, not on the admin API', async () => {
    const engine = createEngine({ now: NOW });
    expect(SLOW_ACCOUNT_DELAY_MS).toBe(1000);
    expect((await engine.answer(request(unified(A), { headers: BEARER }))).delayMs).toBe(0);
    expect((await engine.answer(request(unified(SLOW), { headers: BEARER }))).delayMs).toBe(1000);
    expect((await engine.answer(request(`/gong/${SLOW}/v2/users`, { headers: BASIC }))).delayMs).toBe(1000);
    expect((await engine.answer(request(`/__admin/health?integrated_account_id=${SLOW}`))).delayMs).toBe(0);
  });

  it('the latency option on API requests, plus the slow account’s second', async () => {
    const engine = createEngine({ now: NOW, latency: '200' });
    expect((await engine.answer(request(unified(A), { headers: BEARER }))).delayMs).toBe(200);
    expect((await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }))).delayMs).toBe(200);
    expect((await engine.answer(request(`/gong/${SLOW}/v2/users`, { headers: BASIC }))).delayMs).toBe(1200);
    expect((await engine.answer(request('/__admin/health'))).delayMs).toBe(0);
    expect((await engine.answer(request('/nowhere'))).delayMs).toBe(0);
  });

  it('a latency range draws per request, seeded', async () => {
    const delays = async () => {
      const engine = createEngine({ now: NOW, latency: '100..300' });
      const out: number[] = [];
      for (let i = 0; i < 4; i++) out.push((await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }))).delayMs);
      return out;
    };
    const first = await delays();
    expect(await delays()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
    for (const delay of first) expect(delay >= 100 && delay <= 300).toBe(true);
  });
});

describe('routing', () => {
  const engine = createEngine({ now: NOW });

  it('a lower-case method is read upper-case', async () => {
    expect((await engine.answer(request(unified(A), { method: 'get', headers: BEARER }))).status).toBe(200);
  });

  it('an account segment that cannot be decoded: Gong’s 400, not journaled', async () => {
    const answer = await engine.answer(request('/gong/%E0%A4%A/v2/users', { headers: BASIC }));
    expect(answer.status).toBe(400);
    expect(JSON.parse(String(answer.body)).errors).toEqual([
      "The request could not be read: Failed to decode param '%E0%A4%A'",
    ]);
    expect([answer.journal, answer.delayMs]).toEqual([undefined, 0]);
  });

  it('an account segment in upper case or encoded is the account', async () => {
    const upper = await engine.answer(request(`/gong/${A.toUpperCase()}/v2/users`, { headers: BASIC }));
    expect(upper.status).toBe(200);
    const encoded = await engine.answer(request(`/gong/${encodeURIComponent(A).replace('-', '%2D')}/v2/users`, { headers: BASIC }));
    expect(encoded.status).toBe(200);
  });

  it('API answers are journaled, admin and unrouted ones not', async () => {
    expect((await engine.answer(request(unified(A), { headers: BEARER }))).journal).toEqual({ scenario: undefined });
    expect((await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }))).journal).toEqual({ scenario: undefined });
    expect((await engine.answer(request('/__admin/health'))).journal).toBeUndefined();
    expect((await engine.answer(request('/nowhere'))).journal).toBeUndefined();
  });

  it('below /gong/ without an account: Gong’s 404; elsewhere the unified one', async () => {
    const gong = await engine.answer(request('/gong/', { method: 'delete' }));
    expect(gong.status).toBe(404);
    expect(JSON.parse(String(gong.body)).errors).toEqual(['No Gong endpoint DELETE /gong/']);
    const other = await engine.answer(request('/x/y?z=1', { method: 'put' }));
    expect(other.status).toBe(404);
    expect(JSON.parse(String(other.body))).toEqual({ statusCode: 404, error: 'Not Found', message: 'No route PUT /x/y' });
    expect(other.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
  });
});

describe('the scenario a request meets unasked', () => {
  it('a fault sequence first, for its path and account', async () => {
    const engine = createEngine({ now: NOW });
    await engine.faults.add({ scenario: 'remote-error', times: 1, account: A });
    const other = await engine.answer(request(`/gong/${SLOW}/v2/users`, { headers: BASIC }));
    expect(other.status).toBe(200);
    const met = await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }));
    expect([met.status, met.journal]).toEqual([500, { scenario: 'remote-error' }]);
    expect((await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }))).status).toBe(200);
  });

  it('a scenario the request asks for wins over a queued sequence, which waits for the next', async () => {
    const engine = createEngine({ now: NOW });
    await engine.faults.add({ scenario: 'remote-error', times: 2 });
    const asked = await engine.answer(request(`/gong/${A}/v2/users?__scenario=rate-limited`, { headers: BASIC }));
    expect([asked.status, asked.journal]).toEqual([429, { scenario: 'rate-limited' }]);
    const askedUnified = await engine.answer(request(`${unified(A)}&__scenario=forbidden`, { headers: BEARER }));
    expect([askedUnified.status, askedUnified.journal]).toEqual([403, { scenario: 'forbidden' }]);
    expect((await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }))).status).toBe(500);
    expect((await engine.answer(request(unified(A), { headers: BEARER }))).status).toBe(502);
  });

  it('a drawn fault rate, for a known account, of a kind the endpoint offers', async () => {
    const engine = createEngine({ now: NOW, faultRate: { 'remote-error': 1 } });
    const met = await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }));
    expect([met.status, met.journal]).toEqual([500, { scenario: 'remote-error' }]);
    const unifiedMet = await engine.answer(request(unified(A), { headers: BEARER }));
    expect([unifiedMet.status, unifiedMet.journal]).toEqual([502, { scenario: 'remote-error' }]);
    // No account named: nothing drawn.
    const none = await engine.answer(request('/unified/conversational-intelligence/interactions', { headers: BEARER }));
    expect(none.status).toBe(400);
    expect(none.journal).toEqual({ scenario: undefined });
  });

  it('a kind only the unified API offers is not met on Gong', async () => {
    const engine = createEngine({ now: NOW, faultRate: { forbidden: 1 } });
    expect((await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }))).status).toBe(200);
    expect((await engine.answer(request(unified(A), { headers: BEARER }))).status).toBe(403);
  });

  it('an account whose behaviour is a wire fault meets it; other behaviours are no scenario here', async () => {
    const wireAccount = '0d000000-0000-4000-8000-00000000000d';
    const engine = createEngine({
      now: NOW,
      world: {
        accounts: [
          { id: wireAccount, name: 'Resets', timeZone: 'UTC', generatedUsers: 2, behavior: 'connection-reset' },
          { id: A, name: 'Slow', timeZone: 'UTC', generatedUsers: 2, behavior: 'slow' },
        ],
      },
    });
    const reset = await engine.answer(request(`/gong/${wireAccount}/v2/users`, { headers: BASIC }));
    expect(reset.wire).toMatchObject({ kind: 'connection-reset' });
    expect(reset.journal).toEqual({ scenario: 'connection-reset' });
    const slow = await engine.answer(request(`/gong/${A}/v2/users`, { headers: BASIC }));
    expect([slow.wire, slow.journal]).toEqual([undefined, { scenario: undefined }]);
  });
});
