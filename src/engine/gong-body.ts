/**
 * Gong's rules for a request body: JSON (`Content-Type: application/json`), at most 64 KiB,
 * UTF-8 or another Unicode encoding, no deeper than MAX_JSON_DEPTH, and no prototype-shaped
 * keys. Read the way Express's JSON parser read it, so the answers did not change when the
 * rules moved into the engine.
 */
import { BodyTooLargeError, type EngineRequest } from './engine-request.js';
import { JsonTooDeepError, MAX_JSON_DEPTH, nestsDeeperThan } from './json-nesting.js';
import { headerText } from './route-path.js';

/** Largest Gong request body read. */
export const MAX_GONG_BODY_BYTES = 64 * 1024;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse reviver: a body with prototype-shaped keys is refused outright, never merged. */
function refuseUnsafeKeys(key: string, value: unknown): unknown {
  if (UNSAFE_KEYS.has(key)) throw new SyntaxError(`key ${JSON.stringify(key)} is not allowed`);
  return value;
}

/** A body Gong cannot take: the status and the sentence of its error. */
export interface BodyProblem {
  status: number;
  error: string;
}

/**
 * Whether a request has a body at all: one given as text or bytes has; one read from a socket
 * has one when HTTP frames it (a door that passes a reader may not know before reading).
 */
function hasBody({ headers, body }: EngineRequest): boolean {
  if (typeof body === 'string' || body instanceof Uint8Array) return true;
  const length = headerText(headers['content-length']);
  return headers['transfer-encoding'] !== undefined || (length !== undefined && !Number.isNaN(Number(length)));
}

/** The media type and charset of a Content-Type header, lower case. */
function mediaType(header: string | undefined): { type: string; charset: string | undefined } {
  if (header === undefined) return { type: '', charset: undefined };
  const [type = '', ...params] = header.split(';');
  let charset: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq !== -1 && param.slice(0, eq).trim().toLowerCase() === 'charset')
      charset = param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

async function bodyBytes(request: EngineRequest): Promise<Uint8Array> {
  const { body } = request;
  if (body === undefined) return new Uint8Array(0);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  return body(MAX_GONG_BODY_BYTES);
}

/**
 * The parsed JSON body of a Gong request, or the problem with it.
 *
 * @example
 * await readGongJson({ method: 'POST', url, headers: { 'content-type': 'application/json', 'content-length': '2' }, body: '{}' });
 * // { value: {} }
 */
export async function readGongJson(request: EngineRequest): Promise<{ value: unknown } | BodyProblem> {
  const contentType = headerText(request.headers['content-type']);
  const { type, charset = 'utf-8' } = mediaType(contentType);
  if (!hasBody(request) || type !== 'application/json')
    return { status: 400, error: `Content-Type must be application/json, got ${JSON.stringify(contentType ?? '')}` };
  if (!charset.startsWith('utf-'))
    return {
      status: 400,
      error: `The request body could not be read: unsupported charset "${charset.toUpperCase()}"`,
    };
  let bytes: Uint8Array;
  try {
    bytes = await bodyBytes(request);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return { status: 413, error: `The request body is larger than ${MAX_GONG_BODY_BYTES} bytes` };
    return { status: 400, error: `The request body could not be read: ${(error as Error).message}` };
  }
  if (bytes.length > MAX_GONG_BODY_BYTES)
    return { status: 413, error: `The request body is larger than ${MAX_GONG_BODY_BYTES} bytes` };
  let text: string;
  try {
    text = new TextDecoder(charset, { fatal: false }).decode(bytes);
  } catch {
    return {
      status: 400,
      error: `The request body could not be read: unsupported charset "${charset.toUpperCase()}"`,
    };
  }
  // Depth first: JSON.parse with a reviver recurses, and a deep body would overflow the stack.
  const utf8 = /^utf-?8$/.test(charset) ? bytes : new TextEncoder().encode(text);
  if (nestsDeeperThan(utf8, MAX_JSON_DEPTH))
    return { status: 400, error: new JsonTooDeepError(MAX_JSON_DEPTH).message };
  if (bytes.length === 0) return { value: {} };
  try {
    return { value: JSON.parse(text, refuseUnsafeKeys) };
  } catch (error) {
    return { status: 400, error: `The request body is not valid JSON: ${(error as Error).message}` };
  }
}
