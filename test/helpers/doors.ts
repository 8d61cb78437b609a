/**
 * One behaviour suite over every door (h3's `describeMatrix`): the engine asked directly, the
 * Express app through supertest, the Node door on a real port, the MSW handlers (asked through
 * MSW's `getResponse`) and the proxy door in front of a Node door. A test body written once
 * runs against each; a new door (MSW, replay, ...) is one more entry in DOORS: a factory that
 * takes the mock's options and gives `send` and `close`.
 *
 * Known differences, written out rather than hidden:
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
 * - the engine's answer carries no transport headers (`content-length`, `date`, `connection`),
 *   so `headers` holds the API's own headers only, whatever the door;
 * - the engine door does not wait out a delay (added latency, the `slow` account): it journals
 *   the exchange with the delay added to its duration, as a door that waited would, and answers
 *   at once; the HTTP doors wait it out;
 * - a stream broken off after a later page failed reads as `complete: false` on every door:
 *   the engine's page iterator throws, the HTTP doors see the connection cut;
 * - the engine knows no process: the engine door passes the health answer's `rssBytes` and `pid`
 *   as the Node door does;
 * - the engine door plays the part of a door for the journal (it records each exchange whose
 *   answer asks for it, as the Node door does), so the admin API reads the same on every door.
 *
 * Left to one door by nature, each in its own file:
 * - the Node door's sockets: connection and header-size limits (connection-limits), a slow
 *   reader's backpressure (stream-backpressure), concurrent walks and retries on one port
 *   (concurrency), memory bounds hammered over one port (memory-bounds), the page cache seen
 *   through one stable Host (page-cache-guards: supertest's new port per request changes it);
 * - the process: `serve` and the built binary on a real port (real-port, prototype-names,
 *   redaction, and the `serve` part of host-header, which names the address it listens on);
 * - what only a door does: response validation into the journal (validate-responses), the
 *   loopback-only admin guard (journal's last test: the socket's address), undoing a
 *   Content-Encoding (hostile-input's garbage gzip and brotli bodies run over the HTTP doors);
 * - a UTF-16 Gong body (json-nesting) goes to the engine alone: supertest rewrites a Buffer body
 *   whose type names JSON;
 * - fuzz: a property test over Express, every answer checked against the contract; the rules it
 *   meets are the engine's, which the door-run tables hold on every door.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import request from 'supertest';
import { afterAll, beforeAll, describe } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { DEFAULT_BASE_URL } from '../../src/engine/engine-options.js';
import { createHandlers } from '../../src/msw/create-handlers.js';
import { proxyDoor as createProxyDoor } from '../../src/proxy/proxy-door.js';
import { createApp, createRequestListener } from '../../src/server/create-app.js';
import { nodeDoor as createNodeDoor } from '../../src/server/node-door.js';
import { engineOptionsOf, resolveOptions, type AppOptions } from '../../src/server/options.js';

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
  /** False when the body was broken off (a stream whose later page failed). */
  complete: boolean;
}

/**
 * A running mock behind one door.
 *
 * @example
 * const door = await DOORS.node!({ now: NOW });
 * (await door.send({ path: '/__admin/health' })).status; // 200
 * await door.close();
 */
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
  // The runtime, not the engine, knows the process: a door passes what its health answer needs.
  const engine = createEngine(engineOptionsOf(options), {
    health: () => ({ rssBytes: process.memoryUsage.rss(), pid: process.pid }),
  });
  return {
    async send(request) {
      const started = performance.now();
      const time = new Date().toISOString();
      const method = request.method ?? 'GET';
      const headers = Object.fromEntries(Object.entries(withLength(request)).map(([k, v]) => [k.toLowerCase(), v]));
      const answer = await engine.answer({
        method,
        url: request.path,
        headers: { host: '127.0.0.1:4010', ...headers },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      let text = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
      let complete = true;
      try {
        if (answer.pages !== undefined) for await (const page of answer.pages) text += page;
      } catch {
        complete = false;
      }
      if (method === 'HEAD') text = '';
      // As a door that waited out the delay would, so the journal reads the same on every door.
      const durationMs = performance.now() - started + answer.delayMs;
      if (answer.journal !== undefined)
        await engine.record({
          method,
          url: request.path,
          status: answer.status,
          scenario: answer.journal.scenario,
          time,
          durationMs: Math.round(durationMs * 100) / 100,
          answer,
        });
      return { status: answer.status, headers: apiHeaders(answer.headers), text, complete };
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
      let complete = true;
      const res = await (body === undefined ? req : req.send(body)).buffer(true).parse((stream, done) => {
        let text = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (text += chunk));
        stream.on('end', () => done(null, text));
        // A body broken off (a stream whose later page failed): what came, and that it ended early.
        stream.on('error', () => {
          complete = false;
          done(null, text);
        });
      });
      // A HEAD answer has no body to parse: supertest then leaves an empty object.
      const text = typeof res.body === 'string' ? res.body : '';
      return { status: res.status, headers: apiHeaders(res.headers), text, complete };
    },
    close: async () => undefined,
  };
}

async function nodeDoor(options: AppOptions): Promise<Door & { base: string }> {
  const server: Server = createServer(createRequestListener(options));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    // node:http, not fetch: a test may send any Host, and a cut-off body is seen as such.
    send: (request) =>
      new Promise<DoorResponse>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: request.method ?? 'GET',
            path: request.path,
            headers: withLength(request),
          },
          (res) => {
            let text = '';
            let complete = true;
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('aborted', () => (complete = false));
            res.on('error', () => (complete = false));
            res.on('close', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: apiHeaders(res.headers),
                text,
                complete: complete && res.complete,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(request.body);
      }),
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
      return { status: res.status, headers: apiHeaders(out), text: await res.text(), complete: true };
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
      return { status: res.status, headers: apiHeaders(out), text: await res.text(), complete: true };
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

const ALL_DOORS: Record<string, (options: AppOptions) => Promise<Door>> = {
  engine: engineDoor,
  express: expressDoor,
  node: nodeDoor,
  msw: mswDoor,
  proxy: proxyDoorInFront,
};

/**
 * Every door, by name: a new door is one more entry above. `INTERACTIONS_KIT_TEST_DOORS=engine`
 * (a comma-separated list) runs the suite over the doors named only: mutation testing changes
 * the engine, which every door answers from alike, so there the engine door is enough.
 */
export const DOORS: Record<string, (options: AppOptions) => Promise<Door>> = Object.fromEntries(
  Object.entries(ALL_DOORS).filter(
    ([name]) => process.env.INTERACTIONS_KIT_TEST_DOORS?.split(',').includes(name) ?? true,
  ),
);

let onlyThese: readonly string[] | undefined;

/**
 * Runs this test file's door suites over the doors named only (each file has its own copy of
 * this module); `why` says, at the call, what the other doors cannot show.
 *
 * @example
 * onlyDoors(['engine', 'express', 'node'], 'a foreign Host: fetch, under the MSW door, cannot send one');
 */
export function onlyDoors(names: readonly string[], why: string): void {
  if (why.trim() === '') throw new Error('onlyDoors: say why the other doors are left out');
  onlyThese = names;
}

/**
 * The names of the doors this test file runs over.
 *
 * @example
 * for (const name of doorNames()) await withDoor(name, { now: NOW }, use);
 */
export function doorNames(): string[] {
  return doorsOfThisFile().map(([name]) => name);
}

function doorsOfThisFile(): [string, (options: AppOptions) => Promise<Door>][] {
  return Object.entries(DOORS).filter(([name]) => onlyThese === undefined || onlyThese.includes(name));
}

/**
 * Runs `body` once per door, each with a fresh mock of `options`.
 *
 * @example
 * describeDoors('formats', { now: NOW }, (door) => {
 *   it('answers', async () => expect((await door().send({ path: '/x' })).status).toBe(404));
 * });
 */
export function describeDoors(title: string, options: AppOptions, body: (door: () => Door, name: string) => void) {
  for (const [name, make] of doorsOfThisFile()) {
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

/**
 * Sends `requests` in order to a fresh mock of `options` behind every door and returns each
 * door's answers, by door name: a test then holds every door's to the engine's, byte for byte.
 *
 * @example
 * const answers = await answersOfEveryDoor({ now: NOW }, [{ path: '/__admin/health' }]);
 * expect(answers.node).toEqual(answers.engine);
 */
export async function answersOfEveryDoor(
  options: AppOptions,
  requests: readonly DoorRequest[],
): Promise<Record<string, DoorResponse[]>> {
  const answers: Record<string, DoorResponse[]> = {};
  for (const [name, make] of doorsOfThisFile()) {
    const door = await make(options);
    try {
      const list: DoorResponse[] = [];
      for (const request of requests) list.push(await door.send(request));
      answers[name] = list;
    } finally {
      await door.close();
    }
  }
  return answers;
}
