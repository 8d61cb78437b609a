import { describe, expect, it } from 'vitest';
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
