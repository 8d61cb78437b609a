/**
 * A deeply nested Gong body is refused as "nested too deeply" with the limit, before parsing,
 * never with the engine's "Maximum call stack size exceeded"; through every door (the engine,
 * Express, the Node door), each answer the engine's byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/engine/json-nesting.js';
import { describeDoors, type DoorRequest } from '../helpers/doors.js';
import { GONG_AUTH, expectEveryDoorAsEngine, parsed } from '../helpers/door-checks.js';
import { ACCOUNT, NOW } from '../helpers/mock.js';

const stats = `/gong/${ACCOUNT}/v2/stats/interaction`;
const filter = '"filter":{"fromDate":"2026-10-01","toDate":"2026-11-01"}';

describe('nestsDeeperThan', () => {
  it.each([
    { given: '{}', depth: 1, want: false },
    { given: '{"a":[1]}', depth: 1, want: true },
    { given: '{"a":"[[[[{{{{"}', depth: 1, want: false },
    { given: '{"a":"\\"[[["}', depth: 1, want: false },
    { given: '[[]][[]]', depth: 2, want: false },
    { given: '[[[', depth: 2, want: true },
  ])('$given deeper than $depth -> $want', ({ given, depth, want }) => {
    expect(nestsDeeperThan(Buffer.from(given), depth)).toBe(want);
  });
});

const DEEP: [string, string][] = [
  ['30,000 arrays', '['.repeat(30_000) + ']'.repeat(30_000)],
  ['10,000 objects in one field', `{${filter},"x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`],
  ['one level past the limit', `{${filter},"x":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`],
];
const AT_THE_LIMIT = (() => {
  const depth = MAX_JSON_DEPTH - 2; // the outer object and the remote field count too
  return `{${filter},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
})();
const posted = (body: string): DoorRequest => ({
  method: 'POST',
  path: stats,
  headers: { ...GONG_AUTH, 'Content-Type': 'application/json' },
  body,
});

describeDoors('a deeply nested Gong body', { now: NOW }, (door) => {
  const post = async (body: string) => parsed(await door().send(posted(body)));

  it.each(DEEP)('%s -> 400 nested too deeply', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      requestId: expect.any(String),
      errors: [`The request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays`],
    });
  });

  it('a body at the limit is read as usual', async () => {
    const res = await post(AT_THE_LIMIT);
    expect(res.status).toBe(200);
  });
});

describe('a deeply nested Gong body, at the engine and on every door', () => {
  it('every door answers each as the engine does, byte for byte', async () => {
    await expectEveryDoorAsEngine({ now: NOW }, [...DEEP.map(([, body]) => posted(body)), posted(AT_THE_LIMIT)]);
  });

  it('a UTF-16 body is judged by its text, not its bytes', async () => {
    // Straight to the engine: supertest turns a Buffer into JSON when the type names JSON.
    const engine = createEngine();
    const utf16 = async (text: string) => {
      const body = Buffer.from(text, 'utf16le');
      const answer = await engine.answer({
        method: 'POST',
        url: stats,
        headers: {
          authorization: `Basic ${btoa('key:secret')}`,
          'content-type': 'application/json; charset=utf-16le',
          'content-length': String(body.length),
        },
        body,
      });
      return { status: answer.status, body: JSON.parse(String(answer.body)) as { errors?: string[] } };
    };
    const deep = await utf16('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    expect(deep.body.errors).toEqual([
      `The request body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays`,
    ]);
    // U+5B22 is one character whose UTF-16 bytes include '[' (0x5B): a string, not nesting.
    const shallow = await utf16(`{${filter},"x":"${'\u5b22'.repeat(4 * MAX_JSON_DEPTH)}"}`);
    expect(shallow.status).toBe(200);
  });
});
