/**
 * Builders of exchanges for the validateResponse tests: a good response by default, reshaped
 * in one place per case.
 */
import type { Diagnostic, ResponseExchange } from '../../src/contract/index.js';
import { JSON_HEADERS, STREAM_EXAMPLE, unifiedExample } from './spec-examples.js';

export interface Case {
  name: string;
  given: ResponseExchange;
  /** `rule pointer` of every diagnostic, in order. */
  want: string[];
}

export const json = (body: unknown) => JSON.stringify(body);

/** A 200 JSON answer to a GET of `path`. */
export const ok = (path: string, body: unknown, extra: Partial<ResponseExchange> = {}): ResponseExchange => ({
  method: 'GET',
  path,
  status: 200,
  headers: JSON_HEADERS,
  body: json(body),
  ...extra,
});

export const unifiedError = { statusCode: 400, error: 'Bad Request', message: 'start_time: is required' };

export const withoutField = (record: Record<string, unknown>, field: string) => {
  const { [field]: _dropped, ...rest } = record;
  return rest;
};

/** The unified example's record. */
export const record = () => unifiedExample('unified').result[0];
export const streamLines = (...records: unknown[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
export const streamRecord = () => JSON.parse(STREAM_EXAMPLE.trim());

/** Diagnostics as `rule pointer` lines. */
export const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.rule} ${d.pointer}`);
