/**
 * The journal's request headers (secrets redacted as the query is) and its listeners (what the
 * console's live journal hears).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../src/engine/journal.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { expectContract } from '../helpers/contract.js';
import { AUTH, NOW, getUnified, mockApp, october, unifiedUrl } from '../helpers/mock.js';
import { journalEntry } from '../helpers/journal-entry.js';

describe('the request journal', () => {
  it('keeps the request headers with secret values redacted, as the query is', async () => {
    const app = mockApp();
    await getUnified(app, unifiedUrl(october()), { ...AUTH, 'X-Api-Key': 'k-123', 'X-Trace': 'abc' });
    const res = await request(app).get('/__admin/requests');
    await expectContract(res);
    const [entry] = res.body.requests;
    expect(entry.requestHeaders).toMatchObject({
      authorization: 'Bearer [REDACTED]',
      'x-api-key': '[REDACTED]',
      'x-trace': 'abc',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/test-token|k-123/);
  });

  it('tells its listeners each entry it records, until they stop listening', async () => {
    const journal = createJournal(createMemoryStore(), 10);
    const heard: number[] = [];
    const stop = journal.onRecord((entry) => heard.push(entry.id));
    journal.onRecord(() => {
      throw new Error('a listener that fails costs nothing to the others');
    });
    const entry = journalEntry({ time: NOW });
    await journal.record(entry);
    await journal.record(entry);
    stop();
    await journal.record(entry);
    expect(heard).toEqual([1, 2]);
    expect((await journal.list()).requests).toHaveLength(3);
  });
});
