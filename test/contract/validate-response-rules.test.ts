/**
 * Which documented response a status reaches, over a small inline contract: the exact status,
 * then a `4XX`-style range (any case), then `default`, else `status-documented`; and a response
 * that documents no body refuses one. Each diagnostic names the schema that applied, so the
 * table shows which response key was chosen.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import type { Diagnostic } from '../../src/contract/index.js';
import type { ResponseExchange } from '../../src/contract/validate-response.js';

/** A JSON response whose body must carry `field`. */
function needs(field: string) {
  return {
    description: `needs ${field}`,
    content: { 'application/json': { schema: { type: 'object', properties: { [field]: {} }, required: [field] } } },
  };
}

const contract = loadContract({
  openapi: '3.1.0',
  info: { title: 'rules', version: '1' },
  paths: {
    '/things': {
      get: {
        responses: {
          '200': needs('ok'),
          '204': { description: 'no body' },
          '205': { description: 'an empty content map', content: {} },
          '404': needs('exact404'),
          '4XX': needs('clientError'),
          default: needs('anyError'),
        },
      },
    },
    '/lower-case-range': { get: { responses: { '200': needs('ok'), '5xx': needs('serverError') } } },
    '/only-default': { get: { responses: { default: needs('anyError') } } },
    '/no-fallback': { get: { responses: { '200': needs('ok'), '4XX': needs('clientError') } } },
    '/referenced': { get: { responses: { '4XX': { $ref: '#/components/responses/Problem' } } } },
  },
  components: { responses: { Problem: needs('problem') } },
});

const JSON_HEADERS = { 'content-type': 'application/json' };
const EMPTY_OBJECT = '{}';

/** `rule pointer <- schema` for each diagnostic, the schema without its common prefix. */
function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) =>
    [d.rule, d.pointer, d.schema === undefined ? '' : `<- ${d.schema.replace('/content/application~1json/schema', '')}`]
      .join(' ')
      .trim(),
  );
}

function answer(path: string, status: number, body: ResponseExchange['body'] = EMPTY_OBJECT): ResponseExchange {
  return { method: 'GET', path, status, headers: JSON_HEADERS, body };
}

describe('the documented response of a status', () => {
  it.each<[string, ResponseExchange, string[]]>([
    ['an exact key', answer('/things', 200), ['required /body/ok <- #/paths/~1things/get/responses/200']],
    ['an exact key that holds', answer('/things', 200, '{"ok":1}'), []],
    [
      'an exact key beats a range',
      answer('/things', 404),
      ['required /body/exact404 <- #/paths/~1things/get/responses/404'],
    ],
    [
      'a range: 418 is 4XX',
      answer('/things', 418),
      ['required /body/clientError <- #/paths/~1things/get/responses/4XX'],
    ],
    ['a range: 400 is 4XX', answer('/things', 400, '{"clientError":1}'), []],
    [
      'a range beats default',
      answer('/things', 499, '{"anyError":1}'),
      ['required /body/clientError <- #/paths/~1things/get/responses/4XX'],
    ],
    [
      'default for a status no key names',
      answer('/things', 500),
      ['required /body/anyError <- #/paths/~1things/get/responses/default'],
    ],
    ['default for a 3xx', answer('/things', 302, '{"anyError":1}'), []],
    [
      'default for a 2xx without its own key',
      answer('/things', 201),
      ['required /body/anyError <- #/paths/~1things/get/responses/default'],
    ],
    [
      'a range in lower case',
      answer('/lower-case-range', 503),
      ['required /body/serverError <- #/paths/~1lower-case-range/get/responses/5xx'],
    ],
    [
      'only default',
      answer('/only-default', 200),
      ['required /body/anyError <- #/paths/~1only-default/get/responses/default'],
    ],
    [
      'a referenced response names its reference',
      answer('/referenced', 401),
      ['required /body/problem <- #/components/responses/Problem'],
    ],
  ])('%s', (_name, exchange, want) => {
    expect(summary(contract.validateResponse(exchange))).toEqual(want);
  });

  it.each<[string, ResponseExchange, string]>([
    [
      'no range and no default',
      answer('/no-fallback', 500),
      'status 500 is not documented for GET /no-fallback (documented: 200, 4XX)',
    ],
    [
      'a range of another class',
      answer('/lower-case-range', 404),
      'status 404 is not documented for GET /lower-case-range (documented: 200, 5xx)',
    ],
    [
      'a 2xx with only a 200',
      answer('/no-fallback', 201),
      'status 201 is not documented for GET /no-fallback (documented: 200, 4XX)',
    ],
  ])('%s is status-documented', (_name, exchange, message) => {
    expect(contract.validateResponse(exchange)).toEqual([
      { pointer: '/status', rule: 'status-documented', message, value: exchange.status },
    ]);
  });
});

describe('a response that documents no body', () => {
  it.each<[string, number, ResponseExchange['body']]>([
    ['no body', 204, undefined],
    ['an empty body', 204, ''],
    ['an empty byte body', 204, new Uint8Array()],
    ['no body, under an empty content map', 205, ''],
  ])('accepts %s (%i)', (_name, status, body) => {
    expect(contract.validateResponse({ path: '/things', status, body })).toEqual([]);
  });

  it.each<[string, number, ResponseExchange['body'], string]>([
    ['text', 204, 'x', 'x'],
    ['JSON text', 204, EMPTY_OBJECT, EMPTY_OBJECT],
    ['bytes', 204, new TextEncoder().encode('hello'), 'hello'],
    ['a body under an empty content map', 205, 'x', 'x'],
  ])('refuses %s (%i)', (_name, status, body, value) => {
    expect(contract.validateResponse({ path: '/things', status, body })).toEqual([
      { pointer: '/body', rule: 'content-type', message: `GET /things ${status} documents no body`, value },
    ]);
  });

  it('quotes at most 200 characters of the body', () => {
    const [diagnostic] = contract.validateResponse({ path: '/things', status: 204, body: 'b'.repeat(500) });
    expect(diagnostic?.value).toBe(`${'b'.repeat(199)}…`);
    const [exact] = contract.validateResponse({ path: '/things', status: 204, body: 'b'.repeat(200) });
    expect(exact?.value).toBe('b'.repeat(200));
  });

  it('still checks the documented headers', () => {
    const withHeader = loadContract({
      openapi: '3.1.0',
      info: { title: 'headers', version: '1' },
      paths: {
        '/gone': {
          delete: {
            responses: {
              '204': {
                description: 'no body, one header',
                headers: { 'x-request-id': { required: true, schema: { type: 'string' } } },
              },
            },
          },
        },
      },
    });
    const diagnostics = withHeader.validateResponse({ method: 'DELETE', path: '/gone', status: 204, body: 'x' });
    expect(summary(diagnostics)).toEqual(['header /headers/x-request-id', 'content-type /body']);
  });
});
