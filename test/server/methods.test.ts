/**
 * A known path asked with a method it does not serve answers 405 with `Allow`, on every API
 * (admin included), and `Allow` lists HEAD wherever HEAD is served; the same on every door
 * (the engine, Express, the Node door), each answer the engine's byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { describeDoors, type DoorRequest } from '../helpers/doors.js';
import { GONG_AUTH, expectEveryDoorAsEngine, parsed } from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

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

const heads = [
  '/__admin/health',
  '/__admin/accounts',
  '/__admin/scenarios',
  '/__admin/requests',
  unifiedUrl(october({ limit: '1' })),
  `/gong/${ACCOUNT}/v2/users`,
];

const asked = (path: string, method: string): DoorRequest => ({
  method: method.toUpperCase(),
  path,
  headers: path.startsWith('/gong/') ? GONG_AUTH : AUTH,
});

describeDoors('wrong methods', { now: NOW }, (door) => {
  it.each(cases)('$method $path -> 405, Allow: $allow', async ({ path, method, allow }) => {
    const res = parsed(await door().send(asked(path, method)));
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
    const res = await door().send({ method: 'POST', path: '/__admin/nothing-here' });
    expect(res.status).toBe(404);
  });
});

describeDoors('HEAD is served wherever Allow lists it', { now: NOW }, (door) => {
  it.each(heads)('HEAD %s -> 200 with no body', async (path) => {
    const res = await door().send(asked(path, 'head'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).toBe('');
  });
});

describe('every door answers methods as the engine does, byte for byte', () => {
  it('the 405s, the 404 and the HEADs', async () => {
    await expectEveryDoorAsEngine({ now: NOW }, [
      ...cases.map(({ path, method }) => asked(path, method)),
      { method: 'POST', path: '/__admin/nothing-here' },
      ...heads.map((path) => asked(path, 'head')),
    ]);
  });
});
