/**
 * One behaviour suite over every door (h3's `describeMatrix`): the engine asked directly, the
 * Express app through supertest, the Node door on a real port, and the MSW handlers (asked
 * through MSW's `getResponse`). A test body written once
 * runs against each. Known differences, written out rather than hidden:
 * - the engine's answer carries no transport headers (`content-length`, `date`, `connection`),
 *   so `headers` holds the API's own headers only, whatever the door;
 * - the engine door reports `delayMs` instead of waiting; the HTTP doors wait it out;
 * - the proxy door (`serve --proxy` in front of the Node door) passes the target's answers through,
 *   and answers `/__admin` from a world of its own built from the same options.
 * - wire scenarios (`connection-reset`, `empty-response`, `truncated-body`, `slow-body`,
 *   `no-response`): the engine door reports them as `answer.wire` (the status, headers and body
 *   are what would be broken off); the Node door and the Express app (the Node door inside it)
 *   break the socket itself (an RST, a close, half the body, a dribble, a held connection); the
 *   MSW door has no socket: `empty-response` and `no-response` are `HttpResponse.error()` (fetch
 *   rejects with a TypeError; `no-response` first waits for the client's signal or the bound),
 *   `connection-reset` and `truncated-body` are the head and part of the body then a body that
 *   errors (no RST/FIN is distinguishable, and no Content-Length is checked), and a client's
 *   abort after the headers does not cut a dribbling `slow-body` short. `malformed-body` is the
 *   same bytes everywhere (the engine answers it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import request from 'supertest';
import { afterAll, beforeAll, describe } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { DEFAULT_BASE_URL } from '../../src/engine/engine-options.js';
import { createHandlers } from '../../src/msw/create-handlers.js';
import { createApp, createRequestListener } from '../../src/server/create-app.js';
import { engineOptionsOf, resolveOptions, type AppOptions } from '../../src/server/options.js';
import { nodeDoor as createNodeDoor } from '../../src/server/node-door.js';
import { proxyDoor as createProxyDoor } from '../../src/proxy/proxy-door.js';

/** A request, as a test writes it. */
export interface DoorRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What any door answered: status, the API's headers (transport headers left out) and the body. */
export interface DoorResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface Door {
  send(request: DoorRequest): Promise<DoorResponse>;
  close(): Promise<void>;
}

/** Headers every HTTP door adds whatever the answer: not the API's, so not compared. */
const TRANSPORT = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

function apiHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!TRANSPORT.has(name)) out[name] = String(value);
  return out;
}

function withLength(request: DoorRequest): Record<string, string> {
  const headers = { ...request.headers };
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  return headers;
}

async function engineDoor(options: AppOptions): Promise<Door> {
  const engine = createEngine(engineOptionsOf(options));
  return {
    async send(request) {
      const headers = Object.fromEntries(Object.entries(withLength(request)).map(([k, v]) => [k.toLowerCase(), v]));
      const answer = await engine.answer({
        method: request.method ?? 'GET',
        url: request.path,
        headers: { host: '127.0.0.1:4010', ...headers },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      let text = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
      if (answer.pages !== undefined) for await (const page of answer.pages) text += page;
      if ((request.method ?? 'GET') === 'HEAD') text = '';
      return { status: answer.status, headers: apiHeaders(answer.headers), text };
    },
    close: async () => undefined,
  };
}

async function expressDoor(options: AppOptions): Promise<Door> {
  const app = createApp(options);
  return {
    async send({ method = 'GET', path, headers = {}, body }) {
      let req = request(app)[method.toLowerCase() as 'get'](path);
      for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
      const res = await (body === undefined ? req : req.send(body)).buffer(true).parse((stream, done) => {
        let text = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (text += chunk));
        stream.on('end', () => done(null, text));
      });
      // A HEAD answer has no body to parse: supertest then leaves an empty object.
      const text = typeof res.body === 'string' ? res.body : '';
      return { status: res.status, headers: apiHeaders(res.headers), text };
    },
    close: async () => undefined,
  };
}

async function nodeDoor(options: AppOptions): Promise<Door & { base: string }> {
  const server: Server = createServer(createRequestListener(options));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async send({ method = 'GET', path, headers = {}, body }) {
      const res = await fetch(`${base}${path}`, { method, headers, body });
      const out: Record<string, string> = {};
      res.headers.forEach((value, name) => (out[name] = value));
      return { status: res.status, headers: apiHeaders(out), text: await res.text() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The MSW handlers, asked through MSW's own `getResponse` (a Request in, the handlers' Response
 * out), at the HTTP doors' origin (`baseUrl`, the engine's default unless given) so that the URLs
 * in the answers are the same. No interception: a test may hold several doors of this kind at
 * once (setupServer patches the process's fetch, one at a time); test/msw drives setupServer
 * and setupWorker themselves.
 */
async function mswDoor(options: AppOptions): Promise<Door> {
  const { baseUrl = DEFAULT_BASE_URL, ...engineOptions } = engineOptionsOf(options);
  const handlers = createHandlers({ ...engineOptions, baseUrl });
  const base = new URL(baseUrl).origin;
  return {
    async send({ method = 'GET', path, headers = {}, body }) {
      const res = await getResponse(handlers, new Request(`${base}${path}`, { method, headers, body: body ?? null }));
      if (res === undefined) throw new Error(`the handlers did not answer ${method} ${path}`);
      const out: Record<string, string> = {};
      res.headers.forEach((value, name) => (out[name] = value));
      return { status: res.status, headers: apiHeaders(out), text: await res.text() };
    },
    close: async () => undefined,
  };
}

/**
 * The proxy door (`serve --proxy`) in front of the Node door: every API answer is the target's,
 * passed through unchanged. `/__admin` is the proxy's own world, built from the same options.
 */
async function proxyDoorInFront(options: AppOptions): Promise<Door> {
  const target = await nodeDoor(options);
  const { engine, door } = resolveOptions(options);
  const server: Server = createServer(
    createProxyDoor({ target: target.base, engine, admin: createNodeDoor(engine, door), log: () => undefined }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async send({ method = 'GET', path, headers = {}, body }) {
      const res = await fetch(`${proxied}${path}`, { method, headers, body });
      const out: Record<string, string> = {};
      res.headers.forEach((value, name) => (out[name] = value));
      return { status: res.status, headers: apiHeaders(out), text: await res.text() };
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await target.close();
    },
  };
}

/** Every door, by name. */
export const DOORS: Record<string, (options: AppOptions) => Promise<Door>> = {
  engine: engineDoor,
  express: expressDoor,
  node: nodeDoor,
  msw: mswDoor,
  proxy: proxyDoorInFront,
};

/**
 * Runs `body` once per door, each with a fresh mock of `options`.
 *
 * @example
 * describeDoors('formats', { now: NOW }, (door) => {
 *   it('answers', async () => expect((await door().send({ path: '/x' })).status).toBe(404));
 * });
 */
export function describeDoors(title: string, options: AppOptions, body: (door: () => Door, name: string) => void) {
  for (const [name, make] of Object.entries(DOORS)) {
    describe(`${title} (${name})`, () => {
      let door: Door | undefined;
      beforeAll(async () => {
        door = await make(options);
      });
      afterAll(async () => door?.close());
      body(() => door as Door, name);
    });
  }
}
