/**
 * `createApp({ store, instance })`: apps given one store share one state, as instances sharing
 * a Redis do: what one answers, the other's journal lists (named by instance), and a fault
 * sequence added through one is met through the other.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { NOW } from '../helpers/mock.js';

const URL =
  '/unified/conversational-intelligence/interactions?integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=2';

describe('apps sharing one store', () => {
  it('share the journal, each entry naming the app that answered', async () => {
    const store = createMemoryStore();
    const a = createApp({ now: NOW, store, instance: 'a' });
    const b = createApp({ now: NOW, store, instance: 'b' });
    await request(a).get(URL).set('Authorization', 'Bearer t').expect(200);
    await request(b).get(URL).set('Authorization', 'Bearer t').expect(200);
    // An exchange is journaled once its response is done.
    await expect.poll(async () => (await request(a).get('/__admin/requests')).body.requests.length).toBe(2);
    const listed = (await request(b).get('/__admin/requests')).body.requests as Array<{ id: number; instance: string }>;
    expect(listed.map(({ id, instance }) => ({ id, instance }))).toEqual([
      { id: 1, instance: 'a' },
      { id: 2, instance: 'b' },
    ]);
  });

  it('share fault sequences: times 2 faults two requests across both', async () => {
    const store = createMemoryStore();
    const a = createApp({ now: NOW, store, instance: 'a' });
    const b = createApp({ now: NOW, store, instance: 'b' });
    await a.faults.add({ scenario: 'remote-error', times: 2 });
    const statuses = [];
    for (const app of [a, b, a, b])
      statuses.push((await request(app).get(URL).set('Authorization', 'Bearer t')).status);
    expect(statuses.filter((status) => status !== 200)).toHaveLength(2);
    expect(statuses.slice(2)).toEqual([200, 200]);
  });

  it('refuses an instance name with spaces, saying so', () => {
    expect(() => createApp({ instance: 'two words' })).toThrow(
      /instance must be a name of 1 to 200 characters without spaces/,
    );
  });
});
