/**
 * The scale-out part of `npm run bench`, all on loopback, in one run so the ratios compare:
 * the mock on the memory store and on the Redis store (what sharing state costs a request),
 * and haproxy in front of 1 and of 3 instances on that Redis. Skipped, with a message, when
 * redis-server or haproxy is not installed.
 *
 * On a 2-core machine three instances, Redis, haproxy and the load generator share two
 * cores, so 3 instances are not expected to beat 1; on a machine with a core per instance the
 * 3-instance figure is the one that grows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loopbackHaproxyConfig } from '../test/helpers/haproxy-config.js';
import { findProgram, INSTALL_SCALE_OUT, redisAnswers } from '../test/helpers/redis-server.js';
import { freePort, startChildTarget, type ChildTarget } from './child-target.js';
import { distinctPaths } from './distinct-paths.js';
import { measure, type Measurement } from './measure.js';

/** What the scale-out bench measured, or why it did not run. */
export type ScaleOutBench =
  | { skipped: string }
  | {
      rows: Measurement[];
      ratios: { redisVsMemory: number; threeVsOneBehindHaproxy: number; haproxyOneVsDirect: number };
    };

const AUTH = { authorization: 'Bearer bench' };
const HEALTH = { path: '/__admin/health' };

async function waitFor(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${what} never came up`);
}

/** Runs the scale-out measurements with `load` (connections, seconds). */
export async function benchScaleOut(
  bin: string,
  load: { connections: number; duration: number },
): Promise<ScaleOutBench> {
  const redisServer = findProgram('redis-server');
  const haproxy = findProgram('haproxy');
  if (redisServer === undefined || haproxy === undefined)
    return { skipped: `scale-out bench skipped: redis-server or haproxy is missing (${INSTALL_SCALE_OUT})` };

  const children: ChildProcess[] = [];
  const targets: ChildTarget[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-out-'));
  const stopAll = async () => {
    await Promise.all(targets.map((target) => target.stop()));
    for (const child of children) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const redisPort = await freePort();
    children.push(
      spawn(redisServer, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: 'ignore',
      }),
    );
    await waitFor(() => redisAnswers(redisPort), 'redis-server');
    const serve = async (store: string, instance: string) => {
      const target = await startChildTarget({
        command: process.execPath,
        args: [bin, 'serve', '--port', '0', '--now', '2026-11-24T00:00:00Z', '--store', store, '--instance', instance],
        urlPattern: /listening on (http:\/\/[^\s]+)/,
        probe: HEALTH,
      });
      targets.push(target);
      return target;
    };
    const balance = async (instances: ChildTarget[]) => {
      const port = await freePort();
      const config = join(dir, `haproxy-${instances.length}.cfg`);
      const servers = instances.map((target, i) => ({ name: `mock-${i + 1}`, port: Number(new URL(target.url).port) }));
      writeFileSync(config, loopbackHaproxyConfig(port, servers));
      const target = await startChildTarget({
        command: haproxy,
        args: ['-db', '-f', config],
        url: `http://127.0.0.1:${port}`,
        probe: HEALTH,
      });
      targets.push(target);
      // Let the health checks see every server up before measuring.
      await new Promise((resolve) => setTimeout(resolve, 600));
      return target;
    };
    const distinct = (name: string, url: string) =>
      measure(name, { ...load, url, path: distinctPaths(), headers: AUTH });

    const rows: Measurement[] = [];
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const memory = await serve('memory', 'bench-memory');
    rows.push(await distinct('one instance, memory store', memory.url));
    await memory.stop();
    targets.splice(targets.indexOf(memory), 1);
    const one = await serve(redisUrl, 'mock-1');
    rows.push(await distinct('one instance, redis store', one.url));
    const balancerOne = await balance([one]);
    rows.push(await distinct('haproxy -> 1 instance (redis)', balancerOne.url));
    await balancerOne.stop();
    targets.splice(targets.indexOf(balancerOne), 1);
    const three = [one, await serve(redisUrl, 'mock-2'), await serve(redisUrl, 'mock-3')];
    const balancerThree = await balance(three);
    rows.push(await distinct('haproxy -> 3 instances (redis)', balancerThree.url));

    const rate = (prefix: string) => rows.find((row) => row.name.startsWith(prefix))?.requestsPerSecond ?? NaN;
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return {
      rows,
      ratios: {
        redisVsMemory: ratio(rate('one instance, redis'), rate('one instance, memory')),
        threeVsOneBehindHaproxy: ratio(rate('haproxy -> 3'), rate('haproxy -> 1')),
        haproxyOneVsDirect: ratio(rate('haproxy -> 1'), rate('one instance, redis')),
      },
    };
  } finally {
    await stopAll();
  }
}
