/**
 * Prism serves openapi.yaml, and everything it answers from the spec's examples honours the
 * contract by our own validator: every operation, every unified format, and error examples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, loadContract } from '../../src/contract/index.js';
import { startPrism, type PrismServer } from '../helpers/prism.js';

const contract = loadContract();
const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const UNIFIED =
  '/unified/conversational-intelligence/interactions' +
  `?integrated_account_id=${ACCOUNT}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;
const BEARER = { authorization: 'Bearer test-token' };
const BASIC = { authorization: `Basic ${Buffer.from('access-key:access-secret').toString('base64')}` };
const STATS_BODY = JSON.stringify({
  filter: { fromDate: '2026-10-01', toDate: '2026-11-01', userIds: ['234599484848423'] },
});

interface Call {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
}

const calls: Call[] = [
  {
    name: 'unified, default format',
    method: 'GET',
    path: `${UNIFIED}&limit=10&users[][id]=234599484848423`,
    headers: BEARER,
    status: 200,
  },
  {
    name: 'unified, keyed',
    method: 'GET',
    path: `${UNIFIED}&truto_key_by=id&__example=keyed`,
    headers: BEARER,
    status: 200,
  },
  {
    name: 'unified, normalized',
    method: 'GET',
    path: `${UNIFIED}&truto_response_format=normalized&__example=normalized`,
    headers: BEARER,
    status: 200,
  },
  {
    name: 'unified, raw',
    method: 'GET',
    path: `${UNIFIED}&truto_response_format=raw&__example=raw`,
    headers: BEARER,
    status: 200,
  },
  {
    name: 'unified, debug',
    method: 'GET',
    path: `${UNIFIED}&truto_response_format=debug&__example=debug`,
    headers: BEARER,
    status: 200,
  },
  {
    name: 'unified, stream',
    method: 'GET',
    path: `${UNIFIED}&truto_response_format=stream`,
    headers: { ...BEARER, accept: 'application/x-ndjson' },
    status: 200,
  },
  {
    name: 'Gong interaction stats',
    method: 'POST',
    path: `/gong/${ACCOUNT}/v2/stats/interaction`,
    headers: { ...BASIC, 'content-type': 'application/json' },
    body: STATS_BODY,
    status: 200,
  },
  {
    name: 'Gong users',
    method: 'GET',
    path: `/gong/${ACCOUNT}/v2/users?includeAvatars=false`,
    headers: BASIC,
    status: 200,
  },
  { name: 'admin health', method: 'GET', path: '/__admin/health', headers: {}, status: 200 },
  { name: 'admin accounts', method: 'GET', path: '/__admin/accounts', headers: {}, status: 200 },
  { name: 'admin world', method: 'GET', path: '/__admin/world', headers: {}, status: 200 },
  { name: 'admin scenarios', method: 'GET', path: '/__admin/scenarios', headers: {}, status: 200 },
  { name: 'admin journal', method: 'GET', path: '/__admin/requests?status=200', headers: {}, status: 200 },
  { name: 'admin journal cleared', method: 'DELETE', path: '/__admin/requests', headers: {}, status: 200 },
  { name: 'admin fault sequences', method: 'GET', path: '/__admin/faults', headers: {}, status: 200 },
  {
    name: 'admin fault sequence kept',
    method: 'POST',
    path: '/__admin/faults',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario: 'rate-limited', times: 2 }),
    status: 201,
  },
  { name: 'admin fault sequences cleared', method: 'DELETE', path: '/__admin/faults', headers: {}, status: 200 },
  { name: 'unified without a token (401 example)', method: 'GET', path: UNIFIED, headers: {}, status: 401 },
  { name: 'unified 400 example', method: 'GET', path: `${UNIFIED}&__code=400`, headers: BEARER, status: 400 },
  {
    name: 'unified 429 example, with Retry-After',
    method: 'GET',
    path: `${UNIFIED}&__code=429`,
    headers: BEARER,
    status: 429,
  },
  {
    name: 'Gong 404 example',
    method: 'POST',
    path: `/gong/${ACCOUNT}/v2/stats/interaction?__code=404`,
    headers: { ...BASIC, 'content-type': 'application/json' },
    body: STATS_BODY,
    status: 404,
  },
  {
    name: 'Gong users 429 example',
    method: 'GET',
    path: `/gong/${ACCOUNT}/v2/users?__code=429`,
    headers: BASIC,
    status: 429,
  },
];

describe('Prism mock of openapi.yaml', () => {
  let prism: PrismServer | undefined;

  beforeAll(async () => {
    prism = await startPrism();
  });

  afterAll(async () => {
    await prism?.stop();
  });

  for (const call of calls) {
    it(`${call.name}: answers ${call.status} and honours the contract`, async () => {
      const init: RequestInit = { method: call.method, headers: call.headers };
      if (call.body !== undefined) init.body = call.body;
      const response = await fetch(`${prism!.url}${call.path}`, init);
      const text = await response.clone().text();
      expect(response.status, text).toBe(call.status);
      const diagnostics = await contract.validate(response, { method: call.method });
      expect(diagnostics, `${describeViolations(diagnostics)}\n${text}`).toEqual([]);
    });
  }

  it('the calls cover every operation of the contract', () => {
    const operations = Object.values(contract.document.paths ?? {}).flatMap((item) =>
      Object.keys(item as object).filter((key) => ['get', 'post', 'put', 'delete', 'patch'].includes(key)),
    );
    const covered = new Set(
      calls
        .filter((c) => c.status < 300)
        .map((c) => `${c.method} ${c.path.split('?')[0]?.replace(ACCOUNT, '{integrated_account_id}')}`),
    );
    expect(covered.size).toBe(operations.length);
  });

  it('its answers can fail the validator (a keyed request answered with the unified example)', async () => {
    const response = await fetch(`${prism!.url}${UNIFIED}&truto_key_by=id&__example=unified`, { headers: BEARER });
    const diagnostics = await contract.validate(response, { method: 'GET' });
    expect(diagnostics.map((d) => `${d.rule} ${d.pointer}`)).toEqual(['type /body/result']);
  });
});
