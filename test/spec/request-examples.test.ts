/**
 * Every request example in openapi.yaml works against the default world (seed 42, the clock
 * pinned): a request built from an operation's examples (path and required parameters, each
 * request body example) answers the operation's documented 2xx, and adding any optional
 * parameter's example still answers a documented status. What Dredd or Prism would send from
 * the spec therefore gets what the spec promises; an example without a real user or account
 * fails here.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import {
  HTTP_METHODS,
  resolveReference,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type RequestBodyObject,
} from '../../src/contract/openapi-document.js';
import { mockApp } from '../helpers/mock.js';

const contract = loadContract();
const { document } = contract;
const app = mockApp();

/** Scenario parameters ask for faults on purpose: their examples answer a documented error. */
const FAULT_PARAMETERS = new Set(['Prefer', '__scenario']);

const CREDENTIALS: Record<string, Record<string, string>> = {
  bearerAuth: { Authorization: 'Bearer any-token' },
  gongBasicAuth: { Authorization: 'Basic YWNjZXNzOnNlY3JldA==' },
  gongBearerAuth: { Authorization: 'Bearer any-token' },
};

interface ExampleRequest {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /** The statuses this request may answer: the operation's 2xx, or any documented one. */
  want: string[];
}

function exampleOf(parameter: ParameterObject): unknown {
  if ('example' in parameter) return parameter.example;
  const first = Object.values(parameter.examples ?? {})[0];
  return first === undefined ? undefined : resolveReference(document, first).value;
}

/** `name=value` pairs of a query parameter's example, in its style (form, exploded arrays). */
function queryPairs(parameter: ParameterObject, value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => `${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(v))}`);
}

const requests: ExampleRequest[] = [];
const problems: string[] = [];

for (const [path, item] of Object.entries(document.paths ?? {})) {
  for (const method of HTTP_METHODS) {
    const operation = item[method] as OperationObject | undefined;
    if (operation === undefined) continue;
    const where = `${method.toUpperCase()} ${path}`;
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
      resolveReference<ParameterObject>(document, p as ParameterObject | ReferenceObject),
    );
    const statuses = Object.keys(operation.responses ?? {});
    const success = statuses.filter((s) => s.startsWith('2'));
    // The kit's document types leave `security` out; it is read here only.
    type Secured = { security?: Array<Record<string, string[]>> };
    const security = (operation as Secured).security ?? (document as Secured).security ?? [];
    const scheme = Object.keys(security[0] ?? {})[0];
    const headers = scheme === undefined ? {} : (CREDENTIALS[scheme] ?? {});

    let url = path;
    const query: string[] = [];
    for (const parameter of parameters) {
      if (!parameter.required) continue;
      const value = exampleOf(parameter);
      if (value === undefined) {
        problems.push(`${where}: required ${parameter.in} parameter ${parameter.name} has no example`);
        continue;
      }
      if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
      else if (parameter.in === 'query') query.push(...queryPairs(parameter, value));
    }
    const base = (extra: string[]) => [url, [...query, ...extra].join('&')].filter((part) => part !== '').join('?');

    const body = operation.requestBody && resolveReference<RequestBodyObject>(document, operation.requestBody);
    const bodies = Object.entries(body?.content?.['application/json']?.examples ?? {}).map(
      ([name, example]) => [name, resolveReference(document, example).value] as const,
    );
    if (body?.required && bodies.length === 0) problems.push(`${where}: a required body with no example`);
    const firstBody = bodies[0]?.[1];

    if (!body?.required)
      requests.push({ name: `${where} (required examples)`, method, url: base([]), headers, want: success });
    for (const [name, value] of bodies) {
      requests.push({ name: `${where} body ${name}`, method, url: base([]), headers, body: value, want: success });
    }
    for (const parameter of parameters) {
      const value = exampleOf(parameter);
      if (parameter.required || value === undefined) continue;
      const fault = FAULT_PARAMETERS.has(parameter.name);
      const withHeader = parameter.in === 'header' ? { ...headers, [parameter.name]: String(value) } : headers;
      requests.push({
        name: `${where} with the ${parameter.in} ${parameter.name} example`,
        method,
        url: parameter.in === 'query' ? base(queryPairs(parameter, value)) : base([]),
        headers: withHeader,
        body: firstBody,
        want: fault ? statuses : success,
      });
    }
  }
}

describe('request examples against the default world', () => {
  it('every operation can be called from its examples alone', () => {
    expect(problems).toEqual([]);
    // A collector that silently finds nothing fails here.
    const names = requests.map((r) => r.name).join('\n');
    expect(names).toContain('POST /gong/{integrated_account_id}/v2/stats/interaction body firstPage');
    expect(names).toContain('GET /gong/{integrated_account_id}/v2/users (required examples)');
    expect(names).toContain('GET /unified/conversational-intelligence/interactions with the query users[][id] example');
  });

  it.each(requests)('$name', async ({ method, url, headers, body, want }) => {
    let call = request(app)[method as 'get'](url).set(headers);
    if (body !== undefined) call = call.send(body as object);
    const res = await call;
    expect(want, `${res.status} ${res.text.slice(0, 300)}`).toContain(String(res.status));
    expect(contract.validate(res, { method: method.toUpperCase() })).toEqual([]);
  });

  it('the Gong stats example names users who have stats in its window', async () => {
    const stats = requests.find((r) => r.name.endsWith('body firstPage')) as ExampleRequest;
    const res = await request(app)
      .post(stats.url)
      .set(stats.headers)
      .send(stats.body as object);
    const asked = (stats.body as { filter: { userIds: string[] } }).filter.userIds;
    expect(res.body.peopleInteractionStats.map((p: { userId: string }) => p.userId)).toEqual(asked);
  });
});
