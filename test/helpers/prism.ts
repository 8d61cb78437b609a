/**
 * Runs Stoplight Prism against openapi.yaml on a free loopback port: `mock` answers from the
 * spec's examples, `proxy` forwards to an upstream (this mock, on loopback) and checks its
 * answers against the spec. Prism always gets an explicit port: a free one is found by
 * listening on port 0, and a port taken in between is retried with another.
 *
 * @example
 * ```ts
 * let prism: PrismServer;
 * beforeAll(async () => { prism = await startPrism(); });
 * afterAll(() => prism?.stop());
 * const res = await fetch(`${prism.url}/gong/${account}/v2/users`, { headers: basicAuth });
 * ```
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const PRISM_BIN = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));
const DEFAULT_SPEC = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
const HOST = '127.0.0.1';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface PrismOptions {
  /** `mock` answers from the spec; `proxy` forwards to `upstream`. Default `mock`. */
  mode?: 'mock' | 'proxy';
  /** Where proxy mode forwards, e.g. `http://127.0.0.1:4010`; loopback only. Required for `proxy`. */
  upstream?: string;
  /** `--errors`: a request or response breaking the spec becomes an error response. Default false. */
  errors?: boolean;
  /** `--dynamic`: bodies generated from schemas instead of examples (mock only). Default false. */
  dynamic?: boolean;
  /** The spec Prism serves. Default: the project's openapi.yaml. */
  spec?: string;
  /** More command-line arguments. Default none. */
  args?: readonly string[];
  /** How long to wait for Prism to answer. Default 30 000 ms. */
  startTimeoutMs?: number;
  /** The port to try first. Default: a free one. */
  port?: number;
  /** Ports to try when one is taken before Prism binds it. Default 5. */
  attempts?: number;
}

export interface PrismServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** Everything Prism printed so far (for failure messages). */
  output(): string;
  /** Stops Prism and every process it started; safe to call twice. */
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the kernel's pick for port 0 on loopback). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function prismArguments(options: PrismOptions, port: number): string[] {
  const { mode = 'mock', upstream, errors = false, dynamic = false, spec = DEFAULT_SPEC, args = [] } = options;
  const head = mode === 'proxy' ? ['proxy', spec, checkedUpstream(upstream)] : ['mock', spec];
  return [
    ...head,
    '-h',
    HOST,
    '-p',
    String(port),
    ...(errors ? ['--errors'] : []),
    ...(dynamic ? ['--dynamic'] : []),
    ...args,
  ];
}

function checkedUpstream(upstream: string | undefined): string {
  if (upstream === undefined) throw new Error('startPrism: proxy mode needs an upstream URL');
  if (!LOOPBACK_HOSTS.has(new URL(upstream).hostname)) {
    throw new Error(`startPrism: the upstream must be on loopback, got ${upstream}`);
  }
  return upstream;
}

/** Ends the process group Prism leads: SIGTERM, then SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const lingered = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), 5_000)),
  ]);
  if (lingered) {
    signalGroup('SIGKILL');
    await exited;
  }
}

/** Polls `url` until it answers HTTP at all (any status), or `deadline` passes. */
async function waitUntilAnswering(url: string, deadline: number, alive: () => boolean): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      if (!alive()) throw new Error('Prism exited before it answered');
      if (Date.now() > deadline) throw new Error(`Prism did not answer at ${url}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function startOnce(options: PrismOptions, port: number): Promise<PrismServer | 'port-taken'> {
  const { startTimeoutMs = 30_000 } = options;
  const child = spawn(process.execPath, [PRISM_BIN, ...prismArguments(options, port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() reaches anything it spawns
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const killOnExit = () => {
    if (alive() && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopGroup(child, exited);
  };

  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  try {
    // Prism says when it listens; only then is a reply on this port surely Prism's.
    while (!/Prism is listening on/.test(text)) {
      if (!alive()) break;
      if (Date.now() > deadline) throw new Error(`Prism did not start within ${startTimeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!alive()) {
      await stop();
      if (/EADDRINUSE|address already in use/i.test(text)) return 'port-taken';
      throw new Error('Prism exited before it listened');
    }
    await waitUntilAnswering(url, deadline, alive);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its output:\n${text}`);
  }
  return { url, port, output: () => text, stop };
}

/**
 * Starts Prism and resolves once it answers HTTP. Always pair it with `stop()` (afterAll).
 *
 * @example
 * ```ts
 * const proxy = await startPrism({ mode: 'proxy', upstream: 'http://127.0.0.1:4010', errors: true });
 * ```
 */
export async function startPrism(options: PrismOptions = {}): Promise<PrismServer> {
  const { attempts = 5, port } = options;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const started = await startOnce(options, attempt === 1 && port !== undefined ? port : await findFreePort());
    if (started !== 'port-taken') return started;
  }
  throw new Error(`Prism found no free port in ${attempts} attempts`);
}
