/**
 * What a Jest user does, in a throwaway project: the kit as `npm pack` makes it, unpacked into
 * the project's node_modules; the README's Jest set-up; a test file that imports `expect` from
 * `@jest/globals`, type-checked by tsc and run by `npm test`.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW } from '../helpers/mock.js';

const run = promisify(execFile);
const KIT = fileURLToPath(new URL('../..', import.meta.url));
const KIT_MODULES = join(KIT, 'node_modules');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The README's package.json for Jest, as a user copies it. */
const PACKAGE_JSON = {
  name: 'jest-user',
  private: true,
  type: 'module',
  scripts: { test: 'node --experimental-vm-modules node_modules/jest/bin/jest.js' },
  jest: { testEnvironment: 'node', transform: {} },
};

const TSCONFIG = {
  compilerOptions: {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2023'],
    types: ['node'],
    strict: true,
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ['*.test.js'],
};

const PAGE =
  '/unified/conversational-intelligence/interactions?integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d' +
  '&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=2';

/** Type-checked as JavaScript (checkJs) and run by jest: one file, no build step between. */
const TEST_FILE = `// @ts-check
import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createApp, requestListener } from 'interactions-kit';
import { registerJestMatchers } from 'interactions-kit/jest';

// Importing registered the matcher with Jest's global expect; this is what \`injectGlobals: false\` needs.
registerJestMatchers(expect);

const PAGE = ${JSON.stringify(PAGE)};
const server = createServer(requestListener(createApp({ now: ${JSON.stringify(NOW)} })));
let base = '';

beforeAll(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  base = \`http://127.0.0.1:\${/** @type {import('node:net').AddressInfo} */ (server.address()).port}\`;
});
afterAll(() => new Promise((resolve) => server.close(() => resolve(undefined))));

test('a fetch Response of the mock honours the contract', async () => {
  await expect(await fetch(base + PAGE, { headers: { Authorization: 'Bearer t' } })).toMatchContract();
});

test('a broken fetch Response fails, naming the violation', async () => {
  const broken = new Response('{"result":"nope","next_cursor":null}', {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  await expect(expect(broken).toMatchContract({ url: PAGE })).rejects.toThrow(/\\/result/);
});

test('a supertest-shaped response is checked at once', () => {
  expect({ status: 299, headers: {}, text: '', req: { method: 'GET', path: PAGE } }).not.toMatchContract();
});
`;

let project = '';

/** Links a package of the kit's node_modules into the project, as npm would have hoisted it. */
function link(name: string): void {
  const target = join(project, 'node_modules', name);
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(join(KIT_MODULES, name), target, 'junction');
}

/** A child's environment without vitest's own settings (its NODE_OPTIONS would reach jest). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false' };
  delete env['NODE_OPTIONS'];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'interactions-kit-jest-'));
  // --ignore-scripts: dist/ is fresh from the global setup, and prepack's clean build would
  // delete it under the feet of the tests running beside this one.
  const packed = await run(NPM, ['pack', KIT, '--ignore-scripts', '--pack-destination', project, '--json'], {
    env: childEnv(),
  });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const kit = join(project, 'node_modules', 'interactions-kit');
  mkdirSync(kit, { recursive: true });
  await run('tar', ['-xzf', join(project, filename), '-C', kit, '--strip-components=1']);
  // The kit's dependencies, jest and the types a user has: linked, not installed, because
  // `npm ci` caches tarballs but not the registry metadata an offline `npm install` needs.
  const kitPackage = JSON.parse(readFileSync(join(KIT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of [...Object.keys(kitPackage.dependencies), 'jest', '@jest/globals', 'expect', '@types/node'])
    link(name);
  writeFileSync(join(project, 'package.json'), JSON.stringify(PACKAGE_JSON, null, 2));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(project, 'contract.test.js'), TEST_FILE);
}, 60_000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

/** Runs a command in the project; resolves with its output whatever the exit code. */
async function inProject(file: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: project, env: childEnv(), timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('interactions-kit/jest in a Jest project (ESM, Node 20)', () => {
  it("type-checks toMatchContract on @jest/globals' expect", async () => {
    const tsc = await inProject(process.execPath, [join(KIT_MODULES, 'typescript', 'bin', 'tsc'), '-p', '.']);
    expect(tsc.output).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('npm test runs the README set-up: matchers pass and fail as they should', async () => {
    // Jest's cache goes into the project, so nothing is left behind in the system's temp folder.
    const jest = await inProject(NPM, ['test', '--silent', '--', '--cacheDirectory', join(project, '.jest-cache')]);
    expect(jest.output).toMatch(/Tests:\s+3 passed, 3 total/);
    expect(jest.code).toBe(0);
  });
});
