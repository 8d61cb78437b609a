/**
 * Each side lists its own scenarios: the unified endpoint's `__scenario` offers every fault,
 * the Gong routes' only the faults that happen inside Gong, and the mock answers what each
 * list promises.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import { resolveReference, type ParameterObject, type ReferenceObject } from '../../src/contract/openapi-document.js';
import { createEngine } from '../../src/engine/create-engine.js';
import {
  GONG_SCENARIO_NAMES,
  SCENARIO_NAMES,
  UNIFIED_ONLY_SCENARIO_NAMES,
  WIRE_SCENARIO_NAMES,
} from '../../src/scenarios.js';
import { ACCOUNT, mockApp } from '../helpers/mock.js';

const { document } = loadContract();

/** The `Prefer` header parameter an operation declares. */
function preferParameter(path: string, method: 'get' | 'post'): ParameterObject & Record<string, unknown> {
  const parameters = (document.paths?.[path]?.[method]?.parameters ?? []) as Array<ParameterObject | ReferenceObject>;
  const prefer = parameters
    .map((p) => resolveReference<ParameterObject>(document, p))
    .find((p) => p.in === 'header' && p.name === 'Prefer');
  if (prefer === undefined) throw new Error(`${method} ${path} declares no Prefer header`);
  return prefer as ParameterObject & Record<string, unknown>;
}

/**
 * The names the `__scenario` parameter of an operation declares: each a `const` of its schema's
 * `oneOf`, with a description of what the fault does.
 */
function scenarioEnum(path: string, method: 'get' | 'post'): string[] {
  const parameters = (document.paths?.[path]?.[method]?.parameters ?? []) as Array<ParameterObject | ReferenceObject>;
  const scenario = parameters
    .map((p) => resolveReference<ParameterObject>(document, p))
    .find((p) => p.in === 'query' && p.name === '__scenario');
  const choices = (scenario?.schema as { oneOf?: Array<{ const?: unknown; description?: string }> } | undefined)?.oneOf;
  for (const choice of choices ?? []) expect(choice.description, `${String(choice.const)}: a description`).toBeTruthy();
  return (choices ?? []).map((choice) => String(choice.const)).sort();
}

const GONG_OPERATIONS = [
  ['/gong/{integrated_account_id}/v2/stats/interaction', 'post'],
  ['/gong/{integrated_account_id}/v2/users', 'get'],
] as const;

describe('__scenario lists', () => {
  it('the unified endpoint lists every scenario', () => {
    expect(scenarioEnum('/unified/conversational-intelligence/interactions', 'get')).toEqual(
      [...SCENARIO_NAMES].sort(),
    );
  });

  it.each(GONG_OPERATIONS)('%s lists only the Gong-level scenarios', (path, method) => {
    expect(scenarioEnum(path, method)).toEqual([...GONG_SCENARIO_NAMES].sort());
    expect(GONG_SCENARIO_NAMES).not.toContain('forbidden');
  });

  it('the unified Prefer header lists every scenario', () => {
    const prefer = preferParameter('/unified/conversational-intelligence/interactions', 'get');
    expect([...(prefer['x-interactions-kit-scenarios'] as string[])].sort()).toEqual([...SCENARIO_NAMES].sort());
    for (const name of SCENARIO_NAMES) expect(prefer.description).toContain(`\`${name}\``);
  });

  it.each(GONG_OPERATIONS)('%s: its Prefer header lists only the Gong-level scenarios', (path, method) => {
    const prefer = preferParameter(path, method);
    expect([...(prefer['x-interactions-kit-scenarios'] as string[])].sort()).toEqual([...GONG_SCENARIO_NAMES].sort());
    for (const name of GONG_SCENARIO_NAMES) expect(prefer.description).toContain(`\`${name}\``);
    for (const name of UNIFIED_ONLY_SCENARIO_NAMES) expect(prefer.description).not.toContain(name);
  });

  const app = mockApp();
  const auth = { Authorization: 'Basic YWNjZXNzOnNlY3JldA==' };

  const httpAnswered = GONG_SCENARIO_NAMES.filter((name) => !WIRE_SCENARIO_NAMES.includes(name));
  it.each(httpAnswered)('Gong users answers the listed scenario %s (no 400)', async (name) => {
    const res = await request(app).get(`/gong/${ACCOUNT}/v2/users?__scenario=${name}`).set(auth);
    expect(res.status).not.toBe(400);
  });

  // A wire scenario breaks the connection: the engine's answer says so (the sockets are test/wire's).
  it.each(WIRE_SCENARIO_NAMES)('Gong users takes the wire scenario %s (no 400)', async (name) => {
    const answer = await createEngine().answer({
      method: 'GET',
      url: `/gong/${ACCOUNT}/v2/users?__scenario=${name}`,
      headers: { authorization: auth.Authorization },
    });
    expect(answer.status).toBe(200);
    expect(answer.wire?.kind ?? 'malformed-body').toBe(name);
    expect(GONG_SCENARIO_NAMES).toContain(name);
  });

  it.each(UNIFIED_ONLY_SCENARIO_NAMES)('Gong refuses the unlisted %s with a 400 in Gong shape', async (name) => {
    const res = await request(app).get(`/gong/${ACCOUNT}/v2/users?__scenario=${name}`).set(auth);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ requestId: expect.any(String), errors: [expect.stringContaining(name)] });
  });

  it.each(UNIFIED_ONLY_SCENARIO_NAMES)('Gong refuses Prefer: scenario=%s with a 400 as well', async (name) => {
    const res = await request(app).get(`/gong/${ACCOUNT}/v2/users`).set(auth).set('Prefer', `scenario=${name}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toContain(name);
  });

  it('an unknown name on Gong lists only what Gong offers', async () => {
    const res = await request(app).get(`/gong/${ACCOUNT}/v2/users?__scenario=nope`).set(auth);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toContain(`known: ${GONG_SCENARIO_NAMES.join(', ')}`);
    expect(res.body.errors[0]).not.toContain('forbidden');
  });
});
