/**
 * A journal entry is kept unfinished in an in-process store and redacted when first read: the
 * finished entry is the one made at once, the redaction runs once and only on a read, a store
 * that serializes or a listener gets it finished (never the secret), and its weight, known
 * before, is never below what the finished entry weighs.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { finishedEntry, unfinishedEntry, weighMakings, type EntryMakings } from '../../src/engine/exchange-entry.js';
import { createJournal } from '../../src/engine/journal.js';
import { deferredPreviewOf } from '../../src/engine/response-preview.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { serializingStore } from '../helpers/serializing-store.js';

const redaction = vi.hoisted(() => ({ runs: 0 }));
vi.mock('../../src/redact.js', async (original) => {
  const actual = await original<typeof import('../../src/redact.js')>();
  const counted =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      redaction.runs++;
      return f(...args);
    };
  return { ...actual, redactQuery: counted(actual.redactQuery), redactHeaders: counted(actual.redactHeaders) };
});

const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const makings = (changes: Partial<EntryMakings> = {}): EntryMakings => ({
  time: '2026-11-24T00:00:00.000Z',
  method: 'GET',
  url: `/unified/conversational-intelligence/interactions?integrated_account_id=${ACCOUNT}&api_key=sk-live-1`,
  status: 200,
  scenario: undefined,
  durationMs: 1.5,
  instance: 'host:1',
  headers: { authorization: 'Bearer secret-token', accept: ['a', 'b'], 'x-none': undefined },
  answerHeaders: { 'X-Request-Id': 'r1' },
  streamed: false,
  ...changes,
});

describe('finishedEntry', () => {
  it('redacts the query and both sets of headers, joins a repeated header, names the account', () => {
    expect(finishedEntry(makings())).toEqual({
      time: '2026-11-24T00:00:00.000Z',
      method: 'GET',
      path: '/unified/conversational-intelligence/interactions',
      query: `integrated_account_id=${ACCOUNT}&api_key=[REDACTED]`,
      account: ACCOUNT,
      scenario: undefined,
      status: 200,
      durationMs: 1.5,
      instance: 'host:1',
      requestHeaders: { authorization: 'Bearer [REDACTED]', accept: 'a, b' },
      responseHeaders: { 'x-request-id': 'r1', 'content-type': 'application/json; charset=utf-8' },
    });
  });

  it('keeps the violations it is given', () => {
    const violations = [{ pointer: '/body', rule: 'type', message: 'must be object' }];
    expect(finishedEntry(makings({ violations })).violations).toEqual(violations);
    expect(Object.keys(finishedEntry(makings()))).not.toContain('violations');
  });

  it('an unfinished entry is finished once: the same object every time', () => {
    const entry = unfinishedEntry(makings());
    expect(entry.finish()).toBe(entry.finish());
  });

  it('a stream names its own content type; no headers, no answer, no preview: none kept', () => {
    const entry = finishedEntry(makings({ streamed: true, headers: undefined }));
    expect(entry.responseHeaders).toEqual({ 'x-request-id': 'r1' });
    expect(entry).not.toHaveProperty('requestHeaders');
    const bare = finishedEntry(makings({ headers: undefined, answerHeaders: undefined }));
    expect(Object.keys(bare)).not.toContain('responseHeaders');
    expect(Object.keys(bare)).not.toContain('responseBody');
  });
});

describe('weighMakings', () => {
  // The bare makings: overhead 300, the path '/p', GET, instance 'i', and a UUID's 36 for the account.
  const bare = makings({ url: '/p', headers: undefined, answerHeaders: undefined, instance: 'i' });
  const BARE = 300 + 2 + 3 + 1 + 36;
  it.each<[string, Partial<EntryMakings>, number]>([
    ['the bare makings', {}, BARE],
    // '/p?a=1&bb=22': the path and '?' once, the 9-character query twice, each of 2 parameters
    // with room for a [REDACTED] twice.
    ['a query', { url: '/p?a=1&bb=22' }, BARE + 1 + 2 * (9 + 2 * 10)],
    // A '?' with nothing after it: an empty query has no parameter to redact.
    ['an empty query', { url: '/p?' }, BARE + 1],
    ['a query of one parameter', { url: '/p?abc' }, BARE + 1 + 2 * (3 + 10)],
    ['a longer method and a scenario', { method: 'DELETE', scenario: 'slow' }, BARE + 3 + 4],
    [
      'request headers: 48 each, the name, the value or a [REDACTED]; a list joined; an absent one not',
      { headers: { ab: 'cde', f: 'x'.repeat(12), g: ['abcde', 'fghij'], h: undefined } },
      BARE + (48 + 2 + 10) + (48 + 1 + 12) + (48 + 1 + 'abcde, fghij'.length),
    ],
    [
      'answer headers the same, and room for the content type the journal may add',
      { answerHeaders: { 'X-Id': 'r'.repeat(11) } },
      BARE + (48 + 4 + 11) + (48 + 12 + 31),
    ],
    ['a preview by its own weight', { preview: { text: 'abc', truncated: false } }, BARE + 32 + 3],
    ['violations: 64 each and their texts', { violations: [{ pointer: '/a', rule: 'rr', message: 'mmm' }] }, BARE + 71],
  ])('%s', (_name, changes, want) => {
    expect(weighMakings({ ...bare, ...changes })).toBe(want);
  });
});

describe('an unfinished entry in the journal', () => {
  it('is redacted on the first read only, once, and reads as the entry made at once', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    const before = redaction.runs;
    await journal.record(unfinishedEntry(makings()));
    await journal.record(unfinishedEntry(makings({ method: 'HEAD' })));
    expect(redaction.runs).toBe(before);
    const { requests } = await journal.list();
    expect(requests).toEqual([
      { id: 1, ...finishedEntry(makings()) },
      { id: 2, ...finishedEntry(makings({ method: 'HEAD' })) },
    ]);
    const afterFirstRead = redaction.runs;
    // Two entries, each its query and two sets of headers; and the table's own finishes above.
    expect(afterFirstRead - before).toBe(2 * 3 + 2 * 3);
    expect((await journal.list()).requests).toEqual(requests);
    expect(redaction.runs).toBe(afterFirstRead);
  });

  it('filters and pages over unfinished entries by id, as over finished ones', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    for (const status of [200, 404, 200, 200]) await journal.record(unfinishedEntry(makings({ status })));
    const first = await journal.list({ status: 200 }, { limit: 2 });
    expect(first.requests.map((entry) => entry.id)).toEqual([1, 3]);
    expect(first.nextCursor).toBe(3);
    expect((await journal.list({ status: 200 }, { after: 3 })).requests.map((entry) => entry.id)).toEqual([4]);
  });

  it('is finished at once for a listener, which hears the redacted entry', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    const heard: unknown[] = [];
    journal.onRecord((entry) => heard.push(entry));
    const before = redaction.runs;
    await journal.record(unfinishedEntry(makings()));
    expect(redaction.runs).toBe(before + 3);
    expect(heard).toEqual([{ id: 1, ...finishedEntry(makings()) }]);
  });

  it('is finished at once for a store that serializes: the store never sees a secret', async () => {
    const { store, sent } = serializingStore();
    const journal = createJournal(store, 10);
    await journal.record(
      unfinishedEntry(makings({ preview: deferredPreviewOf(new TextEncoder().encode('{"token":"t0p"}')) })),
    );
    expect(sent).toHaveLength(1);
    for (const secret of ['sk-live-1', 'secret-token', 't0p']) expect(sent[0]).not.toContain(secret);
    expect((await journal.list()).requests[0]).toMatchObject({
      query: `integrated_account_id=${ACCOUNT}&api_key=[REDACTED]`,
      responseBody: { text: '{"token":"[REDACTED]"}', truncated: false },
    });
  });

  it('is weighed by its makings, never below what the finished entry weighs', async () => {
    const text = fc.string({ maxLength: 12 });
    const secretish = fc.constantFrom('token', 'api_key', 'password', 'sig', 'limit', 'a');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(secretish, text), { maxLength: 5 }),
        fc.array(fc.tuple(fc.constantFrom('authorization', 'cookie', 'accept', 'x-api-key'), text), { maxLength: 4 }),
        fc.option(fc.constantFrom('rate-limited', 'slow'), { nil: undefined }),
        async (query, headerPairs, scenario) => {
          const url = `/p${query.length === 0 ? '' : `?${query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`}`;
          const given = makings({
            url,
            headers: Object.fromEntries(headerPairs),
            scenario,
            answerHeaders: { 'Retry-After': '1' },
          });
          const journal = createJournal(createMemoryStore(), 10);
          await journal.record(finishedEntry(given));
          expect(weighMakings(given)).toBeGreaterThanOrEqual((await journal.use()).bytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
