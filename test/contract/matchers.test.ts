/**
 * `expect(response).toMatchContract()`: registered with vitest by src/contract/vitest.ts, and
 * the same neutral matcher through the jest adapter with a fake `expect` and matcher context.
 * Supertest responses are checked at once; fetch Responses asynchronously.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/contract/vitest.js';
import { ContractError } from '../../src/contract/contract-error.js';
import { registerJestMatchers, type JestExpectLike } from '../../src/contract/jest.js';
import type { ContractMatcher, MatcherResult } from '../../src/contract/matchers.js';
import { requestListener } from '../../src/server/create-app.js';
import { AUTH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const URL_OCTOBER = unifiedUrl(october({ limit: '2' }));
const RECORD = { id: 'r1', user: { id: 'u1', emails: [{ email: 'a@example.com', is_primary: true }] } };
const JSON_HEADERS = { 'content-type': 'application/json' };

/** A target answering `body` to everything, for responses that break the contract. */
function answering(status: number, body: unknown) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, JSON_HEADERS);
    res.end(JSON.stringify(body));
  };
}
const wrongType = answering(200, { result: [{ ...RECORD, user: { id: 42 } }], next_cursor: null });

describe('toMatchContract with vitest, on supertest responses', () => {
  it('passes a response that honours the contract', async () => {
    const res = await request(mockApp()).get(URL_OCTOBER).set(AUTH);
    expect(res).toMatchContract();
    expect(() => expect(res).not.toMatchContract()).toThrow(/to break the contract, but it honours openapi\.yaml/);
  });

  it('fails with pointer, rule and offending value', async () => {
    const res = await request(wrongType).get(URL_OCTOBER).set(AUTH);
    expect(() => expect(res).toMatchContract()).toThrow(
      `expected GET ${URL_OCTOBER} → 200 to honour the contract (openapi.yaml)\n\n1 contract violation:\n  /body/result/0/user/id [type] must be string (got 42)`,
    );
    expect(res).not.toMatchContract();
  });

  it('judges the bytes sent (res.text), not superagent’s parse of them (res.body)', async () => {
    const res = await request(mockApp()).get(URL_OCTOBER).set(AUTH);
    // A body that honours the contract cannot hide bytes that break it.
    const sentWrong = { ...res, text: JSON.stringify({ result: 'nope', next_cursor: null }), body: res.body };
    expect(() => expect(sentWrong).toMatchContract()).toThrow(/\/body\/result \[type\]/);
  });

  it('names an undocumented status and a wrong content type', async () => {
    const teapot = await request(answering(418, {})).get(URL_OCTOBER);
    expect(() => expect(teapot).toMatchContract()).toThrow(
      /\/status \[status-documented\] status 418 is not documented .*\(got 418\)/,
    );
    const html = await request((_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>hi</p>');
    }).get(URL_OCTOBER);
    expect(() => expect(html).toMatchContract()).toThrow(
      /\/headers\/content-type \[content-type\] text\/html is not documented/,
    );
  });
});

describe('toMatchContract with vitest, on fetch Responses', () => {
  const server = createServer(requestListener(mockApp()));
  let base: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );

  it('passes a real answer and leaves its body readable', async () => {
    const response = await fetch(`${base}${URL_OCTOBER}`, { headers: AUTH });
    await expect(response).toMatchContract();
    expect(((await response.json()) as { result: unknown[] }).result).toHaveLength(2);
  });

  it('fails a Response built by hand, given the request it answers', async () => {
    const response = new Response(JSON.stringify({ result: [{ user: RECORD.user }], next_cursor: 7 }), {
      headers: JSON_HEADERS,
    });
    await expect(expect(response).toMatchContract({ url: URL_OCTOBER })).rejects.toThrow(
      /2 contract violations:\n {2}\/body\/result\/0\/id \[required\] required property "id" is missing\n {2}\/body\/next_cursor \[type\] must be string,null \(got 7\)/,
    );
    await expect(
      new Response(JSON.stringify({ result: [RECORD], next_cursor: null }), { headers: JSON_HEADERS }),
    ).toMatchContract({
      url: URL_OCTOBER,
    });
  });

  it('throws for a misuse instead of passing or failing', async () => {
    const used = new Response('{}', { headers: JSON_HEADERS });
    await used.text();
    expect(() => expect(used).toMatchContract({ url: URL_OCTOBER })).toThrow(ContractError);
    expect(() => expect(used).not.toMatchContract({ url: URL_OCTOBER })).toThrow(/body was already read/);
    expect(() => expect(42).toMatchContract()).toThrow(/expects a fetch Response or a supertest response, got number/);
    await expect(expect(new Response('{}')).toMatchContract()).rejects.toThrow(/has no url/);
  });
});

describe('toMatchContract through the jest adapter', () => {
  let matcher: ContractMatcher;
  beforeAll(() => {
    const fakeExpect: JestExpectLike = { extend: (matchers) => void (matcher = matchers.toMatchContract!) };
    registerJestMatchers(fakeExpect);
  });

  it('registers a matcher that answers pass and a message, as jest expects', async () => {
    const good = await request(mockApp()).get(URL_OCTOBER).set(AUTH);
    const passed = matcher.call({ isNot: false }, good) as MatcherResult;
    expect(passed.pass).toBe(true);
    expect(passed.message()).toBe(
      `expected GET ${URL_OCTOBER} → 200 to break the contract, but it honours openapi.yaml`,
    );

    const bad = await request(wrongType).get(URL_OCTOBER).set(AUTH);
    const failed = matcher.call({ isNot: false }, bad) as MatcherResult;
    expect(failed.pass).toBe(false);
    expect(failed.message()).toContain('/body/result/0/user/id [type] must be string (got 42)');
  });

  it('a supertest-like response without req or with an empty path: the request info names it, else the label or a ContractError says so', () => {
    const bare = { status: 200, headers: JSON_HEADERS, body: {} };
    const named = matcher.call({ isNot: false }, bare, { url: URL_OCTOBER }) as MatcherResult;
    expect(named.message().split('\n')[0]).toBe(`expected GET ${URL_OCTOBER} → 200 to honour the contract (openapi.yaml)`);
    const emptyPath = matcher.call({ isNot: false }, { ...bare, req: { method: 'post', path: '' } }) as MatcherResult;
    expect(emptyPath.message().split('\n')[0]).toBe('expected POST (unknown URL) → 200 to honour the contract (openapi.yaml)');
    const unnamed = () => matcher.call({ isNot: false }, bare, { method: 'GET' });
    expect(unnamed).toThrow(ContractError);
    expect(unnamed).toThrow(/does not say which request it answers/);
  });

  it('returns a promise for a fetch Response (jest awaits async matchers)', async () => {
    const pending = matcher.call({ isNot: true }, new Response('[]', { headers: JSON_HEADERS }), { url: URL_OCTOBER });
    expect(pending).toBeInstanceOf(Promise);
    const result = await pending;
    expect(result.pass).toBe(false);
    expect(result.message()).toMatch(/\/body \[type\] must be object \(got \[\]\)/);
  });

  it('needs an expect when there is no global one', () => {
    expect((globalThis as { expect?: unknown }).expect).toBeUndefined();
    expect(() => registerJestMatchers()).toThrow(/no global expect; pass the one from @jest\/globals/);
  });

  it('takes the global expect when it has an extend function, and only then', () => {
    const global = globalThis as { expect?: unknown };
    const extended: Array<Record<string, ContractMatcher>> = [];
    try {
      global.expect = { extend: (matchers: Record<string, ContractMatcher>) => void extended.push(matchers) };
      registerJestMatchers();
      expect(extended.map((matchers) => Object.keys(matchers))).toEqual([['toMatchContract']]);
      global.expect = { extend: 'not a function' };
      expect(() => registerJestMatchers()).toThrow(
        new TypeError('registerJestMatchers: no global expect; pass the one from @jest/globals'),
      );
    } finally {
      delete global.expect;
    }
  });
});
