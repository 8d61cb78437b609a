/**
 * The scenario table (what `GET /__admin/scenarios` lists) says what really happens: each
 * HTTP scenario's description names the statuses the engine answers on the unified API and
 * on Gong, each wire scenario's its defaults; the levels decide which route offers which; and
 * the names are only the table's own (no inherited property of an object).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/create-engine.js';
import { NO_RESPONSE_DEFAULT_MS, SLOW_BODY_DEFAULT_MS, SLOW_BODY_PIECES } from '../src/faults/wire-fault.js';
import {
  GONG_SCENARIO_NAMES,
  isScenarioName,
  SCENARIO_NAMES,
  SCENARIOS,
  UNIFIED_ONLY_SCENARIO_NAMES,
  WIRE_SCENARIO_NAMES,
} from '../src/scenarios.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from './helpers/mock.js';

const engine = createEngine({ now: NOW });
/** An answer's body as text, whether the engine gave text or bytes. */
const textOf = (body: unknown) => (body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body));
/** The engine reads header names lower-cased, as the doors hand them over. */
const LOWER_AUTH = Object.fromEntries(Object.entries(AUTH).map(([name, value]) => [name.toLowerCase(), value]));
const unifiedStatus = async (scenario: string) =>
  (await engine.answer({ method: 'GET', url: unifiedUrl(october({ __scenario: scenario })), headers: LOWER_AUTH })).status;
const gongStatus = async (scenario: string) =>
  (
    await engine.answer({
      method: 'POST',
      url: `/gong/${ACCOUNT}/v2/stats/interaction?__scenario=${scenario}`,
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { fromDate: '2026-10-01', toDate: '2026-10-08' } }),
    })
  ).status;

describe('SCENARIOS', () => {
  it.each([
    ['credentials-revoked', 'Gong 401', 'unified 401'],
    ['rate-limited', 'Gong 429', 'unified 429'],
    ['remote-error', 'Gong 500', 'unified 502'],
    ['forbidden', undefined, 'unified 403'],
    ['account-blocked', undefined, 'unified 503'],
    ['remote-timeout', undefined, 'unified 504'],
    ['internal-error', undefined, 'unified 500'],
  ] as const)('%s: the description names what the engine answers', async (name, gong, unified) => {
    const { description } = SCENARIOS[name];
    expect(description).toContain(unified);
    expect(await unifiedStatus(name)).toBe(Number(unified.split(' ')[1]));
    if (gong !== undefined) {
      expect(description).toContain(gong);
      expect(await gongStatus(name)).toBe(Number(gong.split(' ')[1]));
    }
  });

  it("empty and looping describe Gong's no-data 404, an empty unified page, and the loop's end", async () => {
    expect(SCENARIOS.empty.description).toBe('Gong has no data: stats 404 "No stats found"; unified an empty page');
    expect(await gongStatus('empty')).toBe(404);
    const page = await engine.answer({ method: 'GET', url: unifiedUrl(october({ __scenario: 'empty' })), headers: LOWER_AUTH });
    expect(JSON.parse(textOf(page.body))).toEqual({ result: [], next_cursor: null });
    expect(SCENARIOS.looping.description).toContain('next_cursor null, debug isLooping true');
  });

  it('the wire descriptions give the defaults the wire faults use, and each says something of its own', () => {
    expect(SCENARIOS['slow-body'].description).toContain(`in ${SLOW_BODY_PIECES} pieces over \`duration\` ms (default ${SLOW_BODY_DEFAULT_MS})`);
    expect(SCENARIOS['no-response'].description).toContain(`\`duration\` ms pass (default ${NO_RESPONSE_DEFAULT_MS})`);
    expect(SCENARIOS['malformed-body'].description).toContain('application/json');
    expect(SCENARIOS['connection-reset'].description).toContain('TCP RST');
    expect(SCENARIOS['empty-response'].description).toContain('no bytes');
    expect(SCENARIOS['truncated-body'].description).toContain('Content-Length');
    const descriptions = SCENARIO_NAMES.map((name) => SCENARIOS[name].description);
    expect(new Set(descriptions).size).toBe(SCENARIO_NAMES.length);
    for (const description of descriptions) expect(description.length).toBeGreaterThan(20);
  });

  it('the levels, in the order of the table', () => {
    expect(SCENARIO_NAMES.map((name) => [name, SCENARIOS[name].level])).toEqual([
      ['credentials-revoked', 'gong'],
      ['rate-limited', 'gong'],
      ['remote-error', 'gong'],
      ['empty', 'gong'],
      ['looping', 'gong'],
      ['forbidden', 'unified'],
      ['account-blocked', 'unified'],
      ['remote-timeout', 'unified'],
      ['internal-error', 'unified'],
      ['connection-reset', 'wire'],
      ['empty-response', 'wire'],
      ['truncated-body', 'wire'],
      ['malformed-body', 'wire'],
      ['slow-body', 'wire'],
      ['no-response', 'wire'],
    ]);
    expect(WIRE_SCENARIO_NAMES).toEqual(SCENARIO_NAMES.slice(9));
    expect(UNIFIED_ONLY_SCENARIO_NAMES).toEqual(['forbidden', 'account-blocked', 'remote-timeout', 'internal-error']);
    expect(GONG_SCENARIO_NAMES).toEqual([...SCENARIO_NAMES.slice(0, 5), ...SCENARIO_NAMES.slice(9)]);
  });

  it('the admin API lists the table as it is', async () => {
    const answer = await engine.answer({ method: 'GET', url: '/__admin/scenarios', headers: {} });
    const { scenarios } = JSON.parse(String(answer.body)) as { scenarios: unknown[] };
    expect(scenarios).toEqual(SCENARIO_NAMES.map((name) => ({ name, ...SCENARIOS[name] })));
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', '', 'Empty'])('%j is no scenario', (name) => {
    expect(isScenarioName(name)).toBe(false);
  });
});
