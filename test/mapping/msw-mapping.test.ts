/**
 * The MSW handlers take the same mapping overrides as `createApp`: texts by kind, server-wide,
 * and a world document's account mappings above them.
 */
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/msw/create-handlers.js';
import { BROKEN, RENAME, TRUTO, worldWithAccountMapping } from '../helpers/mapping-overrides.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

async function get(handlers: ReturnType<typeof createHandlers>) {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const res = await fetch(`https://api.truto.one${unifiedUrl(october({ limit: '2' }))}`, { headers: AUTH });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  } finally {
    server.close();
  }
}

describe('createHandlers({ mapping })', () => {
  it('serves the server-wide override', async () => {
    const { status, body } = await get(createHandlers({ now: NOW, mapping: RENAME }));
    expect(status).toBe(200);
    expect(body.result[0].additional_metrics[0].name).toBe('talk_ratio');
  });

  it("an account's mapping in the world wins over the server's", async () => {
    const { body } = await get(
      createHandlers({ now: NOW, mapping: RENAME, world: worldWithAccountMapping(ACCOUNT, TRUTO) }),
    );
    expect(body.result[0].user.name).toEqual(expect.any(String));
    expect(body.result[0].additional_metrics[0].name).toBe('Talk Ratio');
  });

  it('a broken one is a 502 naming the layer and place', async () => {
    const { status, body } = await get(createHandlers({ now: NOW, world: worldWithAccountMapping(ACCOUNT, BROKEN) }));
    expect(status).toBe(502);
    expect(body.message).toContain("the account layer's response_mapping, line 3, column 1: S0211");
  });
});
