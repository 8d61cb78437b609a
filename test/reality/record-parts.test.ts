/**
 * The parts of `record` that a live target rarely shows: a 429 waited out for its
 * `Retry-After`, a token echoed back in a body or a header, the progress told step by step,
 * and request keys that ignore what does not change the page.
 */
import { describe, expect, it } from 'vitest';
import { createCapturingFetch, retryAfterSeconds, type CapturedExchange } from '../../src/reality/capturing-fetch.js';
import { recordTarget } from '../../src/reality/record-target.js';
import { redactExchange } from '../../src/reality/redact-exchange.js';
import { requestKey } from '../../src/replay/request-key.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { ACCOUNT, NOW, UNIFIED_PATH } from '../helpers/mock.js';

const BASE = 'http://target.example';

describe('a 429 while recording', () => {
  it('is waited out for Retry-After seconds and asked again; only the answer is kept', async () => {
    const answers = [
      new Response('{"statusCode":429,"error":"Too Many Requests","message":"slow down"}', {
        status: 429,
        headers: { 'retry-after': '3' },
      }),
      new Response('{"statusCode":429,"error":"Too Many Requests","message":"slow down"}', { status: 429 }),
      new Response('{"result":[],"next_cursor":null}', {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    ];
    const waits: number[] = [];
    const kept: CapturedExchange[] = [];
    const capture = createCapturingFetch({
      baseUrl: BASE,
      onExchange: (exchange) => kept.push(exchange),
      fetch: async () => answers.shift()!,
      sleep: async (ms) => void waits.push(ms),
    });
    const res = await capture(`${BASE}${UNIFIED_PATH}?limit=1`, { headers: { authorization: 'Bearer x' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"result":[],"next_cursor":null}');
    expect(waits).toEqual([3000, 1000]);
    expect(kept.map((exchange) => exchange.fixture.response.status)).toEqual([200]);
    expect(kept[0]!.fixture.request).toMatchObject({
      path: UNIFIED_PATH,
      url: `${UNIFIED_PATH}?limit=1`,
      query: { limit: '1' },
    });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(null)).toBe(1);
    expect(retryAfterSeconds(new Date(60_000).toUTCString(), 0)).toBe(60);
  });
});

describe('redaction of a recorded exchange', () => {
  const token = 'tok-3f9a1c2b77';
  it('hides the token wherever the target echoes it, and secret headers and fields', () => {
    const { fixture, bodyText } = redactExchange(
      {
        description: 'x',
        request: {
          method: 'GET',
          path: UNIFIED_PATH,
          url: `${UNIFIED_PATH}?access_token=${token}&limit=2`,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        },
        response: {
          status: 200,
          headers: { 'x-echo': `you sent ${token}`, 'set-cookie': 'sid=abc', 'content-type': 'application/json' },
        },
      },
      JSON.stringify({ result: [], echo: token, api_key: 'k-1', next_cursor: null }),
      [token],
    );
    const text = JSON.stringify(fixture) + bodyText;
    expect(text).not.toContain(token);
    expect(fixture.request.headers.authorization).toBe('Bearer [REDACTED]');
    expect(fixture.request.url).toBe(`${UNIFIED_PATH}?access_token=[REDACTED]&limit=2`);
    expect(fixture.response.headers['set-cookie']).toBe('[REDACTED]');
    expect(JSON.parse(bodyText)).toEqual({ result: [], echo: '[REDACTED]', api_key: '[REDACTED]', next_cursor: null });
  });

  it('keeps a body without secrets byte for byte', () => {
    const body = '{"result":[{"id":"1_2026-10-01_2026-11-01","user":{"id":"1"}}],"next_cursor":"eyJhIjoxfQ"}';
    const { bodyText } = redactExchange(
      {
        description: 'x',
        request: { method: 'GET', path: '/', url: '/', headers: {} },
        response: { status: 200, headers: {} },
      },
      body,
      [token],
    );
    expect(bodyText).toBe(body);
  });
});

describe('request keys', () => {
  const auth = { authorization: 'Bearer one' };
  it('ignore parameter order, the token value, an empty next_cursor and the cursor’s base64 spelling', () => {
    const key = (url: string, headers: Record<string, string> = auth) => requestKey('GET', url, headers).text;
    expect(key('/u?a=1&b=2')).toBe(key('/u?b=2&a=1', { Authorization: 'Bearer two' }));
    expect(key('/u?a=1&next_cursor=')).toBe(key('/u?a=1'));
    expect(key('/u?next_cursor=ab%2Bc%2F%3D%3D')).toBe(key('/u?next_cursor=ab-c_'));
    expect(key('/u?a=%5B1%5D')).toBe(key('/u?a=[1]'));
  });

  it('tell apart what changes the answer: a value, a parameter, the token’s presence', () => {
    const key = (url: string, headers: Record<string, string> = auth) => requestKey('GET', url, headers).text;
    expect(key('/u?a=1')).not.toBe(key('/u?a=2'));
    expect(key('/u?a=1')).not.toBe(key('/u?a=1&b=1'));
    expect(key('/u?a=1')).not.toBe(key('/u?a=1', {}));
  });
});

describe('recordTarget against the engine in-process', () => {
  it('tells its progress step by step, to the end, and keeps each request once', async () => {
    const engine = createEngine({ now: NOW });
    const fetchEngine: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      const answer = await engine.answer({
        method: init?.method ?? 'GET',
        url: url.pathname + url.search,
        headers: Object.fromEntries(new Headers(init?.headers)),
      });
      let text = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
      if (answer.pages !== undefined) for await (const chunk of answer.pages) text += chunk;
      return new Response(text, { status: answer.status, headers: answer.headers });
    };
    const progress: Array<[number, number]> = [];
    const recording = await recordTarget(
      {
        baseUrl: BASE,
        token: 'in-process-token',
        account: ACCOUNT,
        start: '2026-10-01T00:00:00Z',
        end: '2026-11-01T00:00:00Z',
      },
      {
        fetch: fetchEngine,
        formats: ['raw', 'stream'],
        onProgress: (done, total) => void progress.push([done, total]),
      },
    );
    expect(progress).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    const keys = recording.exchanges.map(
      ({ fixture }) => requestKey(fixture.request.method, fixture.request.url, fixture.request.headers).text,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(recording.info).toMatchObject({ account: ACCOUNT, formats: ['raw', 'stream'], limit: 25 });
    expect(
      recording.exchanges.some(({ fixture }) => fixture.request.url.includes('truto_response_format=stream')),
    ).toBe(true);
  });
});
