/**
 * How a response's Content-Type meets the documented media types, over a small inline contract:
 * the exact diagnostics for a missing or undocumented type, which body checks still run after
 * one, a media range (`application/*`) and where its schema is named, the query read from a
 * path that carries a fragment, a value already parsed given where no body is documented, and a
 * schema that cannot compile reported as data.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';

const needsId = { type: 'object', properties: { id: {} }, required: ['id'] };

const contract = loadContract({
  openapi: '3.1.0',
  info: { title: 'media', version: '1' },
  paths: {
    '/one': { get: { responses: { '200': { description: 'json', content: { 'application/json': { schema: needsId } } } } } },
    '/two': {
      get: {
        responses: {
          '200': {
            description: 'json or csv',
            content: { 'application/json': { schema: needsId }, 'text/csv': { schema: { type: 'string' } } },
          },
        },
      },
    },
    '/range': { get: { responses: { '200': { description: 'any application type', content: { 'application/*': { schema: needsId } } } } } },
    '/anything': { get: { responses: { '200': { description: 'any type', content: { '*/*': { schema: {} } } } } } },
    '/empty': { delete: { responses: { '204': { description: 'no body' } } } },
    '/broken': {
      get: {
        responses: {
          '200': { description: 'a schema that cannot compile', content: { 'application/json': { schema: { $ref: '#/nowhere' } } } },
        },
      },
    },
  },
});

describe('a Content-Type that is missing or not documented', () => {
  it('names the documented types when the header is missing, gives no value, and with two types reads no body', () => {
    // Which of two types the body was meant to be is anyone's guess: the body is not checked.
    expect(contract.validateResponse({ path: '/two', status: 200, body: '{"x":1}' })).toStrictEqual([
      {
        pointer: '/headers/content-type',
        rule: 'content-type',
        message: 'the Content-Type header is missing (documented: application/json, text/csv)',
      },
    ]);
  });

  it('reports a missing header where any type is documented (`*/*`) too', () => {
    expect(contract.validateResponse({ path: '/anything', status: 200, body: 'x' })).toStrictEqual([
      {
        pointer: '/headers/content-type',
        rule: 'content-type',
        message: 'the Content-Type header is missing (documented: */*)',
      },
    ]);
    const headers = { 'content-type': 'text/plain' };
    expect(contract.validateResponse({ path: '/anything', status: 200, headers, body: 'x' })).toEqual([]);
  });

  it('with one documented type and no header, still checks the body against it', () => {
    expect(contract.validateResponse({ path: '/one', status: 200, body: '{"x":1}' })).toEqual([
      {
        pointer: '/headers/content-type',
        rule: 'content-type',
        message: 'the Content-Type header is missing (documented: application/json)',
      },
      {
        pointer: '/body/id',
        rule: 'required',
        message: 'required property "id" is missing',
        schema: '#/paths/~1one/get/responses/200/content/application~1json/schema',
      },
    ]);
  });

  it.each([
    ['one documented type', '/one', 'application/json'],
    ['two documented types', '/two', 'application/json, text/csv'],
  ])('with %s, an undocumented type is the only finding: the body is not read against a schema of another type', (_n, path, documented) => {
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    expect(contract.validateResponse({ path, status: 200, headers, body: '<p>not json</p>' })).toEqual([
      {
        pointer: '/headers/content-type',
        rule: 'content-type',
        message: `text/html is not documented for GET ${path} 200 (documented: ${documented})`,
        value: 'text/html; charset=utf-8',
      },
    ]);
  });
});

describe('a documented media range', () => {
  it('reads the body as the response says (JSON here) and names the schema under the documented key', () => {
    const headers = { 'content-type': 'application/json' };
    expect(contract.validateResponse({ path: '/range', status: 200, headers, body: '{"x":1}' })).toEqual([
      {
        pointer: '/body/id',
        rule: 'required',
        message: 'required property "id" is missing',
        schema: '#/paths/~1range/get/responses/200/content/application~1*/schema',
      },
    ]);
    expect(contract.validateResponse({ path: '/range', status: 200, headers, body: '{"id":1}' })).toEqual([]);
  });
});

describe('the query of a path', () => {
  it('ends at a fragment: `?truto_response_format=raw#top` asks for raw', () => {
    const path = '/unified/conversational-intelligence/interactions?truto_response_format=raw#top';
    const full = loadContract();
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    // A raw page holds Gong's records as Gong sent them; an empty one is valid in any format but
    // an unknown one, which `raw#top` would be.
    expect(full.validateResponse({ path, status: 200, headers, body: '{"result":[],"next_cursor":null}' })).toEqual([]);
    const [unknown] = full.validateResponse({
      path: path.replace('#top', '%23top'),
      status: 200,
      headers,
      body: '{"result":[],"next_cursor":null}',
    });
    expect(unknown?.rule).toBe('response-format');
  });
});

describe('where no body is documented', () => {
  it('accepts a value already parsed (an adapter hands `{}` for an empty body), as it accepts no text', () => {
    expect(contract.validateResponse({ method: 'DELETE', path: '/empty', status: 204, body: {} })).toEqual([]);
  });
});

describe('a schema that cannot compile', () => {
  it('is reported as a violation at the root, not thrown', () => {
    const headers = { 'content-type': 'application/json' };
    const diagnostics = contract.validateResponse({ path: '/broken', status: 200, headers, body: '{}' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ pointer: '', rule: 'validator-error' });
    expect(diagnostics[0]?.message).toMatch(/^the response could not be validated: .*#\/nowhere/);
  });
});
