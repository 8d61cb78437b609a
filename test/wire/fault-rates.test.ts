/**
 * `--fault-rate` by kind: `connection-reset:0.1,remote-error:0.2` makes about those shares of API
 * requests meet those scenarios, drawn per account from a seed, so the same run repeats exactly;
 * the bare number keeps its meaning (a share of Gong calls failing with 500).
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error.js';
import { parseServeFlags, type ServeFlags } from '../../src/cli/serve-flags.js';
import { startServer } from '../../src/cli/start-server.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { httpSees } from '../helpers/wire-clients.js';

function flags(...args: string[]): ServeFlags {
  const parsed = parseServeFlags(['--port', '0', '--now', NOW, '--log-level', 'silent', ...args]);
  if (parsed === 'help') throw new Error('unexpected help');
  return parsed;
}

/** What 60 requests in a row meet on a fresh server: 200, 502, or the connection's error code. */
async function run(...args: string[]): Promise<string[]> {
  const server = await startServer(flags(...args));
  try {
    const outcomes: string[] = [];
    for (let i = 0; i < 60; i++) {
      const seen = await httpSees(`${server.url}${unifiedUrl(october({ limit: '1' }))}`, AUTH);
      outcomes.push(seen.error?.code ?? String(seen.status));
    }
    return outcomes;
  } finally {
    await server.close();
  }
}

describe('--fault-rate', () => {
  it('takes a share of Gong calls, as before, or shares by kind', () => {
    expect(flags('--fault-rate', '0.05').app.faultRate).toBe(0.05);
    expect(flags('--fault-rate', 'connection-reset:0.01,remote-error:0.02').app.faultRate).toEqual({
      'connection-reset': 0.01,
      'remote-error': 0.02,
    });
  });

  it.each([
    ['meteor:0.1', /unknown fault kind "meteor"; known: credentials-revoked, /],
    ['remote-error:0.7,empty:0.6', /the shares add up to 1\.3, more than 1/],
    ['remote-error:2', /expected kind:share such as connection-reset:0\.01, got "remote-error:2"/],
    ['remote-error:0.1,remote-error:0.2', /remote-error is given twice/],
    ['2', /must be a number from 0 to 1, or kind:share pairs/],
  ])('refuses %s clearly', (value, message) => {
    expect(() => flags('--fault-rate', value)).toThrow(CliError);
    expect(() => flags('--fault-rate', value)).toThrow(message);
  });

  it('by kind: seeded, so the same run meets the same faults; another seed, others', async () => {
    const kinds = 'connection-reset:0.1,remote-error:0.2';
    const first = await run('--fault-rate', kinds);
    const again = await run('--fault-rate', kinds);
    expect(again).toEqual(first);
    const count = (outcome: string) => first.filter((o) => o === outcome).length;
    expect(count('ECONNRESET')).toBeGreaterThan(0);
    expect(count('502')).toBeGreaterThan(count('ECONNRESET'));
    expect(count('200')).toBeGreaterThan(count('502'));
    expect(count('200') + count('502') + count('ECONNRESET')).toBe(60);
    expect(await run('--fault-rate', kinds, '--seed', '7')).not.toEqual(first);
  });
});
