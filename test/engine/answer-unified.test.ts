/**
 * The unified API asked of the engine directly: its one route and the methods it serves, the
 * 404 elsewhere, the checks before a page (credentials, scenario), and the page cache: which
 * answers are offered to it, and what a hit answers.
 */
import { describe, expect, it } from 'vitest';
import { answerUnified } from '../../src/engine/answer-unified.js';
import { createEngine } from '../../src/engine/create-engine.js';
import type { EngineRequest } from '../../src/engine/engine-request.js';
import { createPageCache } from '../../src/engine/page-cache.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { NOW, OCTOBER } from '../helpers/mock.js';

const ROUTE = '/unified/conversational-intelligence/interactions';
const Q = new URLSearchParams({ integrated_account_id: DEFAULT_ACCOUNT_ID, ...OCTOBER }).toString();
const BEARER = { authorization: 'Bearer t' };
const JSON_TYPE = 'application/json; charset=utf-8';

function get(url: string, extra: Partial<EngineRequest> = {}): EngineRequest {
  return { method: 'GET', url, headers: BEARER, ...extra };
}
const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));

describe('answerUnified', () => {
  it.each(['POST', 'DELETE', 'PUT'])('%s on the route: 405 with Allow', async (method) => {
    const engine = createEngine({ now: NOW });
    const answer = await engine.answer(get(`${ROUTE}?${Q}`, { method }));
    expect(answer.status).toBe(405);
    expect(answer.headers).toMatchObject({ allow: 'GET, HEAD', 'content-type': JSON_TYPE });
    expect(JSON.parse(text(answer.body))).toMatchObject({
      statusCode: 405,
      message: `${method} is not allowed on /unified/conversational-intelligence/interactions; use GET, HEAD`,
    });
    expect(answer.cacheable).toBe(false);
  });

  it.each<[string, string]>([
    ['/unified/nope', '/nope'],
    ['/unified', '/'],
  ])('%s: 404 naming the path and the one route', async (path, named) => {
    const engine = createEngine({ now: NOW });
    const answer = await engine.answer(get(path));
    expect(answer.status).toBe(404);
    expect(JSON.parse(text(answer.body))).toMatchObject({
      statusCode: 404,
      message: `No route GET /unified${named}; the mock serves GET /unified/conversational-intelligence/interactions`,
    });
    expect(answer.headers['content-type']).toBe(JSON_TYPE);
  });

  it('no token: 401; a bad scenario: 400; both JSON, not cacheable, no scenario', async () => {
    const engine = createEngine({ now: NOW });
    const unauthorized = await engine.answer(get(`${ROUTE}?${Q}`, { headers: {} }));
    expect([unauthorized.status, unauthorized.cacheable, unauthorized.journal]).toEqual([401, false, { scenario: undefined }]);
    expect(unauthorized.headers['content-type']).toBe(JSON_TYPE);
    const badScenario = await engine.answer(get(`${ROUTE}?${Q}`, { headers: { ...BEARER, prefer: 'scenario=nope' } }));
    expect([badScenario.status, badScenario.cacheable, badScenario.journal]).toEqual([400, false, { scenario: undefined }]);
  });

  it('a page: JSON bytes through the engine’s encoder, cacheable; kept from the second ask, then answered from the cache', async () => {
    const encoded: string[] = [];
    const engine = createEngine(
      { now: NOW },
      { encodeText: (t) => (encoded.push(t), new TextEncoder().encode(t)) },
    );
    const first = await engine.answer(get(`${ROUTE}?${Q}`));
    expect([first.status, first.cacheable, first.headers['content-type']]).toEqual([200, true, JSON_TYPE]);
    expect(first.body).toBeInstanceOf(Uint8Array);
    expect(encoded).toEqual([text(first.body)]);
    expect((await engine.memoryUse()).pages.entries).toBe(0);
    await engine.answer(get(`${ROUTE}?${Q}`));
    expect((await engine.memoryUse()).pages.entries).toBe(1);
    const hit = await engine.answer(get(`${ROUTE}?${Q}`));
    expect(encoded).toHaveLength(2);
    expect(hit).toMatchObject({ status: 200, headers: { 'content-type': JSON_TYPE }, cacheable: true, journal: { scenario: undefined } });
    expect(text(hit.body)).toBe(text(first.body));
  });

  it('an answer under a scenario is neither offered to the cache nor answered from it', async () => {
    const engine = createEngine({ now: NOW });
    await engine.answer(get(`${ROUTE}?${Q}`));
    await engine.answer(get(`${ROUTE}?${Q}`));
    const prefer = { headers: { ...BEARER, prefer: 'scenario=remote-error' } };
    const failed = await engine.answer(get(`${ROUTE}?${Q}`, prefer));
    expect([failed.status, failed.journal]).toEqual([502, { scenario: 'remote-error' }]);
    // A scenario whose answer is still a 200 page is not offered either.
    const other = `${ROUTE}?${Q}&limit=3`;
    for (let i = 0; i < 2; i++) {
      const looping = await engine.answer(get(other, { headers: { ...BEARER, prefer: 'scenario=looping' } }));
      expect([looping.status, looping.journal]).toEqual([200, { scenario: 'looping' }]);
    }
    expect((await engine.memoryUse()).pages.entries).toBe(1);
    expect((await engine.answer(get(other))).cacheable).toBe(true);
    expect((await engine.memoryUse()).pages.entries).toBe(1);
  });

  it('an error page is never kept', async () => {
    const engine = createEngine({ now: NOW });
    for (let i = 0; i < 3; i++) {
      const answer = await engine.answer(get(`${ROUTE}?integrated_account_id=${DEFAULT_ACCOUNT_ID}`));
      expect([answer.status, answer.cacheable]).toEqual([400, false]);
    }
    expect((await engine.memoryUse()).pages.entries).toBe(0);
  });

  it('a stream: its pages as NDJSON lines, not cacheable, an empty body', async () => {
    const engine = createEngine({ now: NOW });
    const answer = await engine.answer(get(`${ROUTE}?${Q}&truto_response_format=stream`));
    expect([answer.status, answer.cacheable, answer.body]).toEqual([200, false, '']);
    expect(answer.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    let lines = '';
    for await (const page of answer.pages ?? []) lines += page;
    const records = lines.trimEnd().split('\n');
    expect(records.length).toBeGreaterThan(1);
    for (const line of records) expect(JSON.parse(line)).toHaveProperty('id');
    // A stream asked under a scenario carries it.
    const asked = await engine.answer(get(`${ROUTE}?${Q}&truto_response_format=stream&__scenario=looping`));
    expect(asked.journal).toEqual({ scenario: 'looping' });
    for await (const _ of asked.pages ?? []);
  });

  it('called without an ambient scenario: a request naming none gets the plain page', async () => {
    const engine = createEngine({ now: NOW });
    const parts = {
      context: engine.context,
      gong: engine.gong,
      pages: createPageCache(),
      tokens: undefined,
      origin: 'http://mock.test',
      mappings: undefined,
      encodeText: (t: string) => new TextEncoder().encode(t),
    };
    const answer = await answerUnified(parts, get(`${ROUTE}?${Q}`), '/conversational-intelligence/interactions', Q);
    expect([answer.status, answer.cacheable, answer.scenario]).toEqual([200, true, undefined]);
    const viaEngine = await engine.answer(get(`${ROUTE}?${Q}`));
    expect(text(answer.body)).toBe(text(viaEngine.body).replaceAll(engine.settings.origin, 'http://mock.test'));
  });
});
