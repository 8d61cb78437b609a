/**
 * A page's journal preview is made when it is first read, not when the page is sent: the same
 * text and weight bound as a preview made at once, redaction run once and only on a read, and
 * a store that keeps entries outside the process (it serializes them) never given the
 * unredacted bytes.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { createJournal } from '../../src/engine/journal.js';
import {
  deferredPreviewOf,
  previewOf,
  previewWeight,
  PREVIEW_OVERHEAD,
  RESPONSE_PREVIEW_BYTES,
} from '../../src/engine/response-preview.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { serializingStore } from '../helpers/serializing-store.js';
import { journalEntry } from '../helpers/journal-entry.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const redaction = vi.hoisted(() => ({ runs: 0 }));
vi.mock('../../src/redact.js', async (original) => {
  const actual = await original<typeof import('../../src/redact.js')>();
  return {
    ...actual,
    redactJsonText: (text: string) => {
      redaction.runs++;
      return actual.redactJsonText(text);
    },
  };
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const N = RESPONSE_PREVIEW_BYTES;

describe('deferredPreviewOf', () => {
  it.each<[string, string]>([
    ['a short body', '{"result":[]}'],
    ['a secret in it', '{"token":"abc","name":"Ann"}'],
    ['exactly the preview', 'a'.repeat(N)],
    ['one byte past it', 'a'.repeat(N + 1)],
    ['a cut inside a character', `ab${'€'.repeat(2000)}`],
    ['a secret cut at the end', `${'x'.repeat(N - 12)}"password":"hunter2"`],
    ['empty', ''],
  ])('%s: the text and cut of a preview made at once, as JSON too', (_name, body) => {
    const deferred = deferredPreviewOf(utf8(body));
    const now = previewOf(utf8(body), false);
    expect(deferred).toEqual(now);
    expect(JSON.stringify(deferred)).toBe(JSON.stringify(now));
    expect(structuredClone(deferred)).toEqual(now);
  });

  it('copies the bytes it needs from a Node Buffer too, whose slice is a view of the whole page', () => {
    const page = Buffer.from(`{"a":"${'b'.repeat(3 * N)}"}`);
    const preview = deferredPreviewOf(page);
    page.fill(0x78);
    expect(preview.text).toBe(`{"a":"${'b'.repeat(N - 6)}`);
    // A Buffer in the middle of a larger one: the weight reads the preview's own bytes.
    const pool = Buffer.alloc(N * 2, 'é');
    const inside = pool.subarray(3, 3 + 40).fill(0x61);
    expect(previewWeight(deferredPreviewOf(inside))).toBe(PREVIEW_OVERHEAD + 40);
    // At a 4-byte boundary past the start, read four bytes at a time: a '€' in its first bytes
    // makes the text two bytes a character, whatever the bytes before it in the buffer are.
    const aligned = Buffer.alloc(N * 2, 'a').subarray(8, 8 + 40);
    aligned.write('€€');
    expect(previewWeight(deferredPreviewOf(aligned))).toBe(PREVIEW_OVERHEAD + 2 * 40);
  });

  it('copies the bytes it needs: the page changing afterwards changes nothing', () => {
    const page = utf8('{"a":"b"}');
    const preview = deferredPreviewOf(page);
    page.fill(0x78);
    expect(preview.text).toBe('{"a":"b"}');
  });

  it('redacts once, on the first read, and keeps the text', () => {
    const preview = deferredPreviewOf(utf8('{"token":"abc"}'));
    const before = redaction.runs;
    expect(preview.truncated).toBe(false);
    expect(redaction.runs).toBe(before);
    expect(preview.text).toBe('{"token":"[REDACTED]"}');
    expect(preview.text).toBe('{"token":"[REDACTED]"}');
    expect(redaction.runs).toBe(before + 1);
  });

  it.each<[string, string, number]>([
    ['ASCII: a byte a byte', 'abc', PREVIEW_OVERHEAD + 3],
    ['Latin-1 (é is 2 bytes): still a byte a byte, a bound over its 4 characters', 'abcé', PREVIEW_OVERHEAD + 5],
    ['past Latin-1 (€ is 3 bytes): two a byte', 'ab€', PREVIEW_OVERHEAD + 10],
    ['Ā (U+0100, lead byte 0xC4) is past Latin-1', 'Ā', PREVIEW_OVERHEAD + 4],
    ['ÿ (U+00FF, lead byte 0xC3) is not', 'ÿ', PREVIEW_OVERHEAD + 2],
    ['past Latin-1 after whole ASCII words (read four at a time)', 'abcdefgh€', PREVIEW_OVERHEAD + 22],
    ['Latin-1 after whole ASCII words', 'abcdefghé', PREVIEW_OVERHEAD + 10],
    ['a long body: the kept bytes only', 'a'.repeat(3 * N), PREVIEW_OVERHEAD + N],
    ['a wide character only past the cut does not count', `${'a'.repeat(N)}€`, PREVIEW_OVERHEAD + N],
  ])('weighs without making the text, at least what the text will weigh: %s', (_name, body, want) => {
    const preview = deferredPreviewOf(utf8(body));
    const before = redaction.runs;
    expect(previewWeight(preview)).toBe(want);
    expect(redaction.runs).toBe(before);
    expect(previewWeight(preview)).toBeGreaterThanOrEqual(previewWeight(previewOf(utf8(body), false)));
  });

  it('weighs a plain preview by its text', () => {
    expect(previewWeight({ text: 'abcé', truncated: false })).toBe(PREVIEW_OVERHEAD + 4);
    expect(previewWeight({ text: 'ab€', truncated: true })).toBe(PREVIEW_OVERHEAD + 6);
  });
});

describe('the engine journals a page’s preview deferred', () => {
  it('sends a page and journals it without redacting; the first read of the journal does, once', async () => {
    const engine = createEngine({ now: NOW });
    // Headers as doors hand them over: names lower-cased.
    const request = {
      method: 'GET',
      url: unifiedUrl(october({ limit: '3' })),
      headers: { authorization: AUTH.Authorization },
    };
    const answer = await engine.answer(request);
    expect(answer.status).toBe(200);
    expect(answer.body).toBeInstanceOf(Uint8Array);
    const before = redaction.runs;
    await engine.record({
      method: 'GET',
      url: request.url,
      status: 200,
      scenario: undefined,
      time: NOW,
      durationMs: 1,
      answer,
    });
    expect(redaction.runs).toBe(before);
    const { requests } = await engine.journal.list();
    const text = new TextDecoder().decode(answer.body as Uint8Array);
    expect(requests[0]?.responseBody).toEqual({ text: text.slice(0, N), truncated: text.length > N });
    JSON.stringify(requests);
    expect(redaction.runs).toBe(before + 1);
  });

  it('hands a store that serializes the redacted text, never the secret', async () => {
    const { store, sent } = serializingStore();
    const journal = createJournal(store, 10);
    await journal.record(journalEntry({ responseBody: deferredPreviewOf(utf8('{"api_key":"sk-live-123"}')) }));
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toContain('sk-live-123');
    expect(sent[0]).toContain('"responseBody":{"text":"{\\"api_key\\":\\"[REDACTED]\\"}","truncated":false}');
    const { requests } = await journal.list();
    expect(requests[0]?.responseBody).toEqual({ text: '{"api_key":"[REDACTED]"}', truncated: false });
  });
});
