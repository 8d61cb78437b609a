/**
 * What the journal keeps of each response: its headers and the start of its body (4 KB at
 * most, a stream's first bytes, marked when cut), secrets redacted, weighed against the
 * journal's byte bound; made by the engine from the answer, so every door journals the same.
 */
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../src/engine/journal.js';
import { previewOf, RESPONSE_PREVIEW_BYTES, tapPages } from '../../src/engine/response-preview.js';
import fc from 'fast-check';
import { isSecretName, redactJsonText } from '../../src/redact.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { doorNames, onlyDoors, type Door } from '../helpers/doors.js';
import { parsed, withDoor } from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { journalEntry } from '../helpers/journal-entry.js';

onlyDoors(
  ['engine', 'express', 'node', 'msw'],
  "the proxy door passes its target's answers through and journals in an engine of its own, which never answered them",
);

const REVOKED = '401a0000-0000-4000-8000-000000000401';
const bytes = (text: string) => new TextEncoder().encode(text).length;

interface Entry {
  method: string;
  status: number;
  responseHeaders?: Record<string, string>;
  responseBody?: { text: string; truncated: boolean };
}

/** The journal's entries, all of them, oldest first. */
async function entries(door: Door): Promise<Entry[]> {
  return parsed(await door.send({ path: '/__admin/requests?limit=1000' })).body.requests;
}

describe('the journal keeps each response’s headers and the start of its body', () => {
  it('a page whole, a stream’s first 4 KB marked cut, error headers, no body for HEAD, the same on every door', async () => {
    const journals: Record<string, unknown[]> = {};
    for (const name of doorNames())
      await withDoor(name, { now: NOW }, async (door) => {
        const page = await door.send({ path: unifiedUrl(october({ limit: '2' })), headers: AUTH });
        const stream = await door.send({
          path: unifiedUrl(october({ truto_response_format: 'stream' })),
          headers: AUTH,
        });
        await door.send({ path: unifiedUrl(october({ __scenario: 'rate-limited' })), headers: AUTH });
        await door.send({ path: `/gong/${REVOKED}/v2/users`, headers: AUTH });
        await door.send({ method: 'HEAD', path: unifiedUrl(october({ limit: '1' })), headers: AUTH });
        const [whole, streamed, limited, revoked, head] = await entries(door);

        expect(whole?.responseHeaders).toEqual({ 'content-type': 'application/json; charset=utf-8' });
        expect(whole?.responseBody).toEqual({ text: page.text, truncated: false });

        expect(stream.text.length).toBeGreaterThan(RESPONSE_PREVIEW_BYTES);
        expect(streamed?.responseHeaders?.['content-type']).toMatch(/^application\/x-ndjson/);
        expect(streamed?.responseBody?.truncated).toBe(true);
        const preview = streamed?.responseBody?.text ?? '';
        expect(stream.text.startsWith(preview)).toBe(true);
        expect(bytes(preview)).toBeLessThanOrEqual(RESPONSE_PREVIEW_BYTES);
        expect(bytes(preview)).toBeGreaterThan(RESPONSE_PREVIEW_BYTES - 4);

        expect(limited?.status).toBe(429);
        expect(limited?.responseHeaders).toMatchObject({
          'retry-after': expect.any(String),
          'ratelimit-limit': expect.any(String),
        });
        expect(JSON.parse(limited?.responseBody?.text ?? '')).toMatchObject({
          statusCode: 429,
          truto_is_remote_error: true,
        });

        expect(revoked?.status).toBe(401);
        expect(revoked?.responseBody?.text).toContain('"errors"');

        expect(head?.method).toBe('HEAD');
        expect(head?.responseHeaders?.['content-type']).toBe('application/json; charset=utf-8');
        expect(head).not.toHaveProperty('responseBody');
        journals[name] = [whole, streamed, limited, revoked, head].map((entry) => ({
          status: entry?.status,
          responseHeaders: entry?.responseHeaders,
          responseBody: entry?.responseBody,
        }));
      });
    const [first, ...others] = Object.values(journals);
    expect(Object.keys(journals)).toEqual(doorNames());
    // Every door but the proxy, unless a run names its doors (mutation testing runs the engine's).
    if (process.env.INTERACTIONS_KIT_TEST_DOORS === undefined) expect(doorNames()).toContain('msw');
    for (const other of others) expect(other).toEqual(first);
  });

  it('counts the previews against the journal’s byte bound', () =>
    withDoor('engine', { now: NOW, journalBytes: 64 * 1024 }, async (door) => {
      for (let i = 0; i < 30; i++)
        await door.send({ path: unifiedUrl(october({ truto_response_format: 'stream' })), headers: AUTH });
      const { journal } = parsed(await door.send({ path: '/__admin/health' })).body.caches;
      // Each entry carries a 4 KB preview: 30 of them do not fit 64 KiB.
      expect(journal.bytes).toBeLessThanOrEqual(64 * 1024);
      expect(journal.entries).toBeLessThan(16);
      expect(journal.entries).toBeGreaterThan(5);
    }));

  it('keeps secrets out of the preview as the rest of the journal does', () =>
    withDoor('engine', { now: NOW }, async (door) => {
      await door.send({
        path: unifiedUrl(october({ truto_response_format: 'debug', limit: '1', 'remote_query[api_key]': 'hunter2' })),
        headers: AUTH,
      });
      const [entry] = await entries(door);
      expect(entry?.responseBody?.text).toContain('"api_key":"[REDACTED]"');
      expect(JSON.stringify(entry)).not.toContain('hunter2');
    }));
});

describe('the preview of a body', () => {
  it('keeps a body of 4096 bytes whole, and cuts a longer one at a character’s boundary', () => {
    expect(previewOf('x'.repeat(RESPONSE_PREVIEW_BYTES), false)).toEqual({
      text: 'x'.repeat(RESPONSE_PREVIEW_BYTES),
      truncated: false,
    });
    expect(previewOf('x'.repeat(RESPONSE_PREVIEW_BYTES + 1), false).truncated).toBe(true);
    // The euro sign is 3 bytes: 1365 of them are 4095 bytes, the 1366th would not fit.
    const euros = previewOf('€'.repeat(2000), false);
    expect(euros).toEqual({ text: '€'.repeat(1365), truncated: true });
    const fromBytes = previewOf(new TextEncoder().encode(`{"a":"${'é'.repeat(3000)}"}`), false);
    expect(bytes(fromBytes.text)).toBeLessThanOrEqual(RESPONSE_PREVIEW_BYTES);
    expect(fromBytes.text).not.toContain('\uFFFD');
    expect(previewOf('{}', true)).toEqual({ text: '{}', truncated: true });
  });

  it('keeps the first bytes of a stream as it is read, and knows whether more came', async () => {
    const read = async (pages: string[]) => {
      const head = { text: '', more: false };
      const seen: string[] = [];
      for await (const page of tapPages(
        (async function* () {
          yield* pages;
        })(),
        head,
      ))
        seen.push(page);
      expect(seen).toEqual(pages);
      return previewOf(head.text, head.more);
    };
    expect(await read(['{"a":1}\n', '{"a":2}\n'])).toEqual({ text: '{"a":1}\n{"a":2}\n', truncated: false });
    const long = await read(['x'.repeat(3000), 'y'.repeat(3000), 'z']);
    expect(long).toEqual({ text: `${'x'.repeat(3000)}${'y'.repeat(1096)}`, truncated: true });
    expect(await read(['x'.repeat(RESPONSE_PREVIEW_BYTES), ''])).toEqual({
      text: 'x'.repeat(RESPONSE_PREVIEW_BYTES),
      truncated: false,
    });
    expect((await read(['x'.repeat(RESPONSE_PREVIEW_BYTES + 1), 'more'])).truncated).toBe(true);
  });

  it('redacts secret-named JSON members and credentials in text, whole or cut short', () => {
    expect(redactJsonText('{"api_key":"abc","limit":2,"password": 1234,"truto_key_by":"id"}')).toBe(
      '{"api_key":"[REDACTED]","limit":2,"password": "[REDACTED]","truto_key_by":"id"}',
    );
    expect(redactJsonText('{"message":"see http://u:pw@host/x?token=abc","refresh_token":"ab')).toBe(
      '{"message":"see http://[REDACTED]@host/x?token=[REDACTED]","refresh_token":"[REDACTED]"',
    );
    expect(redactJsonText('{"note":"a \\"quoted\\" word","secret":"s"}')).toBe(
      '{"note":"a \\"quoted\\" word","secret":"[REDACTED]"}',
    );
  });

  it('skips no secret-named member by its quick first look (any name, any case, escaped or not)', () => {
    const word = fc.constantFrom(
      'api',
      'Key',
      'TOKEN',
      'x',
      'Auth',
      'pass',
      '%5F',
      'sig',
      'id',
      '\u212Aey',
      'name',
      '_',
      '-',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const name = words.join('');
        const text = JSON.stringify({ [name]: 'value', other: 1 });
        expect(redactJsonText(text).includes('[REDACTED]')).toBe(isSecretName(name));
      }),
      { numRuns: 500 },
    );
  });

  it('takes its shortcut only where the passes would change nothing', () => {
    // '% =' before a line break makes every pass run (the quick looks see `%` and `=`) and is
    // changed by none of them, so it shows what the passes alone make of the rest.
    const passesAlone = (text: string) => redactJsonText(`% =\n${text}`).slice(4);
    const fragment = fc.constantFrom(
      '{',
      '}',
      '[',
      '"',
      "'",
      ':',
      ': ',
      ',',
      ' ',
      '\\',
      '\n',
      '\t',
      '1',
      '-2.5',
      'true',
      'null',
      'api_key',
      'Token',
      'Cassidy',
      'sid',
      'pin',
      'name',
      'key',
      'session',
      'Authorization',
      'x-api-key',
      'Basic',
      'abc',
      '%5F',
      'user',
      'author',
      'Bearer',
      '=',
      '://',
      'u:p@',
      '?',
      '&',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (fragments) => {
        const text = fragments.join('');
        expect(redactJsonText(text)).toBe(passesAlone(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('weighs an entry by its preview too', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    const entry = journalEntry({
      time: NOW,
      path: `/gong/${ACCOUNT}/v2/users`,
      account: ACCOUNT,
    });
    await journal.record(entry);
    const light = (await journal.use()).bytes;
    await journal.record({ ...entry, responseBody: { text: 'x'.repeat(4000), truncated: true } });
    expect((await journal.use()).bytes - light).toBeGreaterThan(light + 4000);
  });
});
