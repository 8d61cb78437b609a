/**
 * The engine's options resolved: every default, every value passed through, and every misuse
 * refused with its own sentence.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BASE_URL,
  EngineOptionsError,
  resolveEngineOptions,
  type EngineOptions,
} from '../../src/engine/engine-options.js';
import type { WorldDocument } from '../../src/generated/world-document.js';

const MIB = 1024 * 1024;

describe('resolveEngineOptions', () => {
  it('fills in every default', () => {
    const settings = resolveEngineOptions();
    expect({ ...settings, now: undefined, clock: undefined }).toEqual({
      world: undefined,
      seed: 42,
      accounts: undefined,
      userCount: undefined,
      tokens: undefined,
      now: undefined,
      secret: 'interactions-kit:42',
      latency: undefined,
      faultRate: 0,
      faultRates: [],
      rateLimit: undefined,
      journalSize: 1000,
      journalBytes: 8 * MIB,
      pageCacheBytes: 64 * MIB,
      windowCacheBytes: 16 * MIB,
      origin: 'http://127.0.0.1:4010',
      originHost: '127.0.0.1:4010',
      clock: undefined,
      mapping: {},
      instance: 'local',
    });
    expect(DEFAULT_BASE_URL).toBe('http://127.0.0.1:4010');
    // The real clocks, not fixed ones.
    expect(settings.now).toBe(Date.now);
    const before = performance.now();
    const read = settings.clock();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(performance.now());
  });

  it('passes given values through', () => {
    const clock = () => 5;
    const settings = resolveEngineOptions({
      seed: 7,
      userCount: 3,
      tokens: ['a', 'b'],
      now: '2026-11-24T00:00:00Z',
      latency: '100..300',
      faultRate: 0.25,
      rateLimit: 'gong',
      journalSize: 0,
      journalBytes: 1,
      pageCacheBytes: 2,
      windowCacheBytes: 3,
      baseUrl: 'https://Mock.Example/',
      clock,
      mapping: { query_mapping: '$' },
      instance: 'i-1',
    });
    expect({ ...settings, now: settings.now() }).toEqual({
      world: undefined,
      seed: 7,
      accounts: undefined,
      userCount: 3,
      tokens: new Set(['a', 'b']),
      now: Date.parse('2026-11-24T00:00:00Z'),
      secret: 'interactions-kit:7',
      latency: { kind: 'uniform', min: 100, max: 300 },
      faultRate: 0.25,
      faultRates: [],
      rateLimit: 'gong',
      journalSize: 0,
      journalBytes: 1,
      pageCacheBytes: 2,
      windowCacheBytes: 3,
      origin: 'https://mock.example',
      originHost: 'mock.example:443',
      clock,
      mapping: { query_mapping: '$' },
      instance: 'i-1',
    });
  });

  it.each<[string, EngineOptions, Partial<ReturnType<typeof resolveEngineOptions>>]>([
    ['the world’s seed', { world: { seed: 9 } as WorldDocument }, { seed: 9, secret: 'interactions-kit:9' }],
    ['the options’ seed over the world’s', { seed: 3, world: { seed: 9 } as WorldDocument }, { seed: 3 }],
    ['a secret of its own', { seed: 3, secret: 's' }, { secret: 's' }],
    ['no tokens: any', { tokens: [] }, { tokens: undefined }],
    ['an http origin with a port', { baseUrl: 'http://h:5000' }, { origin: 'http://h:5000', originHost: 'h:5000' }],
    ['an http origin without one', { baseUrl: 'http://h' }, { origin: 'http://h', originHost: 'h:80' }],
    ['an https origin with one', { baseUrl: 'https://h:8443' }, { originHost: 'h:8443' }],
    ['shares by kind', { faultRate: { 'remote-error': 0.5 } }, { faultRate: 0, faultRates: [{ scenario: 'remote-error', rate: 0.5 }] }],
    ['a rate of 0 and of 1', { faultRate: 1 }, { faultRate: 1 }],
    ['accounts without a world', { accounts: [] }, { accounts: [], world: undefined }],
    ['caches of no bytes', { journalBytes: 0, pageCacheBytes: 0, windowCacheBytes: 0 }, { journalBytes: 0, pageCacheBytes: 0, windowCacheBytes: 0 }],
    ['a fixed latency', { latency: '200' }, { latency: { kind: 'fixed', ms: 200 } }],
    ['an instance of 200 characters', { instance: 'x'.repeat(200) }, { instance: 'x'.repeat(200) }],
  ])('reads %s', (_name, options, want) => {
    expect(resolveEngineOptions(options)).toMatchObject(want);
  });

  it.each<[string, EngineOptions | (() => EngineOptions), number]>([
    ['now as a Date', { now: new Date(1000) }, 1000],
    ['now as a number', { now: 2000 }, 2000],
    ['now as text', { now: '1970-01-01T00:00:03Z' }, 3000],
  ])('reads %s', (_name, options, want) => {
    expect(resolveEngineOptions(options as EngineOptions).now()).toBe(want);
  });

  it.each<[string, unknown, string]>([
    ['now that is no date', { now: 'soon' }, 'now must be a date, got soon'],
    ['now that is NaN', { now: Number.NaN }, 'now must be a date, got NaN'],
    ['baseUrl that is no URL', { baseUrl: 'nope' }, `baseUrl must be a URL such as ${DEFAULT_BASE_URL}, got "nope"`],
    ['baseUrl of another scheme', { baseUrl: 'ftp://h' }, 'baseUrl must be an http(s) origin such as http://127.0.0.1:4010, got "ftp://h"'],
    ['baseUrl with a path', { baseUrl: 'http://h/x' }, 'baseUrl must be an http(s) origin such as http://127.0.0.1:4010, got "http://h/x"'],
    ['baseUrl with a query', { baseUrl: 'http://h/?a' }, 'baseUrl must be an http(s) origin such as http://127.0.0.1:4010, got "http://h/?a"'],
    ['baseUrl with a hash', { baseUrl: 'http://h/#a' }, 'baseUrl must be an http(s) origin such as http://127.0.0.1:4010, got "http://h/#a"'],
    ['baseUrl with a user', { baseUrl: 'http://u@h' }, 'baseUrl must be an http(s) origin such as http://127.0.0.1:4010, got "http://u@h"'],
    ['a bad latency', { latency: 'x' }, 'latency must be MS, MIN..MAX or lognormal:MEDIAN[:SIGMA], got "x"'],
    ['a rate above 1', { faultRate: 2 }, 'faultRate must be from 0 to 1, got 2'],
    ['a rate below 0', { faultRate: -0.1 }, 'faultRate must be from 0 to 1, got -0.1'],
    ['a rate of NaN', { faultRate: Number.NaN }, 'faultRate must be from 0 to 1, got NaN'],
    ['a rate as text', { faultRate: '0.1' }, 'faultRate must be a number or shares by kind, got 0.1'],
    ['a rate of null', { faultRate: null }, 'faultRate must be a number or shares by kind, got null'],
    ['a rate as a list', { faultRate: [0.1] }, 'faultRate must be a number or shares by kind, got 0.1'],
    ['an unknown kind', { faultRate: { nope: 0.1 } }, expect.stringMatching(/^faultRate: unknown fault kind "nope"/) as unknown as string],
    ['another rate limit', { rateLimit: 'stripe' }, 'rateLimit must be "gong", got stripe'],
    ['a fractional journal size', { journalSize: 1.5 }, 'journalSize must be a whole number, got 1.5'],
    ['a negative journal size', { journalSize: -1 }, 'journalSize must be a whole number, got -1'],
    ['negative journal bytes', { journalBytes: -1 }, 'journalBytes must be a whole number of bytes, got -1'],
    ['fractional page cache bytes', { pageCacheBytes: 0.5 }, 'pageCacheBytes must be a whole number of bytes, got 0.5'],
    ['infinite window cache bytes', { windowCacheBytes: Infinity }, 'windowCacheBytes must be a whole number of bytes, got Infinity'],
    ['an empty token', { tokens: ['a', ''] }, 'tokens must not be empty strings'],
    ['an empty instance', { instance: '' }, 'instance must be a name of 1 to 200 characters without spaces, got ""'],
    ['an instance with a space', { instance: 'a b' }, 'instance must be a name of 1 to 200 characters without spaces, got "a b"'],
    ['an instance with a control character', { instance: 'a\u0001' }, 'instance must be a name of 1 to 200 characters without spaces, got "a\\u0001"'],
    ['an instance too long', { instance: 'x'.repeat(201) }, expect.stringMatching(/^instance must be a name of 1 to 200/) as unknown as string],
    ['an instance that is no text', { instance: 5 }, 'instance must be a name of 1 to 200 characters without spaces, got 5'],
    ['a mapping that is no object', { mapping: 'x' }, 'mapping must be an object of expression texts ({ query_mapping?, response_mapping? }), got x'],
    ['a world as a path', { world: 'w.yaml' }, expect.stringMatching(/^world must be a parsed world document here; .* got "w\.yaml"$/) as unknown as string],
    ['a world of null', { world: null }, 'world must be a world document (an object), got null'],
    ['a world that is a number', { world: 5 }, 'world must be a world document (an object), got 5'],
    ['a world and accounts', { world: {}, accounts: [] }, 'give either world or accounts, not both: a world document states its accounts'],
  ])('refuses %s', (_name, options, message) => {
    let thrown: unknown;
    try {
      resolveEngineOptions(options as EngineOptions);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EngineOptionsError);
    expect(thrown).toMatchObject({ name: 'AppOptionsError', message });
  });
});
