import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ACCOUNT, AUTH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

describe('validateResponses: the server checks its own answers', () => {
  it('journals no violations for answers that honour the contract, in every format and for errors', async () => {
    const app = mockApp({ validateResponses: true });
    for (const format of ['unified', 'raw', 'normalized', 'debug', 'stream']) {
      await request(app)
        .get(unifiedUrl(october({ truto_response_format: format, limit: '10' })))
        .set(AUTH);
    }
    await request(app)
      .get(unifiedUrl(october({ limit: '0' })))
      .set(AUTH);
    await request(app).post(`/gong/${ACCOUNT}/v2/stats/interaction`).auth('k', 's').send({ filter: {} });
    const { requests } = (await request(app).get('/__admin/requests')).body;
    expect(requests).toHaveLength(7);
    for (const entry of requests) expect(entry.violations).toEqual([]);
  });

  it('reports a violation in the journal and the log when an answer breaks the contract', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // An undocumented status: 405 for a wrong method is real, but the contract has no operation for it.
      const app = mockApp({ validateResponses: true });
      await request(app).put(unifiedUrl(october())).set(AUTH);
      const { requests } = (await request(app).get('/__admin/requests')).body;
      expect(requests[0].status).toBe(405);
      expect(requests[0].violations).toEqual([
        expect.objectContaining({ rule: expect.stringMatching(/method-documented|path-documented/) }),
      ]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('broke the contract'));
    } finally {
      warn.mockRestore();
    }
  });

  it('is off by default: entries carry no violations field', async () => {
    const app = mockApp();
    await request(app).get(unifiedUrl(october())).set(AUTH);
    const { requests } = (await request(app).get('/__admin/requests')).body;
    expect(requests[0]).not.toHaveProperty('violations');
  });
});
