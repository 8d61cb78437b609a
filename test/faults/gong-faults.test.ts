/**
 * The Gong faults one call meets, decided below the Gong layer: the scenario first (in its
 * order: revoked credentials, rate limit, remote error), then the account's habit and the
 * limiters, then the seeded fault rate; each failure in Gong's shape with a request id drawn
 * from the account's own call count, and `repeatable` only for a fault-free, counter-free call.
 */
import { describe, expect, it } from 'vitest';
import { createGongFaults, FLAKY_RATE, SCENARIO_RETRY_AFTER, type GongFaultOptions } from '../../src/faults/gong-faults.js';
import { requestIdFor } from '../../src/gong/request-id.js';
import type { MockContext } from '../../src/mock-context.js';
import type { ScenarioName } from '../../src/scenarios.js';
import { portableSigner } from '../../src/signing.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { AccountBehavior } from '../../src/world/account-spec.js';
import { mix2, unit } from '../../src/world/hash.js';
import { unmix2First } from '../helpers/hash-inverse.js';
import { createWorld } from '../../src/world/world.js';

const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
const JSON_TYPE = 'application/json; charset=utf-8';
const REVOKED = 'Access denied: the credentials were revoked';
const UNEXPECTED = 'Failed to complete the operation due to an unexpected error';

/** A fault source over a one-account world with `behavior`, and a clock the test moves. */
function setup(behavior: AccountBehavior | undefined, options: GongFaultOptions = {}, seed = 42) {
  const world = createWorld({
    seed,
    accounts: [
      { id: ID, name: 'Test Co', domain: 'test-co.example', timeZone: 'UTC', userCount: 2, ...(behavior ? { behavior } : {}) },
    ],
  });
  const clock = { now: 0 };
  const store = createMemoryStore({ clock: () => clock.now });
  const context: MockContext = { world, now: () => clock.now, secret: 's', signer: portableSigner };
  const faults = createGongFaults(context, store, options);
  const account = world.account(ID)!;
  return { faults, account, clock, store, meet: (scenario?: ScenarioName) => faults.meet(account, scenario), seed };
}

const requestId = (seed: number, n: number) => requestIdFor(String(seed), ID, 'fault', String(n));
const failure = (status: number, message: string, n: number, seed = 42, headers: Record<string, string> = {}) => ({
  ok: false,
  status,
  headers: { 'content-type': JSON_TYPE, ...headers },
  body: { requestId: requestId(seed, n), errors: [message] },
});

describe('createGongFaults', () => {
  it('publishes its rates', () => {
    expect([FLAKY_RATE, SCENARIO_RETRY_AFTER]).toEqual([0.25, 2]);
  });

  it.each<[AccountBehavior | undefined, boolean]>([
    [undefined, true],
    ['healthy', true],
    ['slow', true],
    ['account-blocked', false],
    ['no-response', false],
  ])('a %s account with no scenario meets nothing (repeatable: %s)', async (behavior, repeatable) => {
    const { meet } = setup(behavior);
    expect(await meet()).toEqual({ failure: undefined, empty: false, looping: false, repeatable });
  });

  it('a looping account hands back its cursor, every call', async () => {
    const { meet } = setup('looping');
    expect(await meet()).toEqual({ failure: undefined, empty: false, looping: true, repeatable: false });
  });

  it.each<[ScenarioName, object]>([
    ['empty', { failure: undefined, empty: true, looping: false, repeatable: false }],
    ['looping', { failure: undefined, empty: false, looping: true, repeatable: false }],
    ['forbidden', { failure: undefined, empty: false, looping: false, repeatable: false }],
  ])('scenario %s', async (scenario, want) => {
    const { meet } = setup(undefined);
    expect(await meet(scenario)).toEqual(want);
  });

  it('scenario credentials-revoked: Gong 401, its request id from the call count', async () => {
    const { meet } = setup(undefined);
    await meet();
    expect(await meet('credentials-revoked')).toEqual({
      failure: failure(401, REVOKED, 2),
      empty: false,
      looping: false,
      repeatable: false,
    });
  });

  it('scenario rate-limited: Gong 429 with Retry-After 2 and the limit of 3 a second', async () => {
    const { meet } = setup(undefined);
    expect((await meet('rate-limited')).failure).toEqual({
      ...failure(429, 'API request limit exceeded', 1, 42, { 'retry-after': '2' }),
      rateLimit: { limit: 3, resetSeconds: 2 },
    });
  });

  it('scenario remote-error: Gong 500', async () => {
    const { meet } = setup(undefined);
    expect((await meet('remote-error')).failure).toEqual(failure(500, UNEXPECTED, 1));
  });

  it('a credentials-revoked account fails every call with 401, whatever scenario it asks', async () => {
    const { meet } = setup('credentials-revoked');
    expect((await meet()).failure).toEqual(failure(401, REVOKED, 1));
    expect((await meet('rate-limited')).failure).toEqual(failure(401, REVOKED, 2));
    expect((await meet('empty')).empty).toBe(true);
  });

  it('a rate-limited account gets one call a second; the refusal says 1 call, 1 second', async () => {
    const { meet, clock } = setup('rate-limited');
    expect((await meet()).failure).toBeUndefined();
    clock.now = 400;
    expect((await meet()).failure).toEqual({
      ...failure(429, 'API request limit exceeded', 2, 42, { 'retry-after': '1' }),
      rateLimit: { limit: 1, resetSeconds: 1 },
    });
    clock.now = 1000;
    expect((await meet()).failure).toBeUndefined();
  });

  it("a scenario's failure leaves the account's limiter alone", async () => {
    const { meet } = setup('rate-limited');
    expect((await meet('remote-error')).failure?.status).toBe(500);
    expect((await meet('rate-limited')).failure?.status).toBe(429);
    expect((await meet()).failure).toBeUndefined();
  });

  it('only a rate-limited account meets the strict limiter', async () => {
    const { meet } = setup('healthy');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await meet()).failure?.status);
    expect(statuses).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("rateLimit 'gong': 3 calls a second per account, then 429 with Gong's limit; not repeatable", async () => {
    const { meet, clock } = setup('healthy', { rateLimit: 'gong' });
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await meet());
    expect(seen.map((outcome) => outcome.failure?.status)).toEqual([undefined, undefined, undefined, 429]);
    expect(seen.map((outcome) => outcome.repeatable)).toEqual([false, false, false, false]);
    expect(seen[3]?.failure).toMatchObject({ rateLimit: { limit: 3, resetSeconds: 1 }, headers: { 'retry-after': '1' } });
    clock.now = 1000;
    expect((await meet()).failure).toBeUndefined();
  });

  it('a rate-limited account under the gong limiter: the strict one refuses first', async () => {
    const { meet } = setup('rate-limited', { rateLimit: 'gong' });
    await meet();
    expect((await meet()).failure?.rateLimit).toEqual({ limit: 1, resetSeconds: 1 });
  });

  it('a flaky account fails the calls whose seeded draw is under its rate, with Gong 500', async () => {
    const { meet, account } = setup('flaky');
    const failed: number[] = [];
    const want: number[] = [];
    for (let n = 1; n <= 60; n++) {
      const outcome = await meet();
      if (outcome.failure !== undefined) {
        expect(outcome.failure).toEqual(failure(500, UNEXPECTED, n));
        failed.push(n);
      }
      expect(outcome.repeatable).toBe(false);
      if (unit(mix2(42 ^ account.key, n)) < FLAKY_RATE) want.push(n);
    }
    expect(failed).toEqual(want);
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(30);
  });

  it('faultRate: the calls whose draw is under it fail, on any account; 0 fails none, 1 all', async () => {
    const half = setup('healthy', { faultRate: 0.5 });
    const failed: number[] = [];
    const want: number[] = [];
    for (let n = 1; n <= 40; n++) {
      const outcome = await half.meet();
      if (outcome.failure !== undefined) failed.push(n);
      expect(outcome.repeatable).toBe(false);
      if (unit(mix2(42 ^ half.account.key, n)) < 0.5) want.push(n);
    }
    expect(failed).toEqual(want);
    const all = setup('healthy', { faultRate: 1 });
    for (let n = 1; n <= 5; n++) expect((await all.meet()).failure).toEqual(failure(500, UNEXPECTED, n));
  });

  it('an account handed over without a behaviour is healthy', async () => {
    const { faults, account } = setup('healthy');
    const bare = { ...account, behavior: undefined };
    expect(await faults.meet(bare, undefined)).toEqual({ failure: undefined, empty: false, looping: false, repeatable: true });
  });

  it("keeps the limiters' windows under their names in the store", async () => {
    const gong = setup('healthy', { rateLimit: 'gong' });
    await gong.meet();
    expect(await gong.store.count(`rate:gong:1000:${ID}`)).toBe(1);
    expect(await gong.store.count(`rate:gong:86400000:${ID}`)).toBe(1);
    const strict = setup('rate-limited');
    await strict.meet();
    expect(await strict.store.count(`rate:rate-limited:1000:${ID}`)).toBe(1);
  });

  it('a draw exactly at the flaky share, or at a fault rate of 0, does not fail', async () => {
    // Accounts whose first call draws exactly 0.25 and exactly 0 (the key chosen by inverting the hash).
    for (const [behavior, draw] of [
      ['flaky', 2 ** 30],
      ['healthy', 0],
    ] as const) {
      const { faults, account } = setup(behavior);
      const key = (unmix2First(draw, 1) ^ 42) >>> 0;
      expect(unit(mix2(42 ^ key, 1))).toBe(draw / 2 ** 32);
      expect((await faults.meet({ ...account, key }, undefined)).failure, behavior).toBeUndefined();
    }
  });

  it('counts calls per account in the store', async () => {
    const { meet, store } = setup(undefined);
    await meet();
    await meet('remote-error');
    expect(await store.count(`gong-calls:${ID}`)).toBe(2);
  });
});
