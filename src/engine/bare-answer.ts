/**
 * An answer of fixed bytes (before the delay and journal are added), and JSON answers of that
 * kind: what every part of the engine's routing builds its answers from.
 */
import type { EngineAnswer } from './engine-request.js';

/** The content type of every JSON answer. */
/**
 * @example
 * headers['content-type'] = JSON_CONTENT_TYPE;
 */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * An answer of fixed bytes, before the delay and journal are added.
 *
 * @example
 * const answer: BareAnswer = jsonAnswer(404, {}, { message: 'no route' });
 */
export type BareAnswer = Omit<EngineAnswer, 'delayMs' | 'journal'> & { scenario?: string | undefined };

/**
 * `headers` with JSON's content type unless they name one (after the others, as it is sent).
 *
 * @example
 * withJsonType({ allow: 'GET' }); // { allow: 'GET', 'content-type': 'application/json; charset=utf-8' }
 */
export function withJsonType(headers: Record<string, string>): Record<string, string> {
  return 'content-type' in headers ? headers : { ...headers, 'content-type': JSON_CONTENT_TYPE };
}

/**
 * A JSON answer of an error or other fixed body.
 *
 * @example
 * jsonAnswer(400, {}, { message: 'bad' }).headers['content-type']; // 'application/json; charset=utf-8'
 */
export function jsonAnswer(status: number, headers: Record<string, string>, body: unknown): BareAnswer {
  return { status, headers: withJsonType(headers), body: JSON.stringify(body), cacheable: false };
}
