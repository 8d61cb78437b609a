/**
 * `interactions-kit mapping test`, called in-process (and once through the real binary): the
 * same four overrides at the server layer (`--mapping DIR`) and the account layer (a world
 * file's `mapping:`), the records or their diff against the base, violations with record and
 * pointer, and the exit codes a CI job reads.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMappingTest } from '../../src/cli/mapping-test.js';
import { CliError } from '../../src/cli/cli-error.js';
import type { MappingTexts } from '../../src/unified/mapping-texts.js';
import { BASE_RESPONSE, BROKEN, DROP, RENAME, TRUTO, worldWithAccountMapping } from '../helpers/mapping-overrides.js';
import { ACCOUNT, NOW } from '../helpers/mock.js';
import { spawnCli } from '../helpers/cli.js';
import { DEFAULT_WORLD } from '../../src/world/default-world.js';

const root = mkdtempSync(join(tmpdir(), 'mapping-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let made = 0;

/** A mapping folder holding `texts`. */
function mappingDir(texts: MappingTexts): string {
  const dir = join(root, `mapping-${(made += 1)}`);
  mkdirSync(dir);
  for (const [kind, text] of Object.entries(texts)) writeFileSync(join(dir, `${kind}.jsonata`), text);
  return dir;
}

/** A JSON world file (the default world, its clock pinned), with `mapping` on the default account. */
function worldFile(mapping?: MappingTexts): string {
  const file = join(root, `world-${(made += 1)}.json`);
  const document = mapping === undefined ? DEFAULT_WORLD : worldWithAccountMapping(ACCOUNT, mapping);
  writeFileSync(file, JSON.stringify({ ...document, now: NOW }, null, 2));
  return file;
}

const WINDOW = ['--account', ACCOUNT, '--start', '2026-10-01', '--end', '2026-10-03'];

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMappingTest(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err, records: () => out.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)) };
}

/** The flags that put `texts` at `layer`. */
const LAYERS = {
  server: (texts: MappingTexts) => ['--mapping', mappingDir(texts), '--world', worldFile()],
  account: (texts: MappingTexts) => ['--world', worldFile(texts)],
} as const;

describe.each(Object.keys(LAYERS) as Array<keyof typeof LAYERS>)('mapping test with a %s-layer override', (layer) => {
  const flags = LAYERS[layer];

  it('prints the renamed records, names the layer, exits 0', async () => {
    const { code, err, records } = await run([...flags(RENAME), ...WINDOW]);
    expect(code).toBe(0);
    expect(records().length).toBeGreaterThan(100);
    expect(records().every((r) => r.additional_metrics.some((m: { name: string }) => m.name === 'talk_ratio'))).toBe(
      true,
    );
    expect(err.at(-1)).toMatch(
      new RegExp(
        `^mapping test: \\d+ records in \\d+ pages \\(query_mapping from base, response_mapping from ${layer}\\), 0 violations$`,
      ),
    );
  });

  it('--diff shows the renamed metric as a change of each record', async () => {
    const { code, out } = await run([...flags(RENAME), ...WINDOW, '--diff']);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^~ \d+_2026-09-30_2026-10-03$/);
    expect(out[1]).toBe('    /additional_metrics/0/name: "Talk Ratio" -> "talk_ratio"');
    expect(out.at(-1)).toBe('= 0 records unchanged');
  });

  it('--diff shows dropped users as removed records, the others unchanged', async () => {
    const { code, out } = await run([...flags(DROP), ...WINDOW, '--diff']);
    expect(code).toBe(0);
    const removed = out.filter((l) => l.startsWith('- ')).map((l) => JSON.parse(l.slice(2)));
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every((r) => Number(r.user.id.slice(-1)) < 5)).toBe(true);
    expect(out.some((l) => l.startsWith('+ ') || l.startsWith('~ '))).toBe(false);
    expect(out.at(-1)).toMatch(/^= \d+ records unchanged$/);
  });

  it("runs @truto/truto-jsonata's functions", async () => {
    const { code, records } = await run([...flags(TRUTO), ...WINDOW]);
    expect(code).toBe(0);
    for (const record of records()) expect(record.user.name).toBe(record.user.emails[0].email.split('@')[0]);
  });

  it('a broken expression: exit 1, named with its file and place', async () => {
    const args = flags(BROKEN);
    const { code, err, out } = await run([...args, ...WINDOW]);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    const where =
      layer === 'server'
        ? `${join(args[1] as string, 'response_mapping.jsonata')}:3:1: the server layer's response_mapping, line 3, column 1: S0211`
        : `${args[1]}:`;
    expect(err[0]).toContain(where);
    if (layer === 'account')
      expect(err[0]).toMatch(
        /\.json:\d+:\d+: accounts\[0\]\.mapping\.response_mapping \(account [0-9a-f-]+\): the account layer's response_mapping, line 3, column 1: S0211/,
      );
  });

  it('a record breaking the contract: exit 1, the violation with its pointer and record', async () => {
    const QUARTERLY = { response_mapping: `$merge([(\n${BASE_RESPONSE}\n), { 'aggregation_period': 'quarter' }])` };
    const { code, out, err } = await run([...flags(QUARTERLY), ...WINDOW]);
    expect(code).toBe(1);
    const violation = out.findIndex((l) => l.startsWith('violation: '));
    expect(out[violation]).toMatch(/^violation: page 1 \/body\/result\/0\/aggregation_period: .* \(enum\)$/);
    expect(JSON.parse(out[violation + 1]!.replace(/^ {2}record: /, ''))).toMatchObject({
      aggregation_period: 'quarter',
    });
    expect(err.at(-1)).toMatch(/, [1-9]\d* violations$/);
  });
});

describe('mapping test: bad flags are exit 2 with one clear line', () => {
  it.each([
    { name: 'no --account', args: ['--start', '2026-10-01', '--end', '2026-10-03'], message: /--account is required/ },
    {
      name: 'a bad --start',
      args: [...WINDOW.slice(0, 2), '--start', 'soon', '--end', '2026-10-03'],
      message: /--start must be a date-time/,
    },
    {
      name: 'an unknown account',
      args: ['--account', '00000000-0000-4000-8000-000000000000', ...WINDOW.slice(2)],
      message: /the world has no account/,
    },
    { name: 'an unknown flag', args: [...WINDOW, '--maping', 'x'], message: /Unknown option '--maping'/ },
  ])('$name', async ({ args, message }) => {
    const error = await run(args).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toMatch(message);
  });

  it('a mapping folder with an unknown file, an empty one, or a missing one', async () => {
    const stray = mappingDir({ response_mapping: 'response' });
    writeFileSync(join(stray, 'response-mapping.jsonata'), 'response');
    const empty = mappingDir({});
    for (const [dir, message] of [
      [
        stray,
        /response-mapping\.jsonata is not a mapping file: a mapping folder holds only query_mapping\.jsonata and response_mapping\.jsonata/,
      ],
      [empty, /holds no mapping: put query_mapping\.jsonata and\/or response_mapping\.jsonata in it/],
      [join(root, 'nowhere'), /cannot be read: no such folder/],
    ] as const) {
      const error = (await run(['--mapping', dir, ...WINDOW]).catch((e: unknown) => e)) as CliError;
      expect(error.exitCode).toBe(2);
      expect(error.message).toMatch(message);
    }
  });
});

describe('mapping test through the real binary', () => {
  it('prints the diff and exits 0; a broken mapping exits 1', async () => {
    const ok = spawnCli([
      'mapping',
      'test',
      '--mapping',
      mappingDir(RENAME),
      '--world',
      worldFile(),
      ...WINDOW,
      '--diff',
    ]);
    expect(await ok.exited).toBe(0);
    expect(ok.output()).toContain('/additional_metrics/0/name: "Talk Ratio" -> "talk_ratio"');
    const broken = spawnCli(['mapping', 'test', '--mapping', mappingDir(BROKEN), '--world', worldFile(), ...WINDOW]);
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toContain(
      "response_mapping.jsonata:3:1: the server layer's response_mapping, line 3, column 1: S0211",
    );
  });
});
