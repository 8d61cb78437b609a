/**
 * `interactions-kit world init` and `world check`, as a user runs them: the real binary, its
 * output and exit codes (0 good, 1 problems, 2 misuse).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const run = promisify(execFile);

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ik-world-'));

describe('world init', () => {
  it('writes the default world with a schema line and comments, and refuses to overwrite', async () => {
    const first = await cli(['world', 'init', '--out', 'world.yaml'], dir);
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, 'world.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/interactions-kit/world.schema.json',
    );
    expect(text).toContain('  # Acme Widgets: healthy\n  - id: 62f44730-dd91-461e-bd6a-aedd9e0ad79d');
    expect(text).toContain('generatedUsers: 260');
    const again = await cli(['world', 'init', '--out', 'world.yaml'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists; pass --force');
    expect((await cli(['world', 'init', '--out', 'world.yaml', '--force'], dir)).code).toBe(0);
  });

  it('prints to stdout without --out', async () => {
    const { code, stdout } = await cli(['world', 'init'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('seed: 42\naccounts:\n');
  });
});

describe('world check', () => {
  it('passes the init output: exit 0 and a summary', async () => {
    await cli(['world', 'init', '--out', 'checked.yaml', '--force'], dir);
    const { code, stdout } = await cli(['world', 'check', 'checked.yaml'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('checked.yaml: ok (seed 42, 10 accounts, 693 users)\n');
  });

  it('prints each problem with line, column and path, and exits 1', async () => {
    writeFileSync(
      join(dir, 'bad.yaml'),
      [
        'seed: 7',
        'accounts:',
        '  - id: 5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90',
        '    timezone: Europe/Berlin',
        '    users:',
        '      - id: "1"',
        '        days:',
        '          2026-10-05: { calls: 3, patience: high }',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await cli(['world', 'check', 'bad.yaml'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        'bad.yaml:4:5: accounts[0].timezone: unknown key (did you mean timeZone?)',
        'bad.yaml:8:45: accounts[0].users[0].days.2026-10-05.patience: must be a number from -1000000 to 1000000',
        'bad.yaml: 2 problems',
        '',
      ].join('\n'),
    );
  });

  it('places a semantic problem too: an unknown zone, a day that is not in the calendar, a stranger as manager', async () => {
    writeFileSync(
      join(dir, 'meaning.yaml'),
      [
        'accounts:',
        '  - id: 5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90',
        '    timeZone: Mars/Olympus',
        '    users:',
        '      - managerId: "42"',
        '        days:',
        '          2026-02-30: { calls: 0 }',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await cli(['world', 'check', 'meaning.yaml'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('meaning.yaml:3:15: accounts[0].timeZone: Mars/Olympus is not an IANA time zone');
    expect(stderr).toContain(
      'meaning.yaml:7:11: accounts[0].users[0].days.2026-02-30: 2026-02-30 is not a date in the calendar',
    );
    expect(stderr).toContain('meaning.yaml:5:20: accounts[0].users[0].managerId: 42 is not a user of this account');
    // In the file's order, as an editor lists them.
    expect(stderr.indexOf('meaning.yaml:5:20')).toBeLessThan(stderr.indexOf('meaning.yaml:7:11'));
  });

  it.each([
    ['not YAML', 'seed: 7\n  bad: [\n', 'broken.yaml:2:6: not valid YAML: bad indentation of a mapping entry'],
    ['a YAML key given twice', 'seed: 7\nseed: 8\n', 'twice.yaml:2:1: not valid YAML: duplicated mapping key'],
    ['not JSON', '{"seed": 7,\n', 'broken.json:2:1: not valid JSON:'],
    ['JSON with a trailing comma', '{"seed": 7,}\n', 'trailing.json:1:12: not valid JSON:'],
    [
      'a JSON key given twice',
      '{"accounts": [],\n "accounts": []}\n',
      'twice.json:2:2: not valid here: the key "accounts" is given twice in one object',
    ],
    ['an empty file', '', 'empty.yaml:1:1: the file is empty'],
    ['a file of comments only', '# nothing yet\n', 'comments.yaml:1:1: the file is empty'],
    ['an empty JSON file', '  \n', 'empty.json:1:1: the file is empty'],
  ])('%s: one message with its place, exit 1', async (_name, text, message) => {
    const file = message.split(':')[0] as string;
    writeFileSync(join(dir, file), text);
    const { code, stderr } = await cli(['world', 'check', file], dir);
    expect(code).toBe(1);
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('bytes that are not UTF-8: one message with their place, exit 1', async () => {
    writeFileSync(
      join(dir, 'latin1.yaml'),
      Buffer.from('accounts:\n  - id: 5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90\n    name: Caf\xe9\n', 'latin1'),
    );
    const { code, stderr } = await cli(['world', 'check', 'latin1.yaml'], dir);
    expect(code).toBe(1);
    expect(stderr.startsWith('latin1.yaml:3:14: not valid UTF-8: save the file as UTF-8')).toBe(true);
  });

  it('a byte order mark is no problem', async () => {
    writeFileSync(join(dir, 'bom.json'), '\ufeff{"seed": 3}');
    const { code, stdout } = await cli(['world', 'check', 'bom.json'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('seed 3');
  });

  it("compiles an account's mapping: a bad expression is exit 1 with its place in the file", async () => {
    const account = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
    const text = (expression: string) =>
      `accounts:\n  - id: ${account}\n    mapping:\n      response_mapping: "${expression}"\n`;
    writeFileSync(join(dir, 'mapped.yaml'), text('$merge([response])'));
    expect((await cli(['world', 'check', 'mapped.yaml'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'mapped.yaml'), text('$merge([response)'));
    const { code, stderr } = await cli(['world', 'check', 'mapped.yaml'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `mapped.yaml:4:25: accounts[0].mapping.response_mapping (account ${account}): the account layer's response_mapping, line 1, column`,
    );
    expect(stderr).toContain('mapped.yaml: 1 problem');
  });

  it('a missing file is exit 1; a misuse is exit 2', async () => {
    const missing = await cli(['world', 'check', 'nope.yaml'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.yaml: cannot be read: no such file');
    expect((await cli(['world', 'check'], dir)).code).toBe(2);
    expect((await cli(['world', 'check', 'a.yaml', 'b.yaml'], dir)).code).toBe(2);
    expect((await cli(['world', 'frobnicate'], dir)).code).toBe(2);
    expect((await cli(['world'], dir)).code).toBe(2);
  });
});
