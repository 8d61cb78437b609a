/**
 * Several real `serve` processes behind a real haproxy, all on 127.0.0.1: the loopback
 * version of deploy/haproxy.cfg (its backend settings as they are; the bind, the servers and
 * the check timing made local and fast). Everything started here is stopped by `close`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli, type Spawned } from './cli.js';
import { loopbackHaproxyConfig } from './haproxy-config.js';
import { NOW } from './mock.js';
import { freePort, waitUntil } from './redis-server.js';
import { send } from './shared-state.js';

/** One `serve` process. */
export interface Instance {
  name: string;
  url: string;
  cli: Spawned;
}

/** A balancer and its instances. */
export interface Cluster {
  /** haproxy's address: what clients use. */
  base: string;
  instances: Instance[];
  /** Stops instance `index` (SIGKILL: a crash, not a goodbye). */
  kill(index: number): Promise<void>;
  /** Stops everything this cluster started. */
  close(): Promise<void>;
}

/** Ends a child process and waits for it to go. */
async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/**
 * Starts `count` instances of `serve` with `flags` and an haproxy in front of them, and waits
 * until haproxy sends requests to every one.
 */
export async function startCluster(haproxy: string, count: number, flags: string[]): Promise<Cluster> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const instances: Instance[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'scale-out-'));
  let balancer: ChildProcess | undefined;
  const close = async () => {
    if (balancer !== undefined) await stop(balancer);
    await Promise.all(instances.map((instance) => stop(instance.cli.child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const name = `mock-${i + 1}`;
        const cli = spawnCli(['serve', '--port', '0', '--now', NOW, '--instance', name, '--base-url', base, ...flags]);
        instances[i] = { name, url: '', cli };
        const [, url] = (await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 30_000)) as unknown as [
          string,
          string,
        ];
        (instances[i] as Instance).url = url;
      }),
    );
    const config = join(dir, 'haproxy.cfg');
    const servers = instances.map((instance) => ({ name: instance.name, port: Number(new URL(instance.url).port) }));
    writeFileSync(config, loopbackHaproxyConfig(port, servers));
    let output = '';
    balancer = spawn(haproxy, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    balancer.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    balancer.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Up once requests through it reach every instance.
    const seen = new Set<string>();
    await waitUntil(
      `haproxy on ${base} to reach all ${count} instances (haproxy said: ${output})`,
      async () => {
        const reply = await send(`${base}/__admin/health`);
        if (reply.status === 200) seen.add((reply.body as { instance: string }).instance);
        return seen.size === count;
      },
      30_000,
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    base,
    instances,
    kill: (index) => stop((instances[index] as Instance).cli.child, 'SIGKILL'),
    close,
  };
}
