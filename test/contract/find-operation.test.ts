import { describe, expect, it } from 'vitest';
import { createOperationFinder } from '../../src/contract/find-operation.js';
import type { OpenApiDocument } from '../../src/contract/index.js';
import { contract } from './spec-examples.js';

const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

describe('findOperation', () => {
  it.each([
    { given: ['GET', '/unified/conversational-intelligence/interactions'], want: 'listInteractions' },
    { given: ['get', '/unified/conversational-intelligence/interactions?limit=1#x'], want: 'listInteractions' },
    {
      given: ['GET', 'https://api.truto.one/unified/conversational-intelligence/interactions?limit=1'],
      want: 'listInteractions',
    },
    { given: ['GET', '/some/base/unified/conversational-intelligence/interactions'], want: 'listInteractions' },
    { given: ['POST', `/gong/${ACCOUNT}/v2/stats/interaction`], want: 'listInteractionStatsUsingPOST' },
    { given: ['GET', `http://127.0.0.1:4010/gong/${ACCOUNT}/v2/users/`], want: 'listUsersUsingGET' },
    { given: ['DELETE', '/__admin/requests'], want: 'adminClearRequests' },
  ])('$given.0 $given.1 is $want', ({ given, want }) => {
    const found = contract.findOperation(given[0]!, given[1]!);
    expect('operation' in found && found.operation.operationId).toBe(want);
  });

  it('reads the templated segments', () => {
    const found = contract.findOperation('GET', `/gong/${encodeURIComponent('a b')}/v2/users`);
    expect('pathParameters' in found && found.pathParameters).toEqual({ integrated_account_id: 'a b' });
  });

  it.each([
    { given: ['GET', '/unified/conversational-intelligence/interactionsX'], want: 'path-documented' },
    { given: ['GET', '/gong/v2/users'], want: 'path-documented' },
    { given: ['GET', `/gong/${ACCOUNT}/extra/v2/users`], want: 'path-documented' },
    { given: ['GET', `/gong/${ACCOUNT}/v2/stats/interaction`], want: 'method-documented' },
    { given: ['BREW', '/unified/conversational-intelligence/interactions'], want: 'method-documented' },
  ])('$given.0 $given.1 is not documented ($want)', ({ given, want }) => {
    const found = contract.findOperation(given[0]!, given[1]!);
    expect('rule' in found && found.rule).toBe(want);
  });
});

/** A documented operation with nothing in it but its id. */
const op = (operationId: string) => ({ operationId, responses: {} });

describe('createOperationFinder over a small document', () => {
  const document = {
    openapi: '3.1.0',
    paths: {
      '/users/me': { get: op('me') },
      '/users/{id}': { get: op('user'), delete: op('deleteUser') },
      '/v2/stats.json': { get: op('stats') },
      '/x/y/{id}': { get: op('xy') },
      '/y/{id}': { get: op('y') },
      '/orgs/{org}/teams/{team}': { put: op('team'), get: op('getTeam') },
    },
  } as unknown as OpenApiDocument;
  // Built inside each test, so that each test runs the compilation of the paths it relies on.
  const find = (method: string, path: string) => createOperationFinder(document)(method, path);
  const id = (method: string, path: string) => {
    const found = find(method, path);
    return 'operation' in found ? [found.operation.operationId, found.pathParameters] : [found.rule, found.message];
  };

  it.each([
    { given: ['GET', '/users/me'], want: ['me', {}] },
    { given: ['GET', '/users/you'], want: ['user', { id: 'you' }] },
    { given: ['DELETE', '/users/me'], want: ['deleteUser', { id: 'me' }] },
    { given: ['GET', '/v2/stats.json'], want: ['stats', {}] },
    { given: ['GET', '/x/y/1'], want: ['xy', { id: '1' }] },
    { given: ['GET', '/base/y/1'], want: ['y', { id: '1' }] },
    { given: ['GET', 'users/me'], want: ['me', {}] },
    { given: ['GET', 'HTTPS://example.com/base/users/me?x=1'], want: ['me', {}] },
    { given: ['GET', '/users/me#frag?x'], want: ['me', {}] },
    { given: ['GET', '/users/me?next=https://example.com/'], want: ['me', {}] },
    { given: ['GET', '/orgs/a%2Fb/teams/%E0%A4%A'], want: ['getTeam', { org: 'a/b', team: '%E0%A4%A' }] },
    { given: ['GET', '/v2/statsXjson'], want: ['path-documented', 'no path of the contract matches /v2/statsXjson'] },
    { given: ['GET', '/users'], want: ['path-documented', 'no path of the contract matches /users'] },
    {
      given: ['patch', '/orgs/a/teams/b'],
      want: ['method-documented', 'PATCH is not documented for /orgs/{org}/teams/{team} (documented: GET, PUT)'],
    },
    {
      given: ['constructor', '/users/me'],
      want: ['method-documented', 'CONSTRUCTOR is not documented for /users/me (documented: GET)'],
    },
  ])('$given.0 $given.1', ({ given, want }) => {
    expect(id(given[0]!, given[1]!)).toEqual(want);
  });

  it('says which path and method it could not find, with the value given', () => {
    expect(find('GET', 'https://example.com/nope?q=1')).toEqual({
      pointer: '/path',
      rule: 'path-documented',
      message: 'no path of the contract matches /nope',
      value: '/nope',
    });
    expect(find('Brew', '/users/me')).toEqual({
      pointer: '/method',
      rule: 'method-documented',
      message: 'BREW is not documented for /users/me (documented: GET)',
      value: 'Brew',
    });
  });

  it('gives the template, the lower-case method and the path item', () => {
    const found = find('DELETE', '/users/1/');
    expect(found).toMatchObject({ pathTemplate: '/users/{id}', method: 'delete' });
    expect('pathItem' in found && found.pathItem).toBe(document.paths!['/users/{id}']);
  });

  it('finds nothing in a document without paths', () => {
    expect(createOperationFinder({ openapi: '3.1.0' } as OpenApiDocument)('GET', '/')).toMatchObject({
      rule: 'path-documented',
    });
  });
});

describe('createOperationFinder, whatever order the document lists its paths in', () => {
  // The paths a match should lose to come first.
  const document = {
    openapi: '3.1.0',
    paths: {
      '/{a}/{b}/{c}': { get: op('abc') },
      '/items/{q}': { get: op('item') },
      '/users/{id}': { get: op('user') },
      '/users/me': { get: op('me') },
      '/y/{id}': { get: op('y') },
      '/x/y/{id}': { get: op('xy') },
    },
  } as unknown as OpenApiDocument;

  it.each([
    { given: '/users/me', want: ['me', {}], why: 'more literal characters win' },
    { given: '/users/you', want: ['user', { id: 'you' }], why: 'the one template that fits' },
    { given: '/x/y/1', want: ['xy', { id: '1' }], why: 'no base path over a base path' },
    { given: '/t/items/1', want: ['abc', { a: 't', b: 'items', c: '1' }], why: 'no base path, though fewer literals' },
    { given: '/s/x/y/1', want: ['xy', { id: '1' }], why: 'on the same base path, more literal characters' },
  ])('GET $given: $why', ({ given, want }) => {
    const found = createOperationFinder(document)('GET', given);
    expect('operation' in found ? [found.operation.operationId, found.pathParameters] : found).toEqual(want);
  });
});
