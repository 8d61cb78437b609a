/**
 * JSONata and `@truto/truto-jsonata` are loaded only when an override runs: serving the
 * default mapping (every format, the Gong endpoints, a server with no override) imports
 * neither. The imports are counted by mocks that pass the real modules through.
 */
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { RENAME } from '../helpers/mapping-overrides.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const loaded = vi.hoisted(() => ({ jsonata: 0, truto: 0 }));

vi.mock('jsonata', async (importOriginal) => {
  loaded.jsonata += 1;
  return importOriginal();
});
vi.mock('@truto/truto-jsonata', async (importOriginal) => {
  loaded.truto += 1;
  return importOriginal();
});

describe('the default path loads no JSONata', () => {
  it('serves every format and the Gong endpoints without importing either package', async () => {
    const app = createApp({ now: NOW });
    for (const format of ['unified', 'raw', 'normalized', 'debug', 'stream'])
      expect(
        (
          await request(app)
            .get(unifiedUrl(october({ truto_response_format: format, limit: '5' })))
            .set(AUTH)
        ).status,
      ).toBe(200);
    const gong = await request(app)
      .post(`/gong/${ACCOUNT}/v2/stats/interaction`)
      .set(AUTH)
      .send({ filter: { fromDate: '2026-10-01', toDate: '2026-10-02' } });
    expect(gong.status).toBe(200);
    expect((await request(app).get(`/gong/${ACCOUNT}/v2/users`).set(AUTH)).status).toBe(200);
    expect(loaded).toEqual({ jsonata: 0, truto: 0 });
  });

  it('an override loads @truto/truto-jsonata on its first request, not before', async () => {
    const app = createApp({ now: NOW, mapping: RENAME });
    expect(loaded.truto).toBe(0);
    expect(
      (
        await request(app)
          .get(unifiedUrl(october({ limit: '5' })))
          .set(AUTH)
      ).status,
    ).toBe(200);
    expect(loaded.truto).toBe(1);
  });
});
