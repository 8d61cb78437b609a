/**
 * A known path asked with a method it does not serve answers 405 with `Allow`, on every API
 * (admin included), and `Allow` lists HEAD wherever HEAD is served.
 */
import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { ACCOUNT, AUTH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const app = mockApp();
const gongAuth = { Authorization: `Basic ${Buffer.from('key:secret').toString('base64')}` };

const cases: { path: string; method: 'post' | 'put' | 'patch' | 'delete' | 'options'; allow: string }[] = [
  { path: '/__admin/health', method: 'post', allow: 'GET, HEAD' },
  { path: '/__admin/accounts', method: 'delete', allow: 'GET, HEAD' },
  { path: '/__admin/scenarios', method: 'put', allow: 'GET, HEAD' },
  { path: '/__admin/requests', method: 'post', allow: 'GET, HEAD, DELETE' },
  { path: '/__admin/requests', method: 'patch', allow: 'GET, HEAD, DELETE' },
  { path: '/__admin/health', method: 'options', allow: 'GET, HEAD' },
  { path: unifiedUrl(october()), method: 'post', allow: 'GET, HEAD' },
  { path: `/gong/${ACCOUNT}/v2/users`, method: 'post', allow: 'GET, HEAD' },
  { path: `/gong/${ACCOUNT}/v2/stats/interaction`, method: 'put', allow: 'POST' },
];

describe('wrong methods', () => {
  it.each(cases)('$method $path -> 405, Allow: $allow', async ({ path, method, allow }) => {
    const res = await request(app)
      [method](path)
      .set(path.startsWith('/gong/') ? gongAuth : AUTH);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    // The message names the same methods as Allow.
    const message = new RegExp(`${method.toUpperCase()} is not allowed .*; use ${allow}$`);
    if (path.startsWith('/gong/'))
      expect(res.body).toEqual({ requestId: expect.any(String), errors: [expect.stringMatching(message)] });
    else
      expect(res.body).toEqual({
        statusCode: 405,
        error: 'Method Not Allowed',
        message: expect.stringMatching(message),
      });
  });

  it('an unknown admin path is still a 404', async () => {
    const res = await request(app).post('/__admin/nothing-here');
    expect(res.status).toBe(404);
  });
});

describe('HEAD is served wherever Allow lists it', () => {
  it.each([
    '/__admin/health',
    '/__admin/accounts',
    '/__admin/scenarios',
    '/__admin/requests',
    unifiedUrl(october({ limit: '1' })),
    `/gong/${ACCOUNT}/v2/users`,
  ])('HEAD %s -> 200 with no body', async (path) => {
    const res = await request(app)
      .head(path)
      .set(path.startsWith('/gong/') ? gongAuth : AUTH);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text ?? '').toBe('');
  });
});
