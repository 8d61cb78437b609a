/**
 * `serve --mapping DIR` and a world file's account mappings through the server: bad
 * expressions stop the server before it listens, each named with its file and place; a bad
 * folder is a flag error; a good override is served over a real port; and with
 * `--validate-responses` a record an override breaks is journalled with its pointer and record.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MappingTexts } from '../../src/unified/mapping-texts.js';
import { BASE_RESPONSE, BROKEN, RENAME, worldWithAccountMapping } from '../helpers/mapping-overrides.js';
import { ACCOUNT, AUTH, mockApp, NOW, october, startMockServer, unifiedUrl } from '../helpers/mock.js';
import { spawnCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'serve-mapping-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let made = 0;

function mappingDir(texts: MappingTexts, extra: Record<string, string> = {}): string {
  const dir = join(root, `mapping-${(made += 1)}`);
  mkdirSync(dir);
  for (const [kind, text] of Object.entries(texts)) writeFileSync(join(dir, `${kind}.jsonata`), text);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('serve refuses mappings that cannot run, before it listens', () => {
  it('--mapping DIR with a syntax error: exit 1, the file, line and column', async () => {
    const dir = mappingDir(BROKEN);
    const served = spawnCli(['serve', '--port', '0', '--mapping', dir]);
    expect(await served.exited).toBe(1);
    expect(served.output()).toContain('1 mapping expression cannot run; not serving');
    expect(served.output()).toContain(
      `${join(dir, 'response_mapping.jsonata')}:3:1: the server layer's response_mapping, line 3, column 1: S0211`,
    );
  });

  it("a world file's account mapping with a syntax error: exit 1, its place in the world file", async () => {
    const file = join(root, 'world.yaml');
    writeFileSync(
      file,
      [
        'accounts:',
        `  - id: ${ACCOUNT}`,
        '    mapping:',
        '      response_mapping: |',
        '        {',
        "          'id': response.userId,",
        '        }',
        '',
      ].join('\n'),
    );
    const served = spawnCli(['serve', '--port', '0', '--world', file]);
    expect(await served.exited).toBe(1);
    expect(served.output()).toContain(
      `${file}:4:25: accounts[0].mapping.response_mapping (account ${ACCOUNT}): the account layer's response_mapping, line 3, column 1: S0211`,
    );
  });

  it('a folder holding a file that is not a mapping is a flag error (exit 2)', async () => {
    const dir = mappingDir(RENAME, { 'notes.txt': 'hello' });
    const served = spawnCli(['serve', '--port', '0', '--mapping', dir]);
    expect(await served.exited).toBe(2);
    expect(served.output()).toContain(`--mapping: ${join(dir, 'notes.txt')} is not a mapping file`);
  });
});

describe('serve with a good override', () => {
  it('answers over a real port with the overridden records', async () => {
    const running = await startMockServer(['--mapping', mappingDir(RENAME)]);
    try {
      const res = await fetch(`${running.url}${unifiedUrl(october({ limit: '3' }))}`, { headers: AUTH });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: Array<{ additional_metrics: Array<{ name: string }> }> };
      expect(body.result.map((r) => r.additional_metrics[0]?.name)).toEqual(['talk_ratio', 'talk_ratio', 'talk_ratio']);
    } finally {
      await running.close();
    }
  });

  it('--validate-responses journals a broken record with its pointer and the record', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const app = mockApp({
        validateResponses: true,
        world: {
          ...worldWithAccountMapping(ACCOUNT, {
            response_mapping: `$merge([(\n${BASE_RESPONSE}\n), { 'metrics': { 'patience': 'slow' } }])`,
          }),
          now: NOW,
        },
      });
      const res = await request(app)
        .get(unifiedUrl(october({ limit: '2' })))
        .set(AUTH);
      expect(res.status).toBe(200);
      const { requests } = (await request(app).get('/__admin/requests')).body;
      expect(requests[0].violations).toEqual([
        expect.objectContaining({
          pointer: '/body/result/0/metrics/patience',
          rule: 'type',
          record: expect.objectContaining({ id: res.body.result[0].id, metrics: { patience: 'slow' } }),
        }),
        expect.objectContaining({
          pointer: '/body/result/1/metrics/patience',
          record: expect.objectContaining({ id: res.body.result[1].id }),
        }),
      ]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`in the record {"id":"${res.body.result[0].id}"`));
    } finally {
      warn.mockRestore();
    }
  });
});
