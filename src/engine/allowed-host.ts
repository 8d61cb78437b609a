/**
 * The Host check of the admin API. A web page the developer visits can rebind its own name to
 * 127.0.0.1 (DNS rebinding) and then reach the mock from their browser: the remote address is
 * loopback, but the Host header still names the attacker's domain. So the admin API answers
 * only a Host that names a loopback address or the configured origin.
 */

/** `host[:port]` of a Host header, lower case, brackets kept on IPv6; undefined when malformed. */
function splitHost(host: string): { hostname: string; port: string } | undefined {
  const text = host.trim().toLowerCase();
  const closing = text.startsWith('[') ? text.indexOf(']') : -1;
  const colon = text.indexOf(':', closing + 1);
  if (text.startsWith('[') && closing === -1) return undefined;
  const hostname = colon === -1 ? text : text.slice(0, colon);
  const port = colon === -1 ? '' : text.slice(colon + 1);
  if (hostname === '' || (port !== '' && !/^\d{1,5}$/.test(port))) return undefined;
  return { hostname, port };
}

/** Whether a host name is this machine by definition (never a name DNS could rebind). */
export function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]') return true;
  // 127.0.0.0/8 written as a dotted quad.
  const parts = hostname.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((part) => /^\d{1,3}$/.test(part) && +part <= 255);
}

/**
 * Whether a request's Host may reach the admin API: a loopback name on any port, or the
 * configured origin's host and port (`originHost`, e.g. `mock.internal:4010`). A request with no
 * Host at all (HTTP/1.0) is not a browser's, so it passes.
 *
 * @example
 * hostAllowed('localhost:4010', '127.0.0.1:4010'); // true
 * hostAllowed('evil.example:4010', '127.0.0.1:4010'); // false
 */
export function hostAllowed(host: string | undefined, originHost: string, defaultPort = '80'): boolean {
  if (host === undefined) return true;
  const parts = splitHost(host);
  if (parts === undefined) return false;
  if (isLoopbackHostname(parts.hostname)) return true;
  return `${parts.hostname}:${parts.port === '' ? defaultPort : parts.port}` === originHost;
}

/**
 * The admin API's 403 for a Host naming neither loopback nor the origin, or undefined when the
 * Host may reach it.
 *
 * @example
 * adminHostRefusal('evil.example', '127.0.0.1:4010', 'http://127.0.0.1:4010')?.statusCode; // 403
 */
export function adminHostRefusal(
  host: string | undefined,
  originHost: string,
  origin: string,
): { statusCode: 403; error: 'Forbidden'; message: string } | undefined {
  const defaultPort = origin.startsWith('https:') ? '443' : '80';
  if (hostAllowed(host, originHost, defaultPort)) return undefined;
  return {
    statusCode: 403,
    error: 'Forbidden',
    message: `The admin API answers only a Host naming a loopback address or ${origin}; got ${JSON.stringify((host ?? '').slice(0, 100))}. Start the server with --base-url to name another`,
  };
}
