/**
 * Three clients of a real socket, each reporting what it saw as plain data, so a test can say
 * what a client meets on a bad day: Node's fetch (undici), node:http, and a raw TCP socket.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { createRequestListener } from '../../src/server/create-app.js';
import type { AppOptions } from '../../src/server/options.js';

/** What a client saw: the status if headers came, the body bytes read, and how it ended. */
export interface Seen {
  status: number | undefined;
  bytes: number;
  text: string;
  /** The error's class name and code (or its cause's), when the exchange failed. */
  error?: { name: string; code: string | undefined; message: string };
}

function describeError(error: unknown): NonNullable<Seen['error']> {
  const e = error as { name?: string; code?: unknown; message?: string; cause?: { code?: unknown } };
  const code = e.cause?.code ?? e.code;
  return { name: e.name ?? 'Error', code: typeof code === 'string' ? code : undefined, message: e.message ?? '' };
}

/** A GET with Node's fetch; `timeoutMs` gives up as AbortSignal.timeout does. */
export async function fetchSees(url: string, headers: Record<string, string>, timeoutMs?: number): Promise<Seen> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
    });
  } catch (error) {
    return { status: undefined, bytes: 0, text: '', error: describeError(error) };
  }
  try {
    const text = await response.text();
    return { status: response.status, bytes: Buffer.byteLength(text), text };
  } catch (error) {
    return { status: response.status, bytes: 0, text: '', error: describeError(error) };
  }
}

/**
 * A GET with node:http on a connection of its own; `timeoutMs` is an idle timeout (the
 * `timeout` option) after which the client gives up by destroying the request.
 */
export function httpSees(url: string, headers: Record<string, string>, timeoutMs?: number): Promise<Seen> {
  return new Promise((resolve) => {
    let status: number | undefined;
    const chunks: Buffer[] = [];
    const done = (error?: unknown) => {
      const body = Buffer.concat(chunks);
      resolve({
        status,
        bytes: body.length,
        text: body.toString(),
        ...(error === undefined ? {} : { error: describeError(error) }),
      });
    };
    const req = httpRequest(url, { headers, agent: false, ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) });
    req.on('timeout', () => req.destroy());
    req.on('error', (error) => done(error));
    req.on('response', (res) => {
      status = res.statusCode;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => done(error));
      res.on('end', () => done());
    });
    req.end();
  });
}

/** What a raw socket saw: every byte, how many reads they came in, and how the socket ended. */
export interface RawSeen {
  received: Buffer;
  reads: number;
  /** `end` (the peer closed, FIN), an error code (`ECONNRESET`), or `gave up` (our timeout). */
  ending: string;
}

/** Writes `head` on a fresh TCP connection and reads until the peer closes or `timeoutMs` passes. */
export function rawSees(port: number, head: string, timeoutMs = 10_000): Promise<RawSeen> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    const chunks: Buffer[] = [];
    let reads = 0;
    const done = (ending: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(chunks), reads, ending });
    };
    const timer = setTimeout(() => done('gave up'), timeoutMs);
    socket.on('data', (chunk) => {
      reads++;
      chunks.push(chunk);
    });
    socket.on('end', () => done('end'));
    socket.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** A raw response split: status, lower-cased headers, body bytes. */
export function splitRaw(received: Buffer): { status: number; headers: Record<string, string>; body: Buffer } {
  const end = received.indexOf('\r\n\r\n');
  const head = received.subarray(0, end === -1 ? received.length : end).toString();
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: end === -1 ? Buffer.alloc(0) : received.subarray(end + 4),
  };
}

/** The file descriptors this process holds (Linux), or undefined where /proc is missing. */
export function openDescriptors(): number | undefined {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return undefined;
  }
}

/** The Node door on a free loopback port. */
export async function listen(
  options: AppOptions,
): Promise<{ server: Server; port: number; base: string; close(): Promise<void> }> {
  const server = createServer(createRequestListener(options));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Open connections of a server. */
export function connections(server: Server): Promise<number> {
  return new Promise((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );
}
