/**
 * What `createEngine` assembles: the world's now and seed, the store and journal (and taking
 * them over with `replaces`), the mappings, the caches' use, the health answer's fields, and
 * how `record` turns an exchange into a journal entry (redaction, HEAD, a stream's head).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { RESPONSE_PREVIEW_BYTES } from '../../src/engine/response-preview.js';
import { WINDOW_CACHE_ENTRIES } from '../../src/gong/window-cache.js';
import { loadJsonata } from '../../src/mapping/jsonata-loader.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { NOW, OCTOBER } from '../helpers/mock.js';

const A = DEFAULT_ACCOUNT_ID;
const ROUTE = '/unified/conversational-intelligence/interactions';
const Q = new URLSearchParams({ integrated_account_id: A, ...OCTOBER }).toString();
const BEARER = { authorization: 'Bearer t' };
const BASE = { method: 'GET', status: 200, scenario: undefined, time: '2026-11-24T00:00:00.000Z', durationMs: 2 };
const ACCOUNT_DOC = { id: A, name: 'A', timeZone: 'UTC', generatedUsers: 1 };
const ONE_ACCOUNT = [ACCOUNT_DOC];

describe('createEngine', () => {
  it('takes the world’s now unless the options name one', () => {
    const world = { now: '2026-05-01T00:00:00Z', accounts: ONE_ACCOUNT };
    expect(createEngine({ world }).settings.now()).toBe(Date.parse('2026-05-01T00:00:00Z'));
    expect(createEngine({ world, now: NOW }).settings.now()).toBe(Date.parse(NOW));
    expect(createEngine({ world, now: NOW }).context.now()).toBe(Date.parse(NOW));
    expect(createEngine({ world: { accounts: ONE_ACCOUNT } }).settings.now).toBe(Date.now);
  });

  it('builds the world from the seed, the accounts and the user count', () => {
    const engine = createEngine({ seed: 9, accounts: [{ id: A, name: 'A', domain: 'a.example', timeZone: 'UTC', userCount: 4 }], userCount: 2 });
    expect(engine.world.seed).toBe(9);
    expect(engine.world.accounts.map((account) => [account.id, account.userCount])).toEqual([[A, 2]]);
  });

  it('no mapping anywhere: none; one in the options or a world account: overrides', () => {
    expect(createEngine().mappings).toBeUndefined();
    expect(createEngine({ mapping: { response_mapping: '$' } }).mappings).toBeDefined();
    const world = { accounts: [{ ...ACCOUNT_DOC, mapping: { response_mapping: '$' } }] };
    expect(createEngine({ world }).mappings).toBeDefined();
  });

  it('the mappings are the options’ and the world accounts’, each account under its lower-case id', async () => {
    expect(createEngine({ mapping: { response_mapping: '$' } }).mappings?.forAccount(A)?.layers).toEqual({
      query_mapping: 'base',
      response_mapping: 'server',
    });
    const upper = A.toUpperCase();
    const world = { accounts: [{ ...ACCOUNT_DOC, id: upper, mapping: { response_mapping: '(' } }] };
    const engine = createEngine({ world });
    expect(engine.mappings?.forAccount(A)?.layers).toEqual({ query_mapping: 'base', response_mapping: 'account' });
    // The load-time check names the account as the engine keyed it.
    expect((await engine.mappings?.check())?.map((failure) => failure.accountId)).toEqual([A]);
  });

  it('a mapping runs on the JSONata the parts load', async () => {
    let loads = 0;
    const loader = async () => (loads++, loadJsonata());
    const engine = createEngine({ mapping: { response_mapping: '$' } }, { jsonataLoader: loader });
    expect(await engine.mappings?.check()).toEqual([]);
    expect(loads).toBe(1);
  });

  it('the store: the one given, else a memory store; replaces carries store and journal over', async () => {
    const store = createMemoryStore();
    const first = createEngine({}, { store });
    expect(first.store).toBe(store);
    const second = createEngine({}, { replaces: first, store: createMemoryStore() });
    expect(second.store).toBe(store);
    expect(second.journal).toBe(first.journal);
    expect(createEngine().store).not.toBe(store);
  });

  it('the default memory store measures its windows on the options’ clock', async () => {
    let now = 0;
    const engine = createEngine({ clock: () => now });
    expect((await engine.store.incr('k', { windowMs: 1000 })).value).toBe(1);
    expect((await engine.store.incr('k', { windowMs: 1000 })).value).toBe(2);
    now = 5000;
    expect((await engine.store.incr('k', { windowMs: 1000 })).value).toBe(1);
  });

  it('the window cache holds the options’ bytes: none kept at 0, a walked window kept by default', async () => {
    const walk = async (windowCacheBytes?: number) => {
      const engine = createEngine({ now: NOW, ...(windowCacheBytes === undefined ? {} : { windowCacheBytes }) });
      const account = engine.world.account(A);
      if (account === undefined) throw new Error('no default account');
      const body = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };
      for (let i = 0; i < 2; i++) expect((await engine.gong.interactionStats(account, body)).status).toBe(200);
      return engine.windowCacheUse().entries;
    };
    expect(await walk()).toBe(1);
    expect(await walk(0)).toBe(0);
  });

  it('reports the caches’ use against their bounds', async () => {
    const engine = createEngine({ pageCacheBytes: 1000, windowCacheBytes: 2000, journalBytes: 3000, journalSize: 4 });
    expect(engine.windowCacheUse()).toEqual({ entries: 0, bytes: 0, maxEntries: WINDOW_CACHE_ENTRIES, maxBytes: 2000 });
    expect(await engine.memoryUse()).toEqual({
      pages: { entries: 0, bytes: 0, maxEntries: 20_000, maxBytes: 1000 },
      windows: { entries: 0, bytes: 0, maxEntries: WINDOW_CACHE_ENTRIES, maxBytes: 2000 },
      journal: { entries: 0, bytes: 0, maxEntries: 4, maxBytes: 3000 },
    });
  });

  it('health names the instance, the store (custom when it says nothing) and the caches', async () => {
    const inner = createMemoryStore();
    const custom = { ...inner, health: undefined };
    const engine = createEngine({ instance: 'i-9' }, { store: custom, health: () => ({ pid: 7 }) });
    const body = JSON.parse(String((await engine.answer({ method: 'GET', url: '/__admin/health', headers: {} })).body));
    expect(body).toMatchObject({
      pid: 7,
      instance: 'i-9',
      store: { driver: 'custom', reachable: true, degraded: false },
      caches: { pages: { entries: 0 } },
    });
    const memory = JSON.parse(String((await createEngine().answer({ method: 'GET', url: '/__admin/health', headers: {} })).body));
    expect(memory.store).toEqual(inner.health?.());
  });
});

describe('record', () => {
  it('an entry of the exchange: path, redacted query, account, instance, and nothing it was not given', async () => {
    const engine = createEngine({ instance: 'me' });
    await engine.record({ ...BASE, url: `/gong/${A}/v2/users?api_key=s3cret&x=1` });
    const [entry] = (await engine.journal.list()).requests;
    expect(entry).toEqual({
      id: 1,
      ...BASE,
      path: `/gong/${A}/v2/users`,
      query: expect.not.stringContaining('s3cret'),
      account: A,
      instance: 'me',
    });
    expect(entry?.query).toContain('x=1');
    for (const key of ['violations', 'requestHeaders', 'responseHeaders', 'responseBody'])
      expect(entry).not.toHaveProperty(key);
  });

  it('headers redacted, a repeated one joined, an absent one left out; violations kept', async () => {
    const engine = createEngine();
    const violations = [{ pointer: '/body', rule: 'r', message: 'm' }];
    await engine.record({
      ...BASE,
      url: '/x',
      headers: { authorization: 'Bearer s3cret', accept: ['a', 'b'], gone: undefined },
      violations,
    });
    const [entry] = (await engine.journal.list()).requests;
    expect(entry?.requestHeaders).toEqual({ authorization: expect.not.stringContaining('s3cret'), accept: 'a, b' });
    expect(entry?.violations).toEqual(violations);
  });

  it('the answer’s headers and body preview; none for HEAD', async () => {
    const engine = createEngine({ now: NOW });
    const answer = await engine.answer({ method: 'GET', url: `${ROUTE}?${Q}`, headers: BEARER });
    await engine.record({ ...BASE, url: `${ROUTE}?${Q}`, answer });
    await engine.record({ ...BASE, method: 'head', url: `${ROUTE}?${Q}`, answer });
    const [get, head] = (await engine.journal.list()).requests;
    expect(get?.responseHeaders).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(get?.responseBody?.truncated).toBe(true);
    expect(get?.responseBody?.text).toBe(new TextDecoder().decode(answer.body as Uint8Array).slice(0, RESPONSE_PREVIEW_BYTES));
    expect(head?.responseHeaders).toEqual(get?.responseHeaders);
    expect(head).not.toHaveProperty('responseBody');
  });

  it('a repeated page’s preview is the same; a string body previews as itself', async () => {
    const engine = createEngine();
    const bytes = new TextEncoder().encode('{"a":1}');
    const answer = { status: 200, headers: {}, body: bytes, cacheable: true, delayMs: 0 };
    await engine.record({ ...BASE, url: '/x', answer });
    await engine.record({ ...BASE, url: '/x', answer });
    await engine.record({ ...BASE, url: '/x', answer: { ...answer, body: '{"b":2}' } });
    const entries = (await engine.journal.list()).requests;
    expect(entries.map((entry) => entry.responseBody)).toEqual([
      { text: '{"a":1}', truncated: false },
      { text: '{"a":1}', truncated: false },
      { text: '{"b":2}', truncated: false },
    ]);
  });

  it('a journaled stream previews what the door read of it', async () => {
    const engine = createEngine({ now: NOW });
    const url = `${ROUTE}?${Q}&truto_response_format=stream`;
    const answer = await engine.answer({ method: 'GET', url, headers: BEARER });
    let read = '';
    for await (const page of answer.pages ?? []) read += page;
    await engine.record({ ...BASE, url, answer });
    const [entry] = (await engine.journal.list()).requests;
    expect(entry?.responseBody).toEqual({ text: read.slice(0, RESPONSE_PREVIEW_BYTES), truncated: true });
    expect(entry?.responseHeaders).toEqual({ 'content-type': 'application/x-ndjson; charset=utf-8' });
  });

  it('a stream the door never read previews as empty', async () => {
    const engine = createEngine({ now: NOW });
    const url = `${ROUTE}?${Q}&truto_response_format=stream`;
    const answer = await engine.answer({ method: 'GET', url, headers: BEARER });
    await engine.record({ ...BASE, url, answer });
    await answer.pages?.[Symbol.asyncIterator]().return?.();
    const [entry] = (await engine.journal.list()).requests;
    expect(entry?.responseBody).toEqual({ text: '', truncated: false });
  });
});
