/**
 * The world's integer hashes against their published reference values (murmur3's finalizer,
 * FNV-1a's test vectors), and the world's numbers that stand on them: user ids and profiles,
 * pinned to the values every machine must draw.
 */
import { describe, expect, it } from 'vitest';
import { fmix32, hashString, mix2, mix3, unit } from '../../src/world/hash.js';
import { userId } from '../../src/world/user-id.js';
import { userProfile } from '../../src/world/user-profile.js';

describe('hashes', () => {
  it('fmix32 is murmur3’s finalizer: 0 stays 0, 1 is 0x514e28b7, inputs taken as 32-bit', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(-1)).toBe(0x81f16f39);
    expect(fmix32(2 ** 32 + 5)).toBe(fmix32(5));
    expect(fmix32(5)).toBe(3423425485);
  });

  it('hashString is FNV-1a (32-bit): the published test vectors', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });

  it('mix2 and mix3 are fixed, order-sensitive, and read their inputs as 32-bit integers', () => {
    expect(mix2(1, 2)).toBe(773256942);
    expect(mix2(2, 1)).toBe(3317013651);
    expect(mix2(-1, 3)).toBe(1886149122);
    expect(mix2(2 ** 32 - 1, 3)).toBe(mix2(-1, 3));
    expect(mix3(1, 2, 3)).toBe(1369073601);
    expect(mix3(1, 2, 3)).toBe(mix2(mix2(1, 2), 3));
  });

  it('unit maps a uint32 into [0, 1)', () => {
    expect(unit(0)).toBe(0);
    expect(unit(2 ** 31)).toBe(0.5);
    expect(unit(2 ** 32 - 1)).toBeLessThan(1);
    expect(unit(2 ** 32 - 1)).toBeGreaterThan(0.9999999997);
  });
});

describe('user ids', () => {
  it('are a base and a stride per account, the same on every machine', () => {
    expect([userId(12345, 0), userId(12345, 1), userId(0, 0)]).toEqual([
      '424634318542666',
      '424634326443030',
      '288119939784519',
    ]);
    const stride = Number(userId(12345, 1)) - Number(userId(12345, 0));
    expect(Number(userId(12345, 5)) - Number(userId(12345, 0))).toBe(5 * stride);
    expect(stride).toBeGreaterThanOrEqual(1_000_003);
    expect(stride).toBeLessThan(9_000_003);
  });
});

describe('user profiles', () => {
  const drawn = {
    skill: 0.326308490941301,
    callsPerWorkday: 2.3852507719770073,
    monologueSeconds: 120.89554080390371,
    customerStorySeconds: 97.18694207724184,
    interactivity: 6.776183238951489,
    patienceSeconds: 1.379929740203079,
    questionRate: 11.626943403389305,
    talkRatio: 0.5101856937585398,
  };

  it('are drawn from the user’s key, the same on every machine; a manager makes half the calls', () => {
    expect(userProfile(12345, false)).toEqual(drawn);
    expect(userProfile(12345, true)).toEqual({ ...drawn, callsPerWorkday: drawn.callsPerWorkday / 2 });
  });

  it('a stated kind fixes the skill the rest is drawn around; inactive makes no calls', () => {
    expect(userProfile(12345, false, 'strong')).toEqual({
      skill: 0.8,
      callsPerWorkday: 2.3852507719770073,
      monologueSeconds: 94.84250780567527,
      customerStorySeconds: 125.60843262076378,
      interactivity: 7.818304558880627,
      patienceSeconds: 1.6404600701853633,
      questionRate: 14.4690924577415,
      talkRatio: 0.4628165428526699,
    });
    expect(userProfile(12345, false, 'average').skill).toBe(0);
    expect(userProfile(12345, false, 'weak').skill).toBe(-0.8);
    expect(userProfile(12345, false, 'inactive')).toEqual({ ...drawn, callsPerWorkday: 0 });
  });
});
