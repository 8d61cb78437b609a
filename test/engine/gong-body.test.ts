/**
 * Gong's body rules on their own: whether there is a body, the media type and charset, the size
 * bound (given bytes or read by a reader), the decoding, the depth and the prototype keys.
 */
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, type EngineRequest } from '../../src/engine/engine-request.js';
import { MAX_GONG_BODY_BYTES, readGongJson } from '../../src/engine/gong-body.js';
import { MAX_JSON_DEPTH } from '../../src/engine/json-nesting.js';

const URL = '/gong/x/v2/stats/interaction';
const JSON_TYPE = { 'content-type': 'application/json' };

function post(headers: EngineRequest['headers'], body?: EngineRequest['body']): EngineRequest {
  return { method: 'POST', url: URL, headers, body };
}

const utf16le = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
  return bytes;
};

describe('readGongJson', () => {
  it.each<[string, EngineRequest, unknown]>([
    ['text', post(JSON_TYPE, '{"a":1}'), { value: { a: 1 } }],
    ['bytes', post(JSON_TYPE, new TextEncoder().encode('[1]')), { value: [1] }],
    ['a reader, framed by Content-Length', post({ ...JSON_TYPE, 'content-length': '2' }, async () => new TextEncoder().encode('{}')), { value: {} }],
    ['a reader, framed by Transfer-Encoding', post({ ...JSON_TYPE, 'transfer-encoding': 'chunked' }, async () => new TextEncoder().encode('7')), { value: 7 }],
    ['an empty body reads as {}', post(JSON_TYPE, ''), { value: {} }],
    ['an empty Content-Length reader reads as {}', post({ ...JSON_TYPE, 'content-length': '0' }), { value: {} }],
    ['type in any case, with spaces and params', post({ 'content-type': ' Application/JSON ; foo=bar' }, '1'), { value: 1 }],
    ['charset quoted, upper case', post({ 'content-type': 'application/json; Charset = "UTF-8"' }, '3'), { value: 3 }],
    ['UTF-16LE', post({ 'content-type': 'application/json; charset=utf-16le' }, utf16le('{"b":2}')), { value: { b: 2 } }],
    ['a param without = is skipped', post({ 'content-type': 'application/json; charset; x=1' }, '4'), { value: 4 }],
    ['a param named like charset but with no = is skipped', post({ 'content-type': 'application/json; charsetX' }, '5'), { value: 5 }],
    ['bytes that are no UTF-8, replaced rather than refused', post(JSON_TYPE, new Uint8Array([0x22, 0xff, 0x22])), { value: '\uFFFD' }],
    ['exactly the bound', post(JSON_TYPE, `"${'x'.repeat(MAX_GONG_BODY_BYTES - 2)}"`), { value: 'x'.repeat(MAX_GONG_BODY_BYTES - 2) }],
    ['nested exactly as deep as allowed', post(JSON_TYPE, '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)), { value: expect.any(Array) }],
  ])('reads %s', async (_name, request, want) => {
    expect(await readGongJson(request)).toEqual(want);
  });

  it.each<[string, EngineRequest, number, string]>([
    ['no Content-Type', post({}, '{}'), 400, 'Content-Type must be application/json, got ""'],
    ['another type', post({ 'content-type': 'text/plain' }, '{}'), 400, 'Content-Type must be application/json, got "text/plain"'],
    ['no body at all', post(JSON_TYPE), 400, 'Content-Type must be application/json, got "application/json"'],
    ['a reader with a Content-Length that is no number', post({ ...JSON_TYPE, 'content-length': 'abc' }, async () => new Uint8Array()), 400, 'Content-Type must be application/json, got "application/json"'],
    ['a charset that is not Unicode', post({ 'content-type': 'application/json; charset=latin1' }, '{}'), 400, 'The request body could not be read: unsupported charset "LATIN1"'],
    ['a charset quoted only in its middle', post({ 'content-type': 'application/json; charset=utf-"8"' }, '{}'), 400, 'The request body could not be read: unsupported charset "UTF-\"8\""'],
    ['utf8 without its dash (as Express read it)', post({ 'content-type': 'application/json; charset=utf8' }, '{}'), 400, 'The request body could not be read: unsupported charset "UTF8"'],
    ['a utf- charset no decoder knows', post({ 'content-type': 'application/json; charset=utf-9' }, '{}'), 400, 'The request body could not be read: unsupported charset "UTF-9"'],
    ['one byte over the bound', post(JSON_TYPE, 'x'.repeat(MAX_GONG_BODY_BYTES + 1)), 413, `The request body is larger than ${MAX_GONG_BODY_BYTES} bytes`],
    [
      'a reader refusing the size',
      post({ ...JSON_TYPE, 'content-length': '1' }, async () => {
        throw new BodyTooLargeError('too big');
      }),
      413,
      `The request body is larger than ${MAX_GONG_BODY_BYTES} bytes`,
    ],
    [
      'a reader failing otherwise',
      post({ ...JSON_TYPE, 'content-length': '1' }, async () => {
        throw new Error('socket hang up');
      }),
      400,
      'The request body could not be read: socket hang up',
    ],
    ['one level too deep', post(JSON_TYPE, '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)), 400, expect.stringContaining(`${MAX_JSON_DEPTH}`) as unknown as string],
    ['not JSON', post(JSON_TYPE, '{'), 400, expect.stringMatching(/^The request body is not valid JSON: /) as unknown as string],
    ['__proto__', post(JSON_TYPE, '{"__proto__":{}}'), 400, 'The request body is not valid JSON: key "__proto__" is not allowed'],
    ['constructor, nested', post(JSON_TYPE, '{"a":{"constructor":1}}'), 400, 'The request body is not valid JSON: key "constructor" is not allowed'],
    ['prototype', post(JSON_TYPE, '{"prototype":1}'), 400, 'The request body is not valid JSON: key "prototype" is not allowed'],
  ])('refuses %s', async (_name, request, status, error) => {
    expect(await readGongJson(request)).toEqual({ status, error });
  });

  it('hands a reader the bound', async () => {
    let asked: number | undefined;
    await readGongJson(post({ ...JSON_TYPE, 'content-length': '2' }, async (max) => ((asked = max), new TextEncoder().encode('{}'))));
    expect(asked).toBe(MAX_GONG_BODY_BYTES);
    expect(MAX_GONG_BODY_BYTES).toBe(65536);
  });

  it('measures depth on the decoded text of a UTF-16 body, not its bytes', async () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    const answer = await readGongJson(post({ 'content-type': 'application/json; charset=utf-16le' }, utf16le(deep)));
    expect(answer).toMatchObject({ status: 400 });
  });

  it("a body reader's refusal names itself in a log or a stack: BodyTooLargeError, with its message", () => {
    const error = new BodyTooLargeError('the body is larger than 10 bytes');
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toBe('BodyTooLargeError: the body is larger than 10 bytes');
  });
});
