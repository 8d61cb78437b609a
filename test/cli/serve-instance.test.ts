/**
 * `serve --instance NAME` names the instance in every journal entry and in health; without it
 * the name is `hostname:pid`. The store health says memory when no --store is given.
 */
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/cli/start-server.js';
import { startMockServer } from '../helpers/mock.js';
import { INTERACTIONS, readJournal, send, WINDOW_QUERY } from '../helpers/shared-state.js';

describe.each([
  [['--instance', 'mock-7'], 'mock-7'],
  [[], `${hostname()}:${process.pid}`],
])('serve %j', (flags, name) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startMockServer(flags);
  });
  afterAll(() => server.close());

  it(`names the instance ${name} in the journal and in health, beside the memory store`, async () => {
    await send(
      `${server.url}${INTERACTIONS}?integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&${WINDOW_QUERY}`,
    );
    const [entry] = await readJournal(server.url);
    expect(entry?.instance).toBe(name);
    const health = (await send(`${server.url}/__admin/health`)).body;
    expect(health).toMatchObject({
      instance: name,
      store: { driver: 'memory', reachable: true, degraded: false },
    });
  });
});
