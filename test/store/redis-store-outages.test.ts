/**
 * The Redis driver when Redis is not there or does not answer, against a real redis-server on
 * loopback: a command is refused at once while the store is not connected (never queued), a
 * hung Redis (stopped, its connections open) fails a command after commandTimeoutMs and
 * answers no PING, the store keeps retrying a little slower each time, and a close lets a
 * command already sent finish. Time is read from fake timers and from the delays the client
 * is asked to wait, never from a clock.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { ClientOfflineError } from 'redis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openRedisStore } from '../../src/store/redis-store.js';
import { findProgram, freePort, startRedisServer, waitUntil, type RedisServer } from '../helpers/redis-server.js';

const REDIS = findProgram('redis-server');

// The client waits between attempts with node:timers/promises' setTimeout, looked up on the
// module's exports at each call, so a spy there sees every delay it chooses.
const timersPromises = createRequire(import.meta.url)('node:timers/promises') as typeof import('node:timers/promises');

describe.runIf(REDIS !== undefined)('the Redis driver without a Redis that answers', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer(REDIS as string);
  });
  afterAll(async () => {
    server?.thaw();
    await server?.stop();
  });

  /** A store on the test's Redis (or `url`), closed when `use` is done. */
  const withStore = async (
    options: Partial<Parameters<typeof openRedisStore>[0]>,
    use: (store: Awaited<ReturnType<typeof openRedisStore>>) => Promise<void>,
  ) => {
    const store = await openRedisStore({ url: server.url, prefix: `t:${randomUUID()}:`, ...options });
    try {
      await use(store);
    } finally {
      await store.close();
    }
  };
  const nowhere = async () => `redis://127.0.0.1:${await freePort()}`;

  it('refuses a command at once while it is not connected, instead of queueing it', async () => {
    // A long command timeout: a queued command would wait, not fail as offline.
    await withStore({ url: await nowhere(), connectWaitMs: 50, commandTimeoutMs: 5000 }, async (store) => {
      await expect(store.count('n')).rejects.toBeInstanceOf(ClientOfflineError);
      await expect(store.incr('n')).rejects.toThrow('The client is offline');
    });
  });

  it('retries a Redis it cannot reach after 50 ms, 50 ms more each time, at most every 500 ms', async () => {
    const waits = vi.spyOn(timersPromises, 'setTimeout');
    try {
      await withStore({ url: await nowhere(), connectWaitMs: 50 }, async () => {
        await waitUntil('eleven attempts to reconnect', () => waits.mock.calls.length >= 11);
      });
      expect(waits.mock.calls.slice(0, 11).map(([ms]) => ms)).toEqual([
        50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 500,
      ]);
    } finally {
      waits.mockRestore();
    }
  });

  it('fails a command to a hung Redis after commandTimeoutMs exactly, and answers PING with false', async () => {
    await withStore({ commandTimeoutMs: 200 }, async (store) => {
      await store.incr('n');
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      try {
        // An answered command leaves no timer behind.
        expect(await store.count('n')).toBe(1);
        expect(vi.getTimerCount()).toBe(0);
        server.freeze();
        let outcome = 'waiting';
        const counted = store.count('n').then(String, (error: Error) => error.message);
        void counted.then((said) => (outcome = said));
        await vi.advanceTimersByTimeAsync(199);
        expect(outcome).toBe('waiting');
        await vi.advanceTimersByTimeAsync(1);
        expect(await counted).toBe('Redis did not answer within 200 ms');
        const pinged = store.ping();
        await vi.advanceTimersByTimeAsync(200);
        expect(await pinged).toBe(false);
        // Still connected: a hung Redis is not a lost connection.
        expect(store.reachable()).toBe(true);
      } finally {
        vi.useRealTimers();
        server.thaw();
      }
      expect(await store.count('n')).toBe(1);
    });
  });

  it('gives the client the same bound for a command waiting to be written', async () => {
    await withStore({ commandTimeoutMs: 300 }, async (store) => {
      // The client arms that wait with AbortSignal.timeout; its own default is 5 s.
      const armed = vi.spyOn(AbortSignal, 'timeout');
      try {
        expect(await store.count('n')).toBe(0);
        expect(armed.mock.calls).toEqual([[300]]);
      } finally {
        armed.mockRestore();
      }
    });
  });

  it('lets a command already sent finish when it closes', async () => {
    const store = await openRedisStore({ url: server.url, prefix: `t:${randomUUID()}:` });
    await store.incr('n');
    await store.incr('n');
    const counted = store.count('n');
    await store.close();
    await expect(counted).resolves.toBe(2);
  });
});
