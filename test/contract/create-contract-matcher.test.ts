/**
 * The neutral matcher on its own: what it accepts, how it names the exchange in its messages,
 * and which contract it judges by.
 */
import { describe, expect, it } from 'vitest';
import { createContractMatcher, type MatcherResult } from '../../src/contract/matchers.js';
import type { OpenApiDocument } from '../../src/contract/index.js';
import { loadContract } from '../../src/contract/contract.js';
import { GONG_USERS, contract } from './spec-examples.js';

const matcher = createContractMatcher(contract);
const run = (received: unknown, request?: Parameters<typeof matcher>[1]) => matcher.call({}, received, request);
const teapot = (req?: { method?: string; path?: string }) => ({
  status: 418,
  headers: {},
  text: '{}',
  ...(req ? { req } : {}),
});

describe('createContractMatcher', () => {
  it.each([
    {
      name: 'its request',
      req: { method: 'get', path: GONG_USERS },
      request: undefined,
      label: `GET ${GONG_USERS} → 418`,
    },
    {
      name: 'the options over its request',
      req: { method: 'GET', path: '/x' },
      request: { method: 'post', url: GONG_USERS },
      label: `POST ${GONG_USERS} → 418`,
    },
  ])('labels a supertest response by $name', ({ req, request, label }) => {
    const result = run(teapot(req), request) as MatcherResult;
    expect(result.pass).toBe(false);
    expect(result.message().split('\n')[0]).toBe(`expected ${label} to honour the contract (openapi.yaml)`);
  });

  it('labels an exchange with an empty path as of an unknown URL', () => {
    const result = run(teapot({ path: '' })) as MatcherResult;
    expect(result.message().split('\n')[0]).toBe(
      'expected GET (unknown URL) → 418 to honour the contract (openapi.yaml)',
    );
  });

  it('reads a fetch-like response without clone() directly, named by its url', async () => {
    let reads = 0;
    const response = {
      status: 418,
      url: `http://h${GONG_USERS}`,
      headers: new Headers(),
      text: async () => (reads++, '{}'),
    };
    const result = await run(response, { method: 'delete' });
    expect(result.message().split('\n')[0]).toBe(
      `expected DELETE http://h${GONG_USERS} → 418 to honour the contract (openapi.yaml)`,
    );
    expect(reads).toBe(1);
  });

  it('reads a fetch Response from its clone, leaving its body unread', async () => {
    const response = new Response('{}', { status: 418 });
    const result = await run(response, { url: GONG_USERS });
    expect(result.pass).toBe(false);
    expect(response.bodyUsed).toBe(false);
  });

  it.each([
    { name: 'null', received: null, want: 'null' },
    { name: 'a text', received: 'res', want: 'string' },
    { name: 'a Map', received: new Map(), want: 'Map' },
    { name: 'an object without prototype', received: Object.create(null), want: 'object' },
    { name: 'a status that is no number', received: { status: '200', headers: {} }, want: 'Object' },
    { name: 'no headers', received: { status: 200 }, want: 'Object' },
    { name: 'headers that are no object', received: { status: 200, headers: 'x' }, want: 'Object' },
  ])('refuses $name', ({ received, want }) => {
    expect(() => run(received)).toThrow(
      `[interactions-kit contract] toMatchContract expects a fetch Response or a supertest response, got ${want}`,
    );
  });

  it('judges by the contract given', () => {
    const empty = loadContract({ openapi: '3.1.0', paths: {} } as OpenApiDocument);
    const result = createContractMatcher(empty).call({}, teapot({ path: GONG_USERS })) as MatcherResult;
    expect(result.message()).toContain(`/path [path-documented] no path of the contract matches ${GONG_USERS}`);
  });

  it('loads the package’s contract when given none', () => {
    const result = createContractMatcher().call({}, teapot({ path: GONG_USERS })) as MatcherResult;
    expect(result.message()).toContain('/status [status-documented]');
  });
});
