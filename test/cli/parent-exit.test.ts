/**
 * `serve` stops with the process that started it, however it is started: a SIGKILLed parent
 * cannot forward a signal, so the server notices by itself and frees its port. The second case
 * is `npm start`'s shape: npm runs the script in `sh -c`, which waits on node rather than exec
 * it, so killing npm leaves the shell, and the server must watch npm itself.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const SERVE = ['serve', '--port', '0', '--now', '2026-11-24T00:00:00Z'];

/** Starts `parentScript` (which starts serve) and resolves with serve's URL and all output so far. */
function startParent(parentScript: string, env: NodeJS.ProcessEnv) {
  const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const onData = (chunk: Buffer) => (output += chunk.toString());
  parent.stdout.on('data', onData);
  parent.stderr.on('data', onData);
  const url = new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) resolve(match[1] as string);
    };
    parent.stdout.on('data', check);
    parent.on('exit', () => reject(new Error(`the parent exited before serve listened:\n${output}`)));
  });
  return { parent, url, output: () => output };
}

function refused(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(true));
  });
}

/** Waits (within the test's timeout) until nothing listens at `url` any more. */
async function portFreed(url: string): Promise<void> {
  while (!(await refused(url))) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe.skipIf(process.platform === 'win32')('serve stops with its parent', () => {
  it('when the parent that spawned it is killed', async () => {
    const script = `require('node:child_process').spawn(process.execPath, ${JSON.stringify([BIN, ...SERVE])}, { stdio: 'inherit' }); setInterval(() => {}, 1000);`;
    const { npm_lifecycle_event: _ignored, ...env } = process.env;
    const started = startParent(script, env);
    const url = await started.url;
    expect(await refused(url)).toBe(false);
    started.parent.kill('SIGKILL');
    await portFreed(url);
    await expect.poll(started.output).toMatch(/parent exited, stopped/);
  });

  it('when npm, running it through sh -c, is killed', async () => {
    const command = [process.execPath, BIN, ...SERVE].map((word) => `'${word}'`).join(' ');
    const script = `require('node:child_process').spawn('sh', ['-c', ${JSON.stringify(command)}], { stdio: 'inherit' }); setInterval(() => {}, 1000);`;
    const started = startParent(script, { ...process.env, npm_lifecycle_event: 'start' });
    const url = await started.url;
    started.parent.kill('SIGKILL');
    await portFreed(url);
    await expect.poll(started.output).toMatch(/parent exited, stopped/);
  });

  it('when npm is killed and its own parent never reaps it (npm stays a zombie)', async () => {
    // `exec sleep` replaces the outer shell with a process that never waits for its children,
    // so the killed npm-like process lingers as a zombie, which kill(pid, 0) still finds.
    const command = [process.execPath, BIN, ...SERVE].map((word) => `'${word}'`).join(' ');
    const npmLike = `console.log('npm pid ' + process.pid); require('node:child_process').spawn('sh', ['-c', ${JSON.stringify(command)}], { stdio: 'inherit' }); setInterval(() => {}, 1000);`;
    const outer = spawn('sh', ['-c', `'${process.execPath}' -e "$NPM_LIKE" & exec sleep 120`], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, npm_lifecycle_event: 'start', NPM_LIKE: npmLike },
    });
    try {
      let output = '';
      outer.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      outer.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await expect.poll(() => /listening on (http:\/\/\S+)/.exec(output), { timeout: 20_000 }).not.toBeNull();
      const url = (/listening on (http:\/\/\S+)/.exec(output) as RegExpExecArray)[1] as string;
      const npmPid = Number((/npm pid (\d+)/.exec(output) as RegExpExecArray)[1]);
      process.kill(npmPid, 'SIGKILL');
      await portFreed(url);
      await expect.poll(() => output).toMatch(/parent exited, stopped/);
    } finally {
      outer.kill('SIGKILL');
    }
  });
});
