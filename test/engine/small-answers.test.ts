/**
 * The small pieces answers are built of: JSON answers and their content type (bare-answer),
 * a wire scenario applied to an answer (wire-answer), and `/__admin/faults` (admin-faults).
 */
import { describe, expect, it } from 'vitest';
import { answerAdminFaults } from '../../src/engine/admin-faults.js';
import { JSON_CONTENT_TYPE, jsonAnswer, withJsonType, type BareAnswer } from '../../src/engine/bare-answer.js';
import type { EngineRequest } from '../../src/engine/engine-request.js';
import { MAX_GONG_BODY_BYTES } from '../../src/engine/gong-body.js';
import { withWireFault } from '../../src/engine/wire-answer.js';
import { createFaultSequences } from '../../src/faults/fault-sequences.js';
import { MALFORMED_BODY } from '../../src/faults/wire-fault.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

describe('bare-answer', () => {
  it('JSON’s content type unless one is named, after the others', () => {
    expect(JSON_CONTENT_TYPE).toBe('application/json; charset=utf-8');
    expect(Object.entries(withJsonType({ allow: 'GET' }))).toEqual([
      ['allow', 'GET'],
      ['content-type', JSON_CONTENT_TYPE],
    ]);
    const own = { 'content-type': 'text/plain' };
    expect(withJsonType(own)).toBe(own);
  });

  it('a JSON answer: status, headers, the body as JSON text, not cacheable', () => {
    expect(jsonAnswer(418, { a: 'b' }, { x: [1] })).toEqual({
      status: 418,
      headers: { a: 'b', 'content-type': JSON_CONTENT_TYPE },
      body: '{"x":[1]}',
      cacheable: false,
    });
  });
});

describe('wire-answer', () => {
  const answer: BareAnswer = { status: 201, headers: { a: 'b' }, body: '{}', cacheable: true, scenario: 'x' };

  it('no scenario, or one that is no wire fault: the answer itself', () => {
    expect(withWireFault(answer, { scenario: undefined })).toBe(answer);
    expect(withWireFault(answer, { scenario: 'remote-error' })).toBe(answer);
  });

  it('a wire fault: the answer, not cacheable, marked with it and its duration', () => {
    expect(withWireFault(answer, { scenario: 'slow-body', durationMs: 1500 })).toEqual({
      ...answer,
      cacheable: false,
      wire: { kind: 'slow-body', durationMs: 1500 },
    });
  });

  it('malformed-body: its bytes in place of the answer, and a stream’s pages closed', async () => {
    let closed = false;
    const pages = (async function* () {
      try {
        yield 'a';
        yield 'b';
      } finally {
        closed = true;
      }
    })();
    await pages.next();
    const replaced = withWireFault({ ...answer, pages }, { scenario: 'malformed-body' });
    expect(replaced).toEqual({
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: MALFORMED_BODY,
      cacheable: false,
      scenario: 'malformed-body',
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(closed).toBe(true);
    expect(withWireFault(answer, { scenario: 'malformed-body' }).body).toBe(MALFORMED_BODY);
  });
});

describe('admin-faults', () => {
  const post = (body: EngineRequest['body'], headers: EngineRequest['headers'] = { 'content-type': 'application/json' }) =>
    ({ method: 'POST', url: '/__admin/faults', headers, body }) as EngineRequest;
  const json = (answer: BareAnswer) => JSON.parse(String(answer.body));

  it('POST keeps a sequence (201); GET and HEAD list it; DELETE forgets', async () => {
    const faults = createFaultSequences(createMemoryStore());
    const added = await answerAdminFaults(faults, post('{"scenario":"remote-error","times":2}'));
    expect(added.status).toBe(201);
    expect(json(added)).toMatchObject({ scenario: 'remote-error', times: 2, after: 0 });
    for (const method of ['GET', 'HEAD']) {
      const listed = await answerAdminFaults(faults, { method, url: '/__admin/faults', headers: {} });
      expect(listed.status).toBe(200);
      expect(json(listed).faults).toHaveLength(1);
    }
    const cleared = await answerAdminFaults(faults, { method: 'DELETE', url: '/__admin/faults', headers: {} });
    expect([cleared.status, json(cleared)]).toEqual([200, { cleared: 1 }]);
  });

  it.each<[string, EngineRequest, number, string, string]>([
    ['a body that is no JSON', post('{'), 400, 'Bad Request', 'fault sequence: The request body is not valid JSON: '],
    ['no JSON type', post('{}', {}), 400, 'Bad Request', 'fault sequence: Content-Type must be application/json, got ""'],
    ['a body too large', post('x'.repeat(MAX_GONG_BODY_BYTES + 1)), 413, 'Payload Too Large', `fault sequence: The request body is larger than ${MAX_GONG_BODY_BYTES} bytes`],
    [
      'every problem, joined',
      post('{"times":0,"nope":1}'),
      400,
      'Bad Request',
      'fault sequence: "nope": not a field of a fault sequence; scenario: unknown scenario undefined',
    ],
  ])('refuses %s', async (_name, request, status, error, message) => {
    const answer = await answerAdminFaults(createFaultSequences(createMemoryStore()), request);
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe(JSON_CONTENT_TYPE);
    const body = json(answer);
    expect({ statusCode: body.statusCode, error: body.error }).toEqual({ statusCode: status, error });
    expect(body.message.startsWith(message)).toBe(true);
  });

  it('every problem of a spec, in one message', async () => {
    const answer = await answerAdminFaults(createFaultSequences(createMemoryStore()), post('{"scenario":"remote-error","times":0,"after":-1}'));
    expect(json(answer).message).toBe(
      'fault sequence: times: must be a whole number from 1 to 1000000, got 0; after: must be a whole number from 0 to 1000000, got -1',
    );
  });
});
