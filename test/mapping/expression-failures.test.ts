/**
 * An override that throws, loops, recurses without end or returns something that is not a
 * record is a 502 in the remote-error shape naming its layer and place; the server answers
 * the next request as before. `null` drops a record; no value at all is a mistake, said so.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import type { EngineOptions } from '../../src/engine/engine-options.js';
import type { MappingTexts } from '../../src/unified/mapping-texts.js';
import { MAPPING_BOUNDS } from '../../src/mapping/compile-mapping.js';
import { NOW, october, unifiedUrl } from '../helpers/mock.js';

async function answer(mapping: MappingTexts, options: EngineOptions = {}) {
  const engine = createEngine({ now: NOW, mapping, ...options });
  const url = unifiedUrl(october({ limit: '3' }));
  const got = await engine.answer({ method: 'GET', url, headers: { authorization: 'Bearer t' } });
  const text = typeof got.body === 'string' ? got.body : new TextDecoder().decode(got.body);
  return {
    status: got.status,
    body: JSON.parse(text) as { message: string; truto_is_remote_error?: boolean; raw_response?: unknown },
    engine,
    url,
  };
}

const cases: Array<{ name: string; mapping: MappingTexts; message: RegExp }> = [
  {
    name: 'throws ($error)',
    mapping: { response_mapping: "\n  $error('no stats for ' & response.userId)" },
    message: /the server layer's response_mapping, line 2, column \d+: D3137 no stats for \d+/,
  },
  {
    name: 'loops for ever ($loop calling itself in tail position)',
    mapping: { response_mapping: '($loop := function($n) { $loop($n + 1) }; $loop(0))' },
    message: new RegExp(`response_mapping, line 1, column \\d+: U1001 ran longer than ${MAPPING_BOUNDS.timeMs} ms`),
  },
  {
    name: 'recurses without end',
    mapping: { response_mapping: '($deep := function($n) { 1 + $deep($n + 1) }; $deep(0))' },
    message: /response_mapping, line 1, column \d+: U1002 nested deeper than \d+/,
  },
  {
    name: 'returns a string',
    mapping: { response_mapping: 'response.userId' },
    message: /response_mapping: returned a string, not an object \(a unified record; return null to drop one\)/,
  },
  {
    name: 'returns an array',
    mapping: { response_mapping: '[response]' },
    message: /returned an array, not an object/,
  },
  {
    name: 'returns no value (a misspelt field)',
    mapping: { response_mapping: 'respons' },
    message: /returned no value, not an object/,
  },
  {
    name: 'has a query_mapping returning a number',
    mapping: { query_mapping: '42' },
    message: /the server layer's query_mapping: returned a number, not an object \(the body of Gong's POST/,
  },
  {
    name: 'has a query_mapping with a syntax error',
    mapping: { query_mapping: "{ 'filter': }" },
    message: /the server layer's query_mapping, line 1, column \d+: S0211/,
  },
];

describe('an override that fails is a 502, never a crash', () => {
  it.each(cases)('one that $name', async ({ mapping, message }) => {
    const { status, body, engine, url } = await answer(mapping);
    expect(status).toBe(502);
    expect(body).toMatchObject({ statusCode: 502, error: 'Bad Gateway', truto_is_remote_error: true });
    expect(body.message).toMatch(message);
    // Still serving: the same request gets the same clear answer.
    const again = await engine.answer({ method: 'GET', url, headers: { authorization: 'Bearer t' } });
    expect(again.status).toBe(502);
  });

  it('a response_mapping failure carries the Gong page it was given in raw_response', async () => {
    const { body } = await answer({ response_mapping: "$error('x')" });
    expect(body.raw_response).toMatchObject({
      peopleInteractionStats: expect.any(Array),
      timeZone: expect.any(String),
    });
  });

  it('returning null for every record gives an empty page, not an error', async () => {
    const { status, body } = await answer({ response_mapping: 'null' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ result: [], next_cursor: expect.any(String) });
  });

  it('an expression is compiled once per text, not per request', async () => {
    const { createGongMappings } = await import('../../src/mapping/gong-mappings.js');
    const { createJsonataLoader } = await import('../../src/mapping/jsonata-loader.js');
    let compiles = 0;
    const jsonata = (await import('jsonata')).default;
    const loader = createJsonataLoader({
      truto: () => Promise.reject(new Error('not installed')),
      jsonata: async () => ({
        default: (text: string) => {
          compiles += 1;
          return jsonata(text);
        },
      }),
    });
    const text = "$merge([response, { 'id': response.userId }])";
    const engine = createEngine({ now: NOW, mapping: { response_mapping: text } }, { jsonataLoader: loader });
    for (const limit of ['1', '2', '3']) {
      const got = await engine.answer({
        method: 'GET',
        url: unifiedUrl(october({ limit })),
        headers: { authorization: 'Bearer t' },
      });
      expect(got.status).toBe(200);
    }
    // Another engine on the same loader and text: still the one compilation.
    const other = createGongMappings({ server: { response_mapping: text }, loader });
    expect(await other.check()).toEqual([]);
    expect(compiles).toBe(1);
  });
});

describe('a page whose records together take too long', () => {
  it('is stopped once the page has taken longer than its bound, naming how far it got', async () => {
    // The engine's clock, moved on two seconds each time it is read: the page's records take
    // 2, 4, then 6 "seconds", and the bound is 5.
    let now = 0;
    const { status, body } = await answer({ response_mapping: 'response' }, { clock: () => (now += 2_000) });
    expect(status).toBe(502);
    expect(body.truto_is_remote_error).toBe(true);
    expect(body.message).toMatch(
      new RegExp(
        `the server layer's response_mapping: U1001 took longer than ${MAPPING_BOUNDS.pageTimeMs} ms for the page's records together and was stopped after 2 of 3`,
      ),
    );
  });

  it('does not stop a page that keeps within it', async () => {
    let now = 0;
    const { status } = await answer({ response_mapping: 'response' }, { clock: () => (now += 1_000) });
    expect(status).toBe(200);
  });
});
