/**
 * Names a request chooses (`truto_exclude_fields`, `truto_response_format`) that are also
 * properties every object inherits: the validator must read only the contract's own entries,
 * and answer a failure of its own as a violation, never a throw (callers run it in listeners).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import '../../src/contract/vitest.js';
import { loadContract, type OpenApiDocument } from '../../src/contract/index.js';
import { AUTH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const contract = loadContract();
const app = mockApp();
const INHERITED = ['toString', 'hasOwnProperty', 'valueOf', 'constructor', 'isPrototypeOf', '__proto__'];
/** The ones the mock accepts as field names (it refuses `constructor` and `__proto__` outright). */
const SERVED = ['toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

describe('inherited names in truto_exclude_fields', () => {
  for (const format of ['unified', 'stream', 'raw', 'debug', 'normalized']) {
    it(`validates a ${format} page excluding toString.x, user.valueOf, ... without throwing`, async () => {
      for (const name of SERVED) {
        const fields = `${name}.x,user.${name},${name}`;
        const res = await request(app)
          .get(unifiedUrl(october({ truto_response_format: format, limit: '3', truto_exclude_fields: fields })))
          .set(AUTH);
        expect(res.status).toBe(200);
        expect(contract.validate(res)).toEqual([]);
        expect(res).toMatchContract();
      }
    });
  }

  it('still lets an excluded required field go missing, and only that one', () => {
    const schema = '#/components/schemas/NormalizedInteraction';
    const record = { id: 'a' };
    const excluded = ['toString.x', 'user', 'user.hasOwnProperty', 'start_time', 'end_time', 'aggregation_period'];
    excluded.push('timezone', 'metrics', 'created_at', 'updated_at', 'valueOf');
    expect(contract.validateValue(schema, record, { excludeFields: [...excluded, 'additional_metrics'] })).toEqual([]);
    expect(contract.validateValue(schema, record, { excludeFields: excluded })).toEqual([
      expect.objectContaining({ pointer: '/additional_metrics', rule: 'required' }),
    ]);
  });
});

describe('inherited names in truto_response_format', () => {
  const page = { result: [], next_cursor: null };
  for (const format of INHERITED) {
    it(`${format} is a format the contract does not know, with or without truto_key_by`, () => {
      for (const keyBy of ['', '&truto_key_by=id']) {
        const diagnostics = contract.validateResponse({
          path: `/unified/conversational-intelligence/interactions?truto_response_format=${format}${keyBy}`,
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(page),
        });
        expect(diagnostics).toEqual([
          expect.objectContaining({ rule: 'response-format', message: expect.stringContaining(format) }),
        ]);
      }
    });
  }
});

describe('a validator that fails', () => {
  it('is reported as a violation, not thrown', async () => {
    // A schema that cannot compile: its $ref leads nowhere.
    const document = {
      openapi: '3.1.0',
      info: { title: 'broken', version: '1' },
      paths: {
        '/x': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } },
              },
            },
          },
        },
      },
      components: { schemas: {} },
    } as unknown as OpenApiDocument;
    const broken = loadContract(document);
    const exchange = { path: '/x', status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
    const expected = [
      expect.objectContaining({ rule: 'validator-error', message: expect.stringContaining('Missing') }),
    ];
    expect(broken.validateResponse(exchange)).toEqual(expected);
    const fetched = new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    expect(await broken.validate(fetched, { url: 'http://127.0.0.1/x' })).toEqual(expected);
  });
});
