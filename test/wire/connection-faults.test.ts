/**
 * The wire scenarios over real sockets: for each, what Node's fetch (undici), node:http and a raw
 * TCP socket see is the failure a real outage produces (the error class or code asserted), the
 * same on every run, on the unified endpoint and on Gong's; the next request is answered normally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { connections, fetchSees, httpSees, listen, rawSees, splitRaw, type Seen } from '../helpers/wire-clients.js';

let mock: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  mock = await listen({ now: NOW });
});
afterAll(() => mock.close());

const BASIC = { Authorization: 'Basic a2V5OnNlY3JldA==' };
const unified = (scenario: string, extra: Record<string, string> = {}) =>
  unifiedUrl(october({ limit: '20', __scenario: scenario, ...extra }));
const gongUsers = (scenario: string) => `/gong/${ACCOUNT}/v2/users?__scenario=${encodeURIComponent(scenario)}`;
const rawHead = (path: string, headers: Record<string, string>) =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;

/** The normal answer of a path, for comparing bytes. */
async function normalText(path: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${mock.base}${path}`, { headers });
  expect(response.status).toBe(200);
  return response.text();
}

/** The next request after a fault is answered normally, on a fresh connection and a pooled one. */
async function expectHealthy(): Promise<void> {
  const response = await fetch(`${mock.base}${unifiedUrl(october({ limit: '2' }))}`, { headers: AUTH });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { result: unknown[] }).result).toHaveLength(2);
  const viaHttp = await httpSees(`${mock.base}${unifiedUrl(october({ limit: '2' }))}`, AUTH);
  expect(viaHttp.status).toBe(200);
}

const SIDES = [
  ['unified', (scenario: string) => unified(scenario), AUTH],
  ['Gong users', gongUsers, BASIC],
] as const;

describe.each(SIDES)('wire scenarios on %s', (_side, pathOf, headers) => {
  it('connection-reset: headers and part of the body, then an RST', async () => {
    const path = pathOf('connection-reset');
    const viaFetch = await fetchSees(`${mock.base}${path}`, headers);
    expect(viaFetch.status).toBe(200);
    // A reset, not a close: undici's cause is the socket's ECONNRESET (a close is UND_ERR_SOCKET).
    expect(viaFetch.error).toEqual({ name: 'TypeError', code: 'ECONNRESET', message: 'terminated' });
    const viaHttp = await httpSees(`${mock.base}${path}`, headers);
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.error).toMatchObject({ name: 'Error', code: 'ECONNRESET' });
    const raw = await rawSees(mock.port, rawHead(path, headers));
    expect(raw.ending).toBe('ECONNRESET');
    const { status, headers: sent, body } = splitRaw(raw.received);
    expect(status).toBe(200);
    expect(body.length).toBeGreaterThan(0);
    expect(body.length).toBeLessThan(Number(sent['content-length']));
    await expectHealthy();
  });

  it('empty-response: the connection closes with no bytes', async () => {
    const path = pathOf('empty-response');
    const viaFetch = await fetchSees(`${mock.base}${path}`, headers);
    expect(viaFetch.status).toBeUndefined();
    expect(viaFetch.error).toEqual({ name: 'TypeError', code: 'UND_ERR_SOCKET', message: 'fetch failed' });
    const viaHttp = await httpSees(`${mock.base}${path}`, headers);
    expect(viaHttp.status).toBeUndefined();
    expect(viaHttp.error).toEqual({ name: 'Error', code: 'ECONNRESET', message: 'socket hang up' });
    const raw = await rawSees(mock.port, rawHead(path, headers));
    expect(raw).toEqual({ received: Buffer.alloc(0), reads: 0, ending: 'end' });
    await expectHealthy();
  });

  it('truncated-body: fewer bytes than Content-Length, then a close (FIN, not RST)', async () => {
    const path = pathOf('truncated-body');
    const whole = await normalText(pathOf('').replace(/[?&]__scenario=$/, ''), headers);
    const viaFetch = await fetchSees(`${mock.base}${path}`, headers);
    expect(viaFetch.status).toBe(200);
    expect(viaFetch.error).toEqual({ name: 'TypeError', code: 'UND_ERR_SOCKET', message: 'terminated' });
    const viaHttp = await httpSees(`${mock.base}${path}`, headers);
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.error).toEqual({ name: 'Error', code: 'ECONNRESET', message: 'aborted' });
    const raw = await rawSees(mock.port, rawHead(path, headers));
    expect(raw.ending).toBe('end');
    const { headers: sent, body } = splitRaw(raw.received);
    expect(Number(sent['content-length'])).toBe(Buffer.byteLength(whole));
    expect(body.length).toBe(Math.floor(Buffer.byteLength(whole) / 2));
    expect(body.toString()).toBe(Buffer.from(whole).subarray(0, body.length).toString());
    await expectHealthy();
  });

  it('malformed-body: 200 application/json, a body that is not JSON', async () => {
    const path = pathOf('malformed-body');
    const response = await fetch(`${mock.base}${path}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    await expect(response.json()).rejects.toThrow(SyntaxError);
    const viaHttp = await httpSees(`${mock.base}${path}`, headers);
    expect(viaHttp.error).toBeUndefined();
    expect(() => JSON.parse(viaHttp.text)).toThrow(SyntaxError);
    const raw = await rawSees(mock.port, rawHead(path, { ...headers, Connection: 'close' }));
    const { status, headers: sent, body } = splitRaw(raw.received);
    expect(status).toBe(200);
    expect(Number(sent['content-length'])).toBe(body.length);
    expect(body.toString()).toBe(viaHttp.text);
    await expectHealthy();
  });

  it('slow-body: the real body in pieces over its duration; a client with a shorter timeout gives up', async () => {
    const path = pathOf('slow-body;duration=1000');
    const whole = await normalText(pathOf('').replace(/[?&]__scenario=$/, ''), headers);
    const viaFetch = await fetchSees(`${mock.base}${path}`, headers, 200);
    expect(viaFetch.status).toBe(200);
    expect(viaFetch.error).toMatchObject({ name: 'TimeoutError' });
    const patient = await fetchSees(`${mock.base}${path}`, headers);
    expect(patient).toEqual({ status: 200, bytes: Buffer.byteLength(whole), text: whole });
    const raw = await rawSees(mock.port, rawHead(path, { ...headers, Connection: 'close' }));
    const { status, body } = splitRaw(raw.received);
    expect(status).toBe(200);
    expect(body.toString()).toBe(whole);
    // Ten pieces a tenth of the duration apart: each its own read.
    expect(raw.reads).toBeGreaterThanOrEqual(5);
    await expectHealthy();
  });

  it('no-response: headers never come; a client that gives up frees the connection, the bound closes it', async () => {
    const viaFetch = await fetchSees(`${mock.base}${pathOf('no-response')}`, headers, 200);
    expect(viaFetch.status).toBeUndefined();
    expect(viaFetch.error).toMatchObject({ name: 'TimeoutError' });
    const viaHttp = await httpSees(`${mock.base}${pathOf('no-response')}`, headers, 200);
    expect(viaHttp.status).toBeUndefined();
    expect(viaHttp.error).toEqual({ name: 'Error', code: 'ECONNRESET', message: 'socket hang up' });
    // The bound: closed with no bytes once `duration` passes, well before the client's patience.
    const started = performance.now();
    const raw = await rawSees(mock.port, rawHead(pathOf('no-response;duration=300'), headers), 10_000);
    expect(raw).toEqual({ received: Buffer.alloc(0), reads: 0, ending: 'end' });
    expect(performance.now() - started).toBeLessThan(300 + 5000);
    await expectHealthy();
  });
});

describe('wire scenarios on a stream', () => {
  const stream = (scenario: string) => unified(scenario, { truto_response_format: 'stream' });

  it('truncated-body: a chunked body cut off without its last chunk', async () => {
    const viaFetch = await fetchSees(`${mock.base}${stream('truncated-body')}`, AUTH);
    expect(viaFetch.status).toBe(200);
    expect(viaFetch.error).toEqual({ name: 'TypeError', code: 'UND_ERR_SOCKET', message: 'terminated' });
    const raw = await rawSees(mock.port, rawHead(stream('truncated-body'), AUTH));
    expect(raw.ending).toBe('end');
    const { headers, body } = splitRaw(raw.received);
    expect(headers['transfer-encoding']).toBe('chunked');
    expect(body.length).toBeGreaterThan(0);
    expect(body.toString().endsWith('0\r\n\r\n')).toBe(false);
  });

  it('connection-reset: the first page, then an RST', async () => {
    const raw = await rawSees(mock.port, rawHead(stream('connection-reset'), AUTH));
    expect(raw.ending).toBe('ECONNRESET');
    expect(splitRaw(raw.received).body.length).toBeGreaterThan(0);
    const viaHttp = await httpSees(`${mock.base}${stream('connection-reset')}`, AUTH);
    expect(viaHttp.error).toMatchObject({ name: 'Error', code: 'ECONNRESET' });
    const viaFetch = await fetchSees(`${mock.base}${stream('connection-reset')}`, AUTH);
    expect(viaFetch.error).toEqual({ name: 'TypeError', code: 'ECONNRESET', message: 'terminated' });
  });

  it('slow-body: every line, dribbled', async () => {
    const whole = await normalText(unifiedUrl(october({ limit: '20', truto_response_format: 'stream' })), AUTH);
    const seen: Seen = await fetchSees(`${mock.base}${stream('slow-body;duration=500')}`, AUTH);
    expect(seen.text).toBe(whole);
  });
});

describe('asking for a wire scenario', () => {
  it('Prefer carries its duration as a parameter; a bad one is a 400 naming it', async () => {
    const viaPrefer = await fetchSees(
      `${mock.base}${unifiedUrl(october({ limit: '2' }))}`,
      {
        ...AUTH,
        Prefer: 'scenario=no-response; duration=300',
      },
      5000,
    );
    expect(viaPrefer.error).toMatchObject({ name: 'TypeError', code: 'UND_ERR_SOCKET' });
    const bad = await fetch(`${mock.base}${unifiedUrl(october())}`, {
      headers: { ...AUTH, Prefer: 'scenario=slow-body; duration=soon' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe(
      'scenario slow-body: duration: must be whole milliseconds from 0 to 600000, got "soon"',
    );
  });

  it('leaves no connection behind on the server', async () => {
    await fetchSees(`${mock.base}${unified('no-response')}`, AUTH, 100);
    await httpSees(`${mock.base}${unified('empty-response')}`, AUTH);
    for (let i = 0; i < 50 && (await connections(mock.server)) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await connections(mock.server)).toBeLessThanOrEqual(1);
  });
});
