/**
 * The deployment files in deploy/ against what the server really accepts: every `serve` flag
 * they pass goes through the CLI's own flag parser, their ports are the port the server
 * listens on, and their health path is one the server answers 200 to, with the Host header
 * the probe sends, from where the probe comes. haproxy's file is also checked by haproxy
 * itself (`haproxy -c`) when it is installed, with its servers pointed at loopback.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseServeFlags, type ServeFlags } from '../../src/cli/serve-flags.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { findProgram, INSTALL_SCALE_OUT } from '../helpers/redis-server.js';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
const read = (name: string) => readFileSync(join(DEPLOY, name), 'utf8');

/** `serve` flags as the CLI reads them; a flag it refuses fails the test with the CLI's own message. */
function serveFlags(args: readonly string[]): ServeFlags {
  expect(args[0]).toBe('serve');
  const flags = parseServeFlags(args.slice(1));
  if (flags === 'help') throw new Error('the deploy file asks for help, not a server');
  return flags;
}

/** Whether the engine answers the health path 200 to a probe sending `host`. */
async function healthAnswers(path: string, host: string | undefined, baseUrl?: string): Promise<number> {
  const engine = createEngine(baseUrl === undefined ? {} : { baseUrl });
  const answer = await engine.answer({ method: 'GET', url: path, headers: host === undefined ? {} : { host } });
  return answer.status;
}

const HEALTH = '/__admin/health';

describe('deploy/Dockerfile', () => {
  const lines = read('Dockerfile')
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const instruction = (name: string) => lines.filter((line) => line.startsWith(`${name} `));
  const json = (line: string) => JSON.parse(line.slice(line.indexOf('['))) as string[];

  it('builds in one stage and runs from another, both Node 20 slim', () => {
    const froms = instruction('FROM');
    expect(froms).toHaveLength(2);
    for (const from of froms) expect(from).toMatch(/^FROM node:20-slim\b/);
    expect(froms[0]).toMatch(/ AS build$/);
    expect(instruction('COPY').some((line) => line.includes('--from=build'))).toBe(true);
  });

  it('runs as a user that is not root', () => {
    const users = instruction('USER');
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^USER (root|0)(:|$)/);
  });

  it('runs serve with flags the CLI accepts, on all interfaces, on the port it exposes', () => {
    const [entrypoint] = instruction('ENTRYPOINT').map(json);
    const [cmd] = instruction('CMD').map(json);
    expect(entrypoint).toEqual(['node', 'bin/interactions-kit.js']);
    const flags = serveFlags(cmd as string[]);
    expect(flags.host).toBe('0.0.0.0');
    expect(instruction('EXPOSE')).toEqual([`EXPOSE ${flags.port}`]);
  });

  it('checks its health on the path the server answers, from inside (loopback, so no flag is needed)', async () => {
    const [check] = instruction('HEALTHCHECK');
    const flags = serveFlags(json(instruction('CMD')[0] as string));
    const url = new URL(/fetch\('([^']+)'\)/.exec(check as string)?.[1] as string);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBe(flags.port);
    expect(url.pathname).toBe(HEALTH);
    expect(await healthAnswers(url.pathname, url.host)).toBe(200);
  });

  it('copies into its build stage every file `npm run build` reads', () => {
    const script = (JSON.parse(read('../package.json')) as { scripts: Record<string, string> }).scripts.build as string;
    // The npm script and the build script it runs, whose steps name the files they read.
    const build = `${script} ${read('../scripts/build.mjs')}`;
    const readByBuild = [...build.matchAll(/(?:^|[\s'"])((?:tsconfig[\w.]*\.json)|(?:scripts|src)\/[\w./-]+)/g)].map(
      (match) => (match[1] as string).split('/')[0] as string,
    );
    expect(readByBuild).toEqual(expect.arrayContaining(['tsconfig.build.json', 'scripts', 'src']));
    const sources = instruction('COPY')
      .filter((line) => !line.includes('--from='))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    for (const entry of new Set(readByBuild)) expect(sources, entry).toContain(entry);
  });

  it('copies everything the package ships', () => {
    const shipped = (JSON.parse(read('../package.json')) as { files: string[] }).files;
    const copied = instruction('COPY')
      .filter((line) => line.includes('--from=build'))
      .join(' ');
    for (const file of shipped) expect(copied, file).toContain(`/app/${file}`);
  });
});

describe('deploy/kubernetes.yaml', () => {
  const documents = parseAllDocuments(read('kubernetes.yaml')).map((document) => {
    expect(document.errors).toEqual([]);
    return document.toJS() as Record<string, any>;
  });
  const named = (kind: string, name: string) =>
    documents.find((document) => document.kind === kind && document.metadata?.name === name) as Record<string, any>;
  const app = named('Deployment', 'interactions-kit');
  const container = app.spec.template.spec.containers[0];
  const flags = serveFlags(container.args);

  it('runs several replicas of serve, with flags the CLI accepts, on the port the container declares', () => {
    expect(app.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(flags.host).toBe('0.0.0.0');
    expect(container.ports.map((port: { containerPort: number }) => port.containerPort)).toEqual([flags.port]);
    expect(container.resources.requests).toEqual(
      expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
    );
  });

  it('names each pod in the journal (--instance from the pod name)', () => {
    expect(container.args[container.args.indexOf('--instance') + 1]).toBe('$(POD_NAME)');
    expect(container.env).toContainEqual({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
    expect(flags.app.instance).toBe('$(POD_NAME)');
  });

  it('points every replica at the Redis it deploys', () => {
    const redis = named('Deployment', 'interactions-kit-redis');
    const service = named('Service', 'interactions-kit-redis');
    expect(flags.store.driver).toBe('redis');
    const url = new URL((flags.store as { url: string }).url);
    expect(url.hostname).toBe(service.metadata.name);
    expect(Number(url.port)).toBe(service.spec.ports[0].port);
    expect(service.spec.selector).toEqual(redis.spec.template.metadata.labels);
    expect(redis.spec.template.spec.containers[0].ports[0].containerPort).toBe(service.spec.ports[0].targetPort);
  });

  it('serves through a Service reaching the container port, the origin the mock hands out', () => {
    const service = named('Service', 'interactions-kit');
    expect(service.spec.selector).toEqual(app.spec.template.metadata.labels);
    expect(service.spec.ports[0].targetPort).toBe(flags.port);
    expect(flags.app.baseUrl).toBe(`http://${service.metadata.name}:${service.spec.ports[0].port}`);
  });

  it.each(['readinessProbe', 'livenessProbe'])(
    'has a %s on the health path, answered from outside loopback with the Host it sends',
    async (name) => {
      const probe = container[name].httpGet;
      expect(probe.path).toBe(HEALTH);
      expect(probe.port).toBe(flags.port);
      // The kubelet is not loopback: only --admin-from-anywhere lets the admin API answer it.
      expect(flags.app.adminFromAnywhere).toBe(true);
      const host = probe.httpHeaders.find((header: { name: string }) => header.name.toLowerCase() === 'host')?.value;
      expect(await healthAnswers(probe.path, host, flags.app.baseUrl)).toBe(200);
    },
  );
});

describe('deploy/haproxy.cfg', () => {
  const text = read('haproxy.cfg');
  const lines = text.split('\n').map((line) => line.trim());
  const command = lines.find((line) => line.startsWith('#   interactions-kit serve')) as string;
  const flags = serveFlags(command.replace(/^#\s+interactions-kit /, '').split(/\s+/));
  const servers = lines.filter((line) => line.startsWith('server '));

  it('documents a serve command the CLI accepts: all interfaces, a shared Redis, admin open to the checks', () => {
    expect(flags.host).toBe('0.0.0.0');
    expect(flags.store.driver).toBe('redis');
    expect(flags.app.adminFromAnywhere).toBe(true);
  });

  it('balances round robin over servers on the port the instances listen on, each health-checked', () => {
    expect(lines).toContain('balance roundrobin');
    expect(servers.length).toBeGreaterThanOrEqual(2);
    for (const server of servers) {
      expect(server.split(/\s+/)[2]).toMatch(new RegExp(`:${flags.port}$`));
      expect(server).toMatch(/ check( |$)/);
    }
  });

  it('checks the health path the server answers, with a Host the admin API accepts', async () => {
    expect(lines).toContain('option httpchk');
    const send = lines.find((line) => line.startsWith('http-check send')) as string;
    const uri = /\buri (\S+)/.exec(send)?.[1] as string;
    const host = /\bhdr Host (\S+)/i.exec(send)?.[1];
    expect(uri).toBe(HEALTH);
    expect(await healthAnswers(uri, host, flags.app.baseUrl)).toBe(200);
  });

  it('binds the port the instances are told clients reach them at (--base-url)', () => {
    const bind = lines.find((line) => line.startsWith('bind ')) as string;
    expect(bind.split(/\s+/)[1]?.split(':').at(-1)).toBe(new URL(flags.app.baseUrl as string).port);
  });

  const HAPROXY = findProgram('haproxy');
  if (HAPROXY === undefined) console.warn(`haproxy's own check of deploy/haproxy.cfg is skipped: ${INSTALL_SCALE_OUT}`);
  it.runIf(HAPROXY !== undefined)('is a configuration haproxy accepts (its servers on loopback)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haproxy-check-'));
    try {
      // Loopback addresses, so the check resolves no name.
      const local = text.replace(/^(\s*server \S+ )\S+/gm, '$1127.0.0.1:4010');
      writeFileSync(join(dir, 'haproxy.cfg'), local);
      const output = execFileSync(HAPROXY as string, ['-c', '-f', join(dir, 'haproxy.cfg')], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
      expect(output).toMatch(/Configuration file is valid/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
