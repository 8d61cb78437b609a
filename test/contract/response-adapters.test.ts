/**
 * contract.validate takes the responses tests already hold: fetch `Response`s (over a real
 * loopback socket, and built by hand) and supertest responses.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError, exchangeFromFetch, exchangeFromSupertest } from '../../src/contract/index.js';
import { isFetchResponse } from '../../src/contract/response-adapters.js';
import { GONG_USERS, STREAM_EXAMPLE, UNIFIED, contract, gongUsersExample, unifiedExample } from './spec-examples.js';

/** Answers from a small table by path, the way a mock would. */
function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === UNIFIED && url.searchParams.get('truto_response_format') === 'stream') {
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    res.end(url.searchParams.has('bad') ? `${STREAM_EXAMPLE}not json\n` : STREAM_EXAMPLE);
  } else if (url.pathname === UNIFIED) {
    const body = url.searchParams.has('bad') ? { result: [{ id: 7 }], next_cursor: null } : unifiedExample('unified');
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  } else if (url.pathname === GONG_USERS) {
    res.writeHead(429, {
      'content-type': 'application/json',
      ...(url.searchParams.has('bad') ? {} : { 'retry-after': '3' }),
    });
    res.end(JSON.stringify({ requestId: 'r', errors: ['API request limit exceeded'] }));
  } else {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(gongUsersExample()));
  }
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

const rules = (diagnostics: { rule: string; pointer: string }[]) => diagnostics.map((d) => `${d.rule} ${d.pointer}`);

describe('contract.validate with fetch responses', () => {
  it.each([
    { path: UNIFIED, want: [] },
    { path: `${UNIFIED}?bad=1`, want: ['type /body/result/0/id'] },
    { path: `${UNIFIED}?truto_response_format=stream`, want: [] },
    { path: `${UNIFIED}?truto_response_format=stream&bad=1`, want: ['ndjson-line /body/1'] },
    { path: GONG_USERS, want: [] },
    { path: `${GONG_USERS}?bad=1`, want: ['header /headers/retry-after'] },
  ])('GET $path', async ({ path, want }) => {
    const response = await fetch(`${base}${path}`);
    expect(rules(await contract.validate(response, { method: 'GET' }))).toEqual(want);
  });

  it('takes the request from the options when the Response has no url', async () => {
    const response = new Response(JSON.stringify({ requestId: 'r' }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    expect(rules(await contract.validate(response, { url: GONG_USERS }))).toEqual([
      'required /body/records',
      'required /body/users',
    ]);
  });

  it('throws a ContractError when it cannot tell the request', async () => {
    await expect(contract.validate(new Response('{}'))).rejects.toThrow(ContractError);
  });
});

describe('contract.validate with supertest responses', () => {
  it.each([
    { path: UNIFIED, want: [] },
    { path: `${UNIFIED}?bad=1`, want: ['type /body/result/0/id'] },
    { path: `${UNIFIED}?truto_response_format=stream`, want: [] },
    { path: `${UNIFIED}?truto_response_format=stream&bad=1`, want: ['ndjson-line /body/1'] },
    { path: `${GONG_USERS}?bad=1`, want: ['header /headers/retry-after'] },
  ])('GET $path', async ({ path, want }) => {
    const res = await request(server).get(path);
    expect(rules(contract.validate(res))).toEqual(want);
  });

  it('reads method and path (with its query) from the request', async () => {
    const res = await request(server).get(`${UNIFIED}?truto_response_format=stream`);
    expect(exchangeFromSupertest(res)).toMatchObject({
      method: 'GET',
      path: `${UNIFIED}?truto_response_format=stream`,
      status: 200,
    });
  });

  it('judges a POST by the POST operation', async () => {
    const res = await request(server).post(`${GONG_USERS}/x`).send({});
    expect(rules(contract.validate(res))).toEqual(['path-documented /path']);
  });
});

describe('the exchange of a response, field by field', () => {
  const fetched = (url: string) => ({
    status: 201,
    url,
    headers: new Headers({ 'x-a': '1' }),
    text: async () => 'the body',
  });

  it('reads a fetch Response: GET and its url by default, the request’s when given', async () => {
    const response = fetched('http://h/p?q=1');
    expect(await exchangeFromFetch(response)).toEqual({
      method: 'GET',
      path: 'http://h/p?q=1',
      status: 201,
      headers: response.headers,
      body: 'the body',
    });
    expect(await exchangeFromFetch(response, { method: 'POST', url: '/other', query: 'a=1' })).toEqual({
      method: 'POST',
      path: '/other',
      query: 'a=1',
      status: 201,
      headers: response.headers,
      body: 'the body',
    });
    expect(await exchangeFromFetch(fetched(''), { url: '/given' })).toMatchObject({ path: '/given' });
  });

  it('says why a fetch Response without url cannot be read', async () => {
    await expect(exchangeFromFetch(fetched(''))).rejects.toThrow(
      '[interactions-kit contract] this Response has no url (built by hand?); pass { url } with the request it answers',
    );
  });

  it('reads a supertest response: its request’s method and path, its text before its parsed body', () => {
    const headers = { 'content-type': 'application/json' };
    expect(
      exchangeFromSupertest({
        status: 200,
        headers,
        text: '{}',
        body: { a: 1 },
        req: { method: 'HEAD', path: '/p?x=1' },
      }),
    ).toEqual({
      method: 'HEAD',
      path: '/p?x=1',
      status: 200,
      headers,
      body: '{}',
    });
    expect(exchangeFromSupertest({ status: 200, headers, body: [{ a: 1 }], req: { path: '/p' } })).toEqual({
      method: 'GET',
      path: '/p',
      status: 200,
      headers,
      body: [{ a: 1 }],
    });
    expect(
      exchangeFromSupertest(
        { status: 200, headers, text: '', req: { method: 'GET', path: '/p' } },
        { method: 'POST', url: '/q', query: { a: '1' } },
      ),
    ).toEqual({ method: 'POST', path: '/q', query: { a: '1' }, status: 200, headers, body: '' });
  });

  it('adds no query key the request did not give, and needs no req when the request names the url', async () => {
    const headers = { 'content-type': 'application/json' };
    expect(await exchangeFromFetch(fetched('http://h/p'))).not.toHaveProperty('query');
    const exchange = exchangeFromSupertest({ status: 200, headers, text: '{}' }, { url: '/given' });
    expect(exchange).toEqual({ method: 'GET', path: '/given', status: 200, headers, body: '{}' });
    expect(exchange).not.toHaveProperty('query');
  });

  it('says why a supertest response without its request cannot be read', () => {
    expect(() => exchangeFromSupertest({ status: 200, headers: {} })).toThrow(
      '[interactions-kit contract] this response does not say which request it answers; pass { url, method }',
    );
    expect(() => exchangeFromSupertest({ status: 200, headers: {}, req: { method: 'GET' } })).toThrow(ContractError);
  });
});

describe('isFetchResponse', () => {
  it.each([
    { given: new Response(''), want: true },
    { given: { text: (): string => '' }, want: true },
    { given: { text: 'x' }, want: false },
    { given: null, want: false },
    { given: undefined, want: false },
    { given: 'text', want: false },
  ])('$given is $want', ({ given, want }) => {
    expect(isFetchResponse(given)).toBe(want);
  });
});
