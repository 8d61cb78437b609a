import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectContract } from '../helpers/contract.js';
import { ACCOUNT, AUTH, UNIFIED_PATH, mockApp } from '../helpers/mock.js';

const app = mockApp();
const PARAMETER_NAMES = [
  'integrated_account_id',
  'start_time',
  'end_time',
  'limit',
  'next_cursor',
  'truto_response_format',
  'truto_key_by',
  'truto_ignore_limit',
  'truto_ignore_remote_data',
  'truto_exclude_fields',
  'truto_exclude_fields[]',
  'users[][id]',
  'users[0][id]',
  'users',
  'remote_query[filter][fromDate]',
  'remote_query[__proto__][x]',
  '__scenario',
];
const VALUES = [
  ACCOUNT,
  '2026-10-01T00:00:00Z',
  '2026-11-01T00:00:00-07:00',
  '2027-01-01T00:00:00Z',
  '0',
  '100',
  '-1',
  'true',
  'raw',
  'debug',
  'stream',
  'normalized',
  'id',
  'user.id',
  '',
  '%',
  '713552277022972',
  'looping',
];

/** Query strings built from real parameter names, real and hostile values, and raw noise. */
const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PARAMETER_NAMES), fc.string({ maxLength: 12 })),
      fc.oneof(
        fc.constantFrom(...VALUES),
        fc.string({ maxLength: 30 }),
        fc.stringMatching(/^[%A-Za-z0-9\-_.~[\]]{0,20}$/),
      ),
    ),
    { maxLength: 10 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v.includes('%') ? v : encodeURIComponent(v)}`).join('&'));

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('2026-10-01', '2026-11-01', '2026-13-45', '713552277022972', ''),
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('filter', 'fromDate', 'toDate', 'userIds', 'cursor', 'x'), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

const gongBody = fc.oneof(
  json,
  fc.record({
    cursor: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    filter: fc.record({
      fromDate: fc.constantFrom('2026-10-01', '2026-10-31', 'x', '2026-02-29'),
      toDate: fc.constantFrom('2026-11-01', '2026-10-02', '2030-01-01', 'x'),
      userIds: fc.option(
        fc.array(fc.oneof(fc.stringMatching(/^\d{1,22}$/), fc.string({ maxLength: 4 })), { maxLength: 3 }),
        { nil: undefined },
      ),
    }),
  }),
);

describe('fuzzing: no 5xx outside fault scenarios, every response honours the contract', () => {
  it('the unified endpoint, over random query strings', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const res = await request(app).get(`${UNIFIED_PATH}?${query}`).set(AUTH);
        const faulted = /__scenario=/.test(query);
        if (!faulted) expect(res.status).toBeLessThan(500);
        if (res.status !== 400 || !/percent-encoding|parameter name/.test(res.text)) await expectContract(res);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('the Gong stats endpoint, over random JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(gongBody, async (body) => {
        const res = await request(app)
          .post(`/gong/${ACCOUNT}/v2/stats/interaction`)
          .auth('k', 's')
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body ?? null));
        expect(res.status).toBeLessThan(500);
        expect([200, 400, 404]).toContain(res.status);
        await expectContract(res);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('fuzzing paths and headers: no 5xx, the real error shapes', () => {
  const segment = fc.oneof(
    fc.constantFrom(ACCOUNT, '%ff', '%zz', '..', '%2e%2e', '%00', 'a%2Fb', ACCOUNT.toUpperCase(), ''),
    fc.stringMatching(/^[A-Za-z0-9%._~-]{0,40}$/),
  );
  const header = fc.oneof(
    fc.constantFrom('', ' ', 'Bearer', 'Basic ###', 'scenario=', 'gzip', 'br', 'deflate', 'x'.repeat(300)),
    fc.string({ maxLength: 40 }),
  );

  it('Gong paths with random account segments and headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        segment,
        fc.constantFrom('/v2/users', '/v2/stats/interaction'),
        header,
        header,
        async (account, path, auth, encoding) => {
          const req =
            path === '/v2/users'
              ? request(app).get(`/gong/${account}${path}`)
              : request(app).post(`/gong/${account}${path}`);
          let res;
          try {
            res = await req
              .set('Authorization', auth.replace(/[^\t\x20-\x7e]/g, '') || 'Bearer t')
              .set('Content-Encoding', encoding.replace(/[^\t\x20-\x7e]/g, '') || 'identity')
              .set('Content-Type', 'application/json')
              .send('{"filter":{"fromDate":"2026-10-01","toDate":"2026-11-01"}}');
          } catch (error) {
            // The client itself may refuse a header value; that never reached the server.
            if (/Invalid character|header/i.test(String(error))) return;
            throw error;
          }
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(Object.keys(res.body).sort()).toEqual(['errors', 'requestId']);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it('the unified endpoint with random Prefer and Authorization headers', async () => {
    await fc.assert(
      fc.asyncProperty(header, header, async (prefer, auth) => {
        const res = await request(app)
          .get(
            `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`,
          )
          .set('Authorization', `Bearer ${auth.replace(/[^\x21-\x7e]/g, '') || 't'}`)
          .set('Prefer', prefer.replace(/[^\t\x20-\x7e]/g, '') || 'return=minimal');
        expect(res.status === 200 || res.status === 400).toBe(true);
        await expectContract(res);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
