/**
 * The README's "Bad day on the wire" table names every wire scenario, each with what a client
 * sees and how to ask for it, and the admin API lists the same scenarios at the `wire` level.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { WIRE_SCENARIO_NAMES } from '../../src/scenarios.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The rows of the table in the section titled `title`: cells, trimmed. */
function tableOf(title: string): string[][] {
  const start = README.indexOf(`## ${title}\n`);
  expect(start, `a section "${title}"`).toBeGreaterThan(-1);
  const section = README.slice(start, README.indexOf('\n## ', start + 1));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\|? ?|\s?\|?$/g, '').trim()));
}

describe('README: Bad day on the wire', () => {
  it('has a row for every wire scenario: what a client sees and how to ask', () => {
    const rows = tableOf('Bad day on the wire');
    expect(rows.map((row) => row[0])).toEqual(WIRE_SCENARIO_NAMES.map((name) => `\`${name}\``));
    for (const [name, sees, ask] of rows) {
      expect(sees, `${name}: what a client sees`).toBeTruthy();
      expect(ask, `${name}: how to ask`).toContain(`scenario=${name?.replace(/`/g, '')}`);
    }
  });

  it('the admin API lists them at the wire level', async () => {
    const answer = await createEngine().answer({ method: 'GET', url: '/__admin/scenarios', headers: {} });
    const { scenarios } = JSON.parse(String(answer.body)) as { scenarios: Array<{ name: string; level: string }> };
    expect(scenarios.filter((s) => s.level === 'wire').map((s) => s.name)).toEqual([...WIRE_SCENARIO_NAMES]);
    expect(WIRE_SCENARIO_NAMES).toHaveLength(6);
  });
});
