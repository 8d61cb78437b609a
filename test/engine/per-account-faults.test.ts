/**
 * Fault draws are per account: a flaky account's failures, and `faultRate`'s, depend only on
 * that account's own calls (seeded), never on another account's traffic in between.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/create-engine.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';

const NOW = '2026-11-24T00:00:00Z';
const FLAKY = 'f1a00000-0000-4000-8000-00000000f1a0';
const OTHER = '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17';
const THIRD = '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35';

/** The statuses of `calls` Gong users calls to `id`, with `noise` calls to other accounts before each. */
async function statuses(engine: Engine, id: string, calls: number, noise: number): Promise<number[]> {
  const account = engine.world.account(id)!;
  const out: number[] = [];
  for (let i = 0; i < calls; i++) {
    for (let k = 0; k < noise; k++) {
      await engine.gong.users(engine.world.account(k % 2 === 0 ? DEFAULT_ACCOUNT_ID : THIRD)!, {
        includeAvatars: false,
      });
    }
    out.push((await engine.gong.users(account, { includeAvatars: false })).status);
  }
  return out;
}

describe('fault state per account', () => {
  it('the flaky account fails on the same calls whatever other accounts do meanwhile', async () => {
    const alone = await statuses(createEngine({ now: NOW }), FLAKY, 40, 0);
    const amid = await statuses(createEngine({ now: NOW }), FLAKY, 40, 3);
    expect(new Set(alone)).toEqual(new Set([200, 500]));
    expect(amid).toEqual(alone);
  });

  it('faultRate draws are per account too', async () => {
    const alone = await statuses(createEngine({ now: NOW, faultRate: 0.5 }), OTHER, 30, 0);
    const amid = await statuses(createEngine({ now: NOW, faultRate: 0.5 }), OTHER, 30, 2);
    expect(new Set(alone)).toEqual(new Set([200, 500]));
    expect(amid).toEqual(alone);
  });

  it('another seed fails on other calls', async () => {
    const one = await statuses(createEngine({ now: NOW }), FLAKY, 40, 0);
    const other = await statuses(createEngine({ now: NOW, seed: 7 }), FLAKY, 40, 0);
    expect(other).not.toEqual(one);
  });
});
