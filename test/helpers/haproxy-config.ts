/**
 * deploy/haproxy.cfg made local: its settings as they are, bound to a loopback port, with the
 * given servers on loopback checked every 200 ms. Used by the scale-out tests and the bench.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DEPLOYED = fileURLToPath(new URL('../../deploy/haproxy.cfg', import.meta.url));

/**
 * The loopback haproxy configuration for `servers` behind 127.0.0.1:`port`.
 *
 * @example
 * writeFileSync(file, loopbackHaproxyConfig(8080, [{ name: 'mock-1', port: 4011 }]));
 */
export function loopbackHaproxyConfig(port: number, servers: Array<{ name: string; port: number }>): string {
  const deployed = readFileSync(DEPLOYED, 'utf8');
  const lines = deployed.split('\n').filter((line) => !/^\s*server /.test(line));
  const local = lines.join('\n').replace(/^(\s*)bind \S+/m, `$1bind 127.0.0.1:${port}`);
  const checked = servers.map(
    (server) => `    server ${server.name} 127.0.0.1:${server.port} check inter 200ms fall 2 rise 1`,
  );
  return `${local.trimEnd()}\n${checked.join('\n')}\n`;
}
