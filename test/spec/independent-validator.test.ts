/**
 * A second opinion on openapi.yaml: openapi-backend (its own router, query parser and ajv)
 * checks the requests the mock documents, in every encoding, and the mock's responses of every
 * format and error. Where openapi-backend and the kit (the mock's query reading, the kit's
 * response validator) disagree, the case names the difference and why; every other case must
 * agree. The encoding table is also the answer to "which tool accepts which encoding".
 */
import { fileURLToPath } from 'node:url';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Request as BackendRequest } from 'openapi-backend';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import { ACCOUNT, AUTH, UNIFIED_PATH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const contract = loadContract();
const api = new OpenAPIBackend({
  // The file itself: openapi-backend reads and dereferences it with its own parser.
  definition: fileURLToPath(new URL('../../openapi.yaml', import.meta.url)),
  // quick: openapi-backend checks the document against the OpenAPI 3.0 schema only, and this is 3.1.
  quick: true,
  customizeAjv: (ajv) => {
    addFormats.default(ajv);
    return ajv;
  },
});
await api.init();

const app = mockApp();

type Verdict = 'accepts' | 'refuses';

/**
 * openapi-backend reads a query string with qs (`users[][id]=1` becomes `users: [{ id }]`);
 * handed an object, it takes the keys as they are, which is how OpenAPI itself names query
 * parameters (`users[][id]` is one parameter). Both are checked.
 */
function rawKeys(query: string): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = object[key];
    object[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return object;
}

function independent(query: string | Record<string, string | string[]>): { verdict: Verdict; errors: string[] } {
  const req: BackendRequest = { method: 'GET', path: UNIFIED_PATH, query, headers: { authorization: 'Bearer t' } };
  const result = api.validateRequest(req);
  const errors = (result.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  return { verdict: errors.length === 0 ? 'accepts' : 'refuses', errors };
}

interface EncodingCase {
  name: string;
  extra: [string, string][];
  /** The mock (and so the kit's reading of the contract): a 400 refuses, anything else accepts. */
  kit: Verdict;
  /** openapi-backend with its own qs parsing. */
  qs: Verdict;
  /** openapi-backend with the query's keys as sent (OpenAPI's parameter names). */
  rawKeys: Verdict;
  /** Required wherever a verdict differs from the kit's. */
  why?: string;
}

/** Why qs-parsed `users` is never checked: the spec names the parameter `users[][id]`. */
const USERS_UNDECLARED =
  'qs folds every users[...] key into one `users` object, a name the spec does not declare; openapi-backend lets undeclared query parameters through (remote_query is free-form, which it applies to the whole query), so it checks nothing there';
const INDICES_INEXPRESSIBLE =
  'OpenAPI 3.1 cannot declare users[0][id], users[1][id], ...; the keys are undeclared and pass unchecked (x-interactions-kit-query-encodings says so)';
const EMPTY_IS_ABSENT =
  'the spec marks the parameter allowEmptyValue and says an empty optional parameter is absent; openapi-backend ignores allowEmptyValue and checks the empty string against the schema';
const REMOVED_FORM =
  'the mock reads only users[][id] and users[N][id]; other users spellings are not declared, so OpenAPI tools let them through unchecked';

const USER_A = '713552277022972';
const USER_B = '713552284339615';

const ENCODINGS: EncodingCase[] = [
  { name: 'the required parameters only', extra: [], kit: 'accepts', qs: 'accepts', rawKeys: 'accepts' },
  {
    name: 'users[][id] twice (documented, Python SDK)',
    extra: [
      ['users[][id]', USER_A],
      ['users[][id]', USER_B],
    ],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  {
    name: 'users[0][id], users[1][id] (TypeScript SDK)',
    extra: [
      ['users[0][id]', USER_A],
      ['users[1][id]', USER_B],
    ],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  {
    name: 'users objects with more than an id',
    extra: [
      ['users[0][id]', USER_A],
      ['users[0][name]', 'Eliza Hermiston'],
      ['users[0][emails][0][email]', 'eliza.hermiston@acme-widgets.com'],
      ['users[0][emails][0][is_primary]', 'true'],
    ],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  {
    name: 'users[][id] empty',
    extra: [['users[][id]', '']],
    kit: 'refuses',
    qs: 'accepts',
    rawKeys: 'refuses',
    why: USERS_UNDECLARED,
  },
  {
    name: 'users[0] without an id',
    extra: [['users[0][name]', 'Jon']],
    kit: 'refuses',
    qs: 'accepts',
    rawKeys: 'accepts',
    why: INDICES_INEXPRESSIBLE,
  },
  {
    name: 'users=1,2 (not read by the mock)',
    extra: [['users', `${USER_A},${USER_B}`]],
    kit: 'refuses',
    qs: 'accepts',
    rawKeys: 'accepts',
    why: REMOVED_FORM,
  },
  {
    name: 'users[id] repeated (not read by the mock)',
    extra: [
      ['users[id]', USER_A],
      ['users[id]', USER_B],
    ],
    kit: 'refuses',
    qs: 'accepts',
    rawKeys: 'accepts',
    why: REMOVED_FORM,
  },
  { name: 'limit=37', extra: [['limit', '37']], kit: 'accepts', qs: 'accepts', rawKeys: 'accepts' },
  { name: 'limit=0', extra: [['limit', '0']], kit: 'refuses', qs: 'refuses', rawKeys: 'refuses' },
  { name: 'limit=101', extra: [['limit', '101']], kit: 'refuses', qs: 'refuses', rawKeys: 'refuses' },
  {
    name: 'limit=500 with truto_ignore_limit=true',
    extra: [
      ['limit', '500'],
      ['truto_ignore_limit', 'true'],
    ],
    kit: 'refuses',
    qs: 'refuses',
    rawKeys: 'refuses',
  },
  {
    name: 'limit=500 with a stream',
    extra: [
      ['limit', '500'],
      ['truto_response_format', 'stream'],
    ],
    kit: 'refuses',
    qs: 'refuses',
    rawKeys: 'refuses',
  },
  ...(['limit', 'truto_key_by', 'truto_response_format', 'truto_exclude_fields', 'truto_ignore_limit'] as const).map(
    (name): EncodingCase => ({
      name: `${name}= (empty)`,
      extra: [[name, '']],
      kit: 'accepts',
      qs: 'refuses',
      rawKeys: 'refuses',
      why: EMPTY_IS_ABSENT,
    }),
  ),
  { name: 'next_cursor= (empty)', extra: [['next_cursor', '']], kit: 'accepts', qs: 'accepts', rawKeys: 'accepts' },
  {
    name: 'truto_exclude_fields[] twice',
    extra: [
      ['truto_exclude_fields[]', 'remote_data'],
      ['truto_exclude_fields[]', 'user.emails'],
    ],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  {
    name: 'truto_exclude_fields comma-separated',
    extra: [['truto_exclude_fields', 'remote_data,user.emails']],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  {
    name: 'remote_query[filter][createdFromDateTime]',
    extra: [['remote_query[filter][createdFromDateTime]', '2026-10-02T00:00:00Z']],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  ...['unified', 'raw', 'normalized', 'stream', 'debug'].map((format): EncodingCase => ({
    name: `truto_response_format=${format}`,
    extra: [['truto_response_format', format]],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  })),
  {
    name: 'truto_response_format=xml',
    extra: [['truto_response_format', 'xml']],
    kit: 'refuses',
    qs: 'refuses',
    rawKeys: 'refuses',
  },
  {
    name: 'truto_key_by=id, truto_ignore_remote_data=true',
    extra: [
      ['truto_key_by', 'id'],
      ['truto_ignore_remote_data', 'true'],
    ],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  {
    name: 'truto_ignore_remote_data=yes',
    extra: [['truto_ignore_remote_data', 'yes']],
    kit: 'refuses',
    qs: 'refuses',
    rawKeys: 'refuses',
  },
  {
    name: '__scenario=forbidden',
    extra: [['__scenario', 'forbidden']],
    kit: 'accepts',
    qs: 'accepts',
    rawKeys: 'accepts',
  },
  {
    name: '__scenario= (empty)',
    extra: [['__scenario', '']],
    kit: 'accepts',
    qs: 'refuses',
    rawKeys: 'refuses',
    why: EMPTY_IS_ABSENT,
  },
];

describe('requests: which tool accepts which encoding', () => {
  it.each(ENCODINGS)('$name', async ({ extra, kit, qs, rawKeys: raw }) => {
    const url = unifiedUrl([...Object.entries(october()), ...extra]);
    const query = url.slice(url.indexOf('?') + 1);
    const res = await request(app).get(url).set(AUTH);
    const got = {
      kit: res.status === 400 ? 'refuses' : 'accepts',
      qs: independent(query).verdict,
      rawKeys: independent(rawKeys(query)).verdict,
    };
    expect(got, `mock: ${res.status} ${res.status === 400 ? res.body.message : ''}`).toEqual({ kit, qs, rawKeys: raw });
  });

  it('every disagreement with the kit says why', () => {
    const unexplained = ENCODINGS.filter((c) => (c.qs !== c.kit || c.rawKeys !== c.kit) && c.why === undefined);
    expect(unexplained.map((c) => c.name)).toEqual([]);
    const needless = ENCODINGS.filter((c) => c.qs === c.kit && c.rawKeys === c.kit && c.why !== undefined);
    expect(needless.map((c) => c.name)).toEqual([]);
  });

  it('the spec says which users encoding it describes and why the other is not', () => {
    expect(contract.document.components?.parameters?.Users).toMatchObject({
      name: 'users[][id]',
      'x-interactions-kit-query-encodings': [
        expect.objectContaining({ encoding: 'users[][id]=1&users[][id]=2', describedByThisParameter: true }),
        expect.objectContaining({
          encoding: 'users[0][id]=1&users[1][id]=2',
          describedByThisParameter: false,
          why: expect.stringContaining('OpenAPI 3.1'),
        }),
      ],
    });
  });
});

interface ResponseCase {
  name: string;
  method: 'get' | 'post';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  /** Set where openapi-backend cannot judge this response like the kit, with the reason. */
  independentDiffers?: string;
}

const GONG = `/gong/${ACCOUNT}/v2`;
const GONG_AUTH = { Authorization: 'Basic YWNjZXNzOnNlY3JldA==' };
const OCTOBER_BODY = { filter: { fromDate: '2026-10-01', toDate: '2026-11-01' } };
const unified = (extra: Record<string, string> = {}) => unifiedUrl(october(extra));

const RESPONSES: ResponseCase[] = [
  ...['unified', 'raw', 'normalized', 'debug'].map((format): ResponseCase => ({
    name: `200 ${format}`,
    method: 'get',
    url: unified({ truto_response_format: format, limit: '3' }),
    status: 200,
  })),
  { name: '200 keyed by id', method: 'get', url: unified({ truto_key_by: 'id', limit: '3' }), status: 200 },
  {
    name: '200 raw keyed by userId',
    method: 'get',
    url: unified({ truto_response_format: 'raw', truto_key_by: 'userId', limit: '3' }),
    status: 200,
  },
  {
    name: '200 normalized without remote data',
    method: 'get',
    url: unified({ truto_response_format: 'normalized', truto_ignore_remote_data: 'true', limit: '3' }),
    status: 200,
  },
  {
    name: '200 stream',
    method: 'get',
    url: unifiedUrl([...Object.entries(october({ truto_response_format: 'stream' })), ['users[][id]', USER_A]]),
    status: 200,
    independentDiffers:
      'openapi-backend validates application/json bodies only; the kit checks every NDJSON line against Interaction',
  },
  {
    name: '200 with a required field excluded',
    method: 'get',
    url: unified({ truto_exclude_fields: 'id', limit: '3' }),
    status: 200,
    independentDiffers:
      'truto_exclude_fields removes fields the schema requires; the spec says so in its description, which only the kit reads',
  },
  {
    name: '400 missing parameters',
    method: 'get',
    url: `${UNIFIED_PATH}?integrated_account_id=${ACCOUNT}`,
    status: 400,
  },
  { name: '400 bad limit', method: 'get', url: unified({ limit: '0' }), status: 400 },
  { name: '401 no token', method: 'get', url: unified(), headers: {}, status: 401 },
  { name: '401 remote', method: 'get', url: unified({ __scenario: 'credentials-revoked' }), status: 401 },
  { name: '403', method: 'get', url: unified({ __scenario: 'forbidden' }), status: 403 },
  {
    name: '404 unknown account',
    method: 'get',
    url: unifiedUrl({ ...october(), integrated_account_id: '0b0e9a4c-3f7e-4f55-9a55-1d3c54a0c1aa' }),
    status: 404,
  },
  { name: '422 window after today', method: 'get', url: unified({ end_time: '2026-12-31T00:00:00Z' }), status: 422 },
  { name: '429', method: 'get', url: unified({ __scenario: 'rate-limited' }), status: 429 },
  { name: '500', method: 'get', url: unified({ __scenario: 'internal-error' }), status: 500 },
  { name: '502', method: 'get', url: unified({ __scenario: 'remote-error' }), status: 502 },
  { name: '503', method: 'get', url: unified({ __scenario: 'account-blocked' }), status: 503 },
  { name: '504', method: 'get', url: unified({ __scenario: 'remote-timeout' }), status: 504 },
  { name: 'Gong stats 200', method: 'post', url: `${GONG}/stats/interaction`, body: OCTOBER_BODY, status: 200 },
  { name: 'Gong users 200', method: 'get', url: `${GONG}/users`, status: 200 },
  { name: 'Gong stats 400', method: 'post', url: `${GONG}/stats/interaction`, body: { filter: {} }, status: 400 },
  { name: 'Gong users 401', method: 'get', url: `${GONG}/users`, headers: {}, status: 401 },
  {
    name: 'Gong stats 404 no stats',
    method: 'post',
    url: `${GONG}/stats/interaction?__scenario=empty`,
    body: OCTOBER_BODY,
    status: 404,
  },
  { name: 'Gong users 429', method: 'get', url: `${GONG}/users?__scenario=rate-limited`, status: 429 },
  { name: 'Gong users 500', method: 'get', url: `${GONG}/users?__scenario=remote-error`, status: 500 },
];

async function exchange(c: ResponseCase) {
  const path = c.url.split('?')[0] as string;
  const call =
    c.method === 'get'
      ? request(app).get(c.url)
      : request(app)
          .post(c.url)
          .send(c.body as object);
  const res = await call.set(c.headers ?? (path.startsWith('/gong/') ? GONG_AUTH : AUTH));
  const operation = api.matchOperation({ method: c.method, path, headers: {} });
  if (operation === undefined) throw new Error(`openapi-backend routes no operation for ${c.method} ${path}`);
  return { res, operation };
}

function independentResponse(body: unknown, operationId: string, status: number): string[] {
  const result = api.validateResponse(body, operationId, status);
  return (result.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('responses: the kit and openapi-backend agree', () => {
  it.each(RESPONSES)('$name', async (c) => {
    const { res, operation } = await exchange(c);
    expect(res.status, res.text.slice(0, 300)).toBe(c.status);
    expect(contract.validate(res, { method: c.method.toUpperCase() })).toEqual([]);
    const independentErrors = independentResponse(res.body, operation.operationId as string, res.status);
    if (c.independentDiffers === undefined) expect(independentErrors).toEqual([]);
    else expect(independentErrors.length, 'a difference that no longer exists: drop it').toBeGreaterThan(0);
  });

  // Negative controls: both validators must see a broken answer, so agreement above means something.
  it.each([
    {
      name: 'a unified page without next_cursor',
      c: RESPONSES[0] as ResponseCase,
      breakIt: (body: Record<string, unknown>) => delete body.next_cursor,
    },
    {
      name: 'an error without statusCode',
      c: RESPONSES.find((r) => r.status === 403) as ResponseCase,
      breakIt: (body: Record<string, unknown>) => delete body.statusCode,
    },
    {
      name: 'a Gong error with a property Gong never sends',
      c: RESPONSES.find((r) => r.name === 'Gong users 401') as ResponseCase,
      breakIt: (body: Record<string, unknown>) => (body.message = 'extra'),
    },
  ])('both refuse $name', async ({ c, breakIt }) => {
    const { res, operation } = await exchange(c);
    const body = structuredClone(res.body) as Record<string, unknown>;
    breakIt(body);
    const broken = { ...res, status: res.status, headers: res.headers, body, text: JSON.stringify(body) };
    expect(contract.validate(broken as typeof res, { method: c.method.toUpperCase() })).not.toEqual([]);
    expect(independentResponse(body, operation.operationId as string, res.status)).not.toEqual([]);
  });
});
