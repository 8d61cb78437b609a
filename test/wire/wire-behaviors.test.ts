/**
 * An account whose every API request meets a wire scenario, stated in a world file: the schema
 * takes the behaviour, the admin API lists it, and the connection fails as the scenario says
 * unless the request asks for a scenario of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorldText } from '../../src/world-file/parse-world-text.js';
import { AUTH, NOW, unifiedUrl } from '../helpers/mock.js';
import { fetchSees, httpSees, listen } from '../helpers/wire-clients.js';

const RESETTING = '7a0c3e55-1b2d-4e6f-8a9b-0c1d2e3f4a5b';
const SILENT = '7a0c3e55-1b2d-4e6f-8a9b-0c1d2e3f4a5c';
const WORLD = `
accounts:
  - id: ${RESETTING}
    name: Resetting Inc
    behavior: connection-reset
    generatedUsers: 5
  - id: ${SILENT}
    name: Silent Inc
    behavior: empty-response
    generatedUsers: 5
`;

let mock: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  const read = parseWorldText(WORLD, 'world.yaml');
  if (!('document' in read)) throw new Error(JSON.stringify(read.problems));
  mock = await listen({ now: NOW, world: read.document });
});
afterAll(() => mock.close());

const october = (account: string, extra: Record<string, string> = {}) =>
  unifiedUrl({
    integrated_account_id: account,
    start_time: '2026-10-01T00:00:00Z',
    end_time: '2026-11-01T00:00:00Z',
    ...extra,
  });

describe('wire behaviours of accounts', () => {
  it('the admin API lists them', async () => {
    const { accounts } = (await (await fetch(`${mock.base}/__admin/accounts`)).json()) as {
      accounts: Array<{ id: string; behavior: string }>;
    };
    expect(accounts.map((a) => a.behavior)).toEqual(['connection-reset', 'empty-response']);
  });

  it('every request of the account meets its scenario, on both APIs', async () => {
    expect((await fetchSees(`${mock.base}${october(RESETTING)}`, AUTH)).error).toMatchObject({ code: 'ECONNRESET' });
    expect((await httpSees(`${mock.base}${october(SILENT)}`, AUTH)).error).toEqual({
      name: 'Error',
      code: 'ECONNRESET',
      message: 'socket hang up',
    });
    const gong = await fetchSees(`${mock.base}/gong/${SILENT}/v2/users`, { Authorization: 'Bearer t' });
    expect(gong.error).toMatchObject({ name: 'TypeError', code: 'UND_ERR_SOCKET' });
  });

  it("a request's own scenario comes first", async () => {
    const asked = await fetchSees(`${mock.base}${october(SILENT, { __scenario: 'empty' })}`, AUTH);
    expect(asked.status).toBe(200);
    expect(JSON.parse(asked.text)).toEqual({ result: [], next_cursor: null });
  });

  it('a world file with an unknown behaviour is refused at its place', () => {
    const read = parseWorldText(WORLD.replace('connection-reset', 'meteor-strike'), 'world.yaml');
    expect('problems' in read && read.problems[0]).toMatchObject({ path: ['accounts', 0, 'behavior'], line: 5 });
  });
});
