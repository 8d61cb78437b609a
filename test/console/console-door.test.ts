/**
 * The console's server side, request in and response out: its pages at `/` and
 * /__admin/console with a strict Content-Security-Policy, its files from the package (Swagger
 * UI included) and nothing else, the admin API's loopback rule and Host check, and the
 * journal's event stream.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { slashRedirect } from '../../src/console/console-paths.js';
import { createApp, createRequestListener } from '../../src/server/create-app.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const app = createApp({ seed: 42, now: NOW });

describe('the console’s pages and files', () => {
  it.each(['/', '/__admin/console/', '/?from=banner'])(
    'GET %s is the console’s page, under a policy that allows no inline script and no other origin',
    async (path) => {
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<title>interactions-kit console</title>');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('GET /__admin/console (no slash) goes to /__admin/console/, where the page’s relative URLs resolve', async () => {
    const res = await request(app).get('/__admin/console?from=x');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('./console/?from=x');
    expect(new URL(String(res.headers.location), 'http://127.0.0.1/__admin/console?from=x').pathname).toBe(
      '/__admin/console/',
    );
  });

  it('its pages carry no inline script, style attribute or event handler, and name no other origin nor any absolute path', () => {
    const dir = new URL('../../src/console/web/', import.meta.url);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.html'))) {
      const html = readFileSync(new URL(name, dir), 'utf8');
      for (const script of html.match(/<script[^>]*>/g) ?? [])
        expect(script, name).toMatch(/ src="(?:assets|swagger-ui)\//);
      expect(html, name).not.toMatch(/ style=| on[a-z]+=|https?:\/\/| (?:src|href)="\//);
    }
  });

  it('serves its scripts, Swagger UI and the OpenAPI document from the package', async () => {
    const main = await request(app).get('/__admin/console/assets/main.js');
    expect(main.status).toBe(200);
    expect(main.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const bundle = await request(app).get('/__admin/console/swagger-ui/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.text).toContain('SwaggerUIBundle');
    expect((await request(app).get('/__admin/console/swagger-ui/swagger-ui.css')).status).toBe(200);
    const spec = await request(app).get('/__admin/console/openapi.json');
    expect(spec.body.paths).toHaveProperty(['/unified/conversational-intelligence/interactions']);
    expect((await request(app).get('/__admin/console/reference')).text).toContain('swagger-ui-bundle.js');
  });

  it.each([
    '/__admin/console/assets/..%2f..%2f..%2fpackage.json',
    '/__admin/console/assets/../console-door.ts',
    '/__admin/console/assets/Main.js',
    '/__admin/console/swagger-ui/index.html',
    '/__admin/console/swagger-ui/swagger-ui-bundle.js.map',
    '/__admin/console/nothing',
  ])('names no other file: GET %s is a 404 in the admin API’s shape', async (path) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.stringContaining('No console route'),
    });
  });

  it('HEAD of the event stream answers its headers and ends, as a HEAD should', async () => {
    const res = await request(app).head('/__admin/console/events');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  });

  it('only reads: POST / is still the APIs’ 404, POST /__admin/console a 405', async () => {
    const root = await request(app).post('/');
    expect(root.status).toBe(404);
    expect(root.text).not.toContain('<html');
    const console = await request(app).post('/__admin/console');
    expect(console.status).toBe(405);
    expect(console.headers.allow).toBe('GET, HEAD');
  });

  it('the Start page’s facts: version, seed, clock and settings, never a token', async () => {
    const res = await request(createApp({ seed: 7, now: NOW, tokens: ['s3cret-token'], faultRate: 0.1 })).get(
      '/__admin/console/info',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'interactions-kit',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      seed: 7,
      now: '2026-11-24T00:00:00.000Z',
      world: { source: 'the embedded default world', accounts: expect.any(Number) },
      settings: { faultRate: 0.1, tokens: '1 configured', validateResponses: false },
    });
    expect(res.text).not.toContain('s3cret-token');
  });
});

describe('under a parent app’s mount point', () => {
  const parent = express();
  parent.use('/mock', createApp({ seed: 42, now: NOW }));

  /** The URLs a page names in src and href (not its # links), resolved against the page's. */
  function assetsOf(html: string, page: string): string[] {
    return [...html.matchAll(/ (?:src|href)="([^"#][^"]*)"/g)].map((match) => {
      const url = new URL(match[1] as string, `http://127.0.0.1${page}`);
      return `${url.pathname}${url.search}`;
    });
  }

  it.each([
    ['/', '/mock', './mock/'],
    ['/?from=banner', '/a/mock?from=banner', './mock/?from=banner'],
    ['/__admin/console', '/mock/__admin/console', './console/'],
    ['/', '/mock/', undefined],
    ['/', '/', undefined],
    ['/__admin/console/events', '/mock/__admin/console/events', undefined],
    ['/unified', '/mock/unified', undefined],
    // A backslash reads as a slash in a browser: `\\evil.example/` would name another host.
    ['/', '/\\evil.example', undefined],
  ])('the home page asked for as %s (the browser asked for %s) goes to %s', (url, seen, location) => {
    expect(slashRedirect(url, seen)).toBe(location);
  });

  it('GET /mock goes to /mock/, the console’s home there', async () => {
    const res = await request(parent).get('/mock');
    expect(res.status).toBe(302);
    expect(new URL(String(res.headers.location), 'http://127.0.0.1/mock').pathname).toBe('/mock/');
  });

  it.each(['/mock/', '/mock/__admin/console/', '/mock/__admin/console/reference'])(
    'every file %s names is served below the mount point',
    async (page) => {
      const res = await request(parent).get(page);
      expect(res.status).toBe(200);
      const assets = assetsOf(res.text, page);
      expect(assets.length).toBeGreaterThan(2);
      for (const asset of assets) {
        expect(asset.startsWith('/mock/__admin/console/'), asset).toBe(true);
        const got = await request(parent).get(asset);
        expect(got.status, asset).toBe(200);
        expect(got.headers['content-type'], asset).toMatch(/^(?:text\/(?:html|css|javascript)|image\/png)/);
      }
    },
  );

  it('the scripts reach the mock through the URL they were loaded from, never an absolute path', () => {
    const dir = new URL('../../src/console/web/', import.meta.url);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.js'))) {
      const script = readFileSync(new URL(name, dir), 'utf8');
      // fetch and EventSource take mockUrl(...) or a URL built on MOCK_BASE; location names the page only.
      expect(script, name).not.toMatch(/(?:fetch|EventSource)\((?:'|`)\/|location\.(?:origin|pathname|host)/);
    }
  });

  it('the console’s own routes answer there too: its facts, its event stream, the OpenAPI document', async () => {
    expect((await request(parent).get('/mock/__admin/console/info')).body.seed).toBe(42);
    expect((await request(parent).head('/mock/__admin/console/events')).status).toBe(200);
    expect((await request(parent).get('/mock/__admin/console/openapi.json')).body.openapi).toMatch(/^3\./);
  });
});

describe('who may open the console', () => {
  const fromAfar = (inner: express.Express) => {
    // The socket's address is all the guard reads.
    const outer = express();
    outer.use((req, _res, next) => {
      Object.defineProperty(req.socket, 'remoteAddress', { value: '203.0.113.9', configurable: true });
      next();
    });
    outer.use(inner);
    return outer;
  };

  it.each(['/', '/__admin/console/', '/__admin/console/events'])(
    'GET %s from another machine is refused, unless adminFromAnywhere',
    async (path) => {
      const refused = await request(fromAfar(createApp())).get(path);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/only on loopback/);
      if (path !== '/__admin/console/events') {
        const open = await request(fromAfar(createApp({ adminFromAnywhere: true }))).get(path);
        expect(open.status).toBe(200);
      }
    },
  );

  it('a page whose Host names another site (a rebound name) is refused', async () => {
    const res = await request(app).get('/').set('Host', 'evil.example:4010');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('<html');
  });
});

describe('the journal as server-sent events', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeAllConnections();
    });
    server = undefined;
  });

  async function listen(): Promise<string> {
    server = createServer(createRequestListener({ seed: 42, now: NOW }));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Reads events from the stream until `count` have come. */
  function events(url: string, count: number, headers: Record<string, string> = {}) {
    let response: IncomingMessage | undefined;
    const done = new Promise<{ id: number; entry: { id: number; path: string; query: string } }[]>(
      (resolve, reject) => {
        get(url, { headers }, (res) => {
          response = res;
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            const found = [...text.matchAll(/id: (\d+)\nevent: request\ndata: (.*)\n\n/g)].map((match) => ({
              id: Number(match[1]),
              entry: JSON.parse(match[2] as string),
            }));
            if (found.length >= count) {
              res.destroy();
              resolve(found);
            }
          });
        }).on('error', reject);
      },
    );
    return { done, close: () => response?.destroy() };
  }

  it('sends the entries already kept, then each new one as it is recorded, once each', async () => {
    const origin = await listen();
    const call = (limit: string) => fetch(`${origin}${unifiedUrl(october({ limit }))}`, { headers: AUTH });
    await (await call('1')).text();
    const stream = events(`${origin}/__admin/console/events`, 3);
    // The stream is open and has caught up once the first entry arrives; a second client tells us.
    await events(`${origin}/__admin/console/events`, 1).done;
    await (await call('2')).text();
    await (await call('3')).text();
    const got = await stream.done;
    expect(got.map((event) => event.id)).toEqual([1, 2, 3]);
    expect(got.map((event) => event.entry.query)).toEqual([
      expect.stringContaining('limit=1'),
      expect.stringContaining('limit=2'),
      expect.stringContaining('limit=3'),
    ]);
  });

  it('starts after the entry a client names (?after= or Last-Event-ID when it reconnects)', async () => {
    const origin = await listen();
    for (const limit of ['1', '2', '3'])
      await (await fetch(`${origin}${unifiedUrl(october({ limit }))}`, { headers: AUTH })).text();
    expect((await events(`${origin}/__admin/console/events?after=2`, 1).done).map((e) => e.id)).toEqual([3]);
    const resumed = await events(`${origin}/__admin/console/events`, 1, { 'last-event-id': '1' }).done;
    expect(resumed[0]?.id).toBe(2);
  });

  it('redacts secrets as the journal API does', async () => {
    const origin = await listen();
    await (await fetch(`${origin}${unifiedUrl(october({ access_token: 'hunter2' }))}`, { headers: AUTH })).text();
    const [event] = await events(`${origin}/__admin/console/events`, 1).done;
    const listed = (await (await fetch(`${origin}/__admin/requests`)).json()) as { requests: unknown[] };
    expect(event?.entry).toEqual(listed.requests[0]);
    expect(event?.entry.query).toContain('access_token=[REDACTED]');
    expect(JSON.stringify(event)).not.toContain('hunter2');
  });
});
