/**
 * The README's world file example is a world file that gives what the README says of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { parseWorldText } from '../../src/world-file/parse-world-text.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's world file", () => {
  it("loads, and gives Ada's October as the README says", async () => {
    const section = README.slice(README.indexOf('A rep called Ada'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const read = parseWorldText(yaml, 'world.yaml');
    if ('problems' in read) throw new Error(JSON.stringify(read.problems));
    const engine = createEngine({ world: read.document });
    const answer = await engine.answer({
      method: 'POST',
      url: '/gong/5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90/v2/stats/interaction',
      headers: { host: '127.0.0.1:4010', authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({
        filter: { fromDate: '2026-10-01', toDate: '2026-11-01', userIds: ['7010000000000000001'] },
      }),
    });
    const body = JSON.parse(typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body));
    const stats = Object.fromEntries(
      body.peopleInteractionStats[0].personInteractionStats.map((s: { name: string; value: number }) => [
        s.name,
        s.value,
      ]),
    );
    expect(stats['Longest Monologue']).toBe(310);
    expect(stats['Patience']).toBe(0.5);
    expect(body.peopleInteractionStats[0].userEmailAddress).toBe('ada@test-co.example');
  });
});
