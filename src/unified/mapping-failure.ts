/**
 * What went wrong with a mapping expression, as data: which layer and kind, where in the
 * expression, and why. The unified API answers it with a 502 in the remote-error shape (the
 * mapping sits where the remote's answer is read); the CLI prints it with the file's name.
 */
import { unifiedError, type UnifiedErrorResult } from './unified-error.js';
import type { MappingKind, MappingLayer } from './mapping-texts.js';

/**
 * One failed expression: at compile time (syntax, a function that needs a package) or when it
 * ran (threw, ran too long, returned something that is not a record).
 *
 * @example
 * const failure: MappingFailure = { layer: 'account', kind: 'response_mapping', message: 'returned a string, not an object' };
 */
export interface MappingFailure {
  layer: MappingLayer;
  kind: MappingKind;
  /** Why, in words. */
  message: string;
  /** JSONata's error code, when JSONata gave one (`S0202`, `T2002`, `U1001` ...). */
  code?: string;
  /** 1-based line and column in the expression's text, when JSONata named a position. */
  line?: number;
  column?: number;
}

/** Whether a value is a MappingFailure (results carry either data or one). */
export function isMappingFailure(value: unknown): value is MappingFailure {
  return typeof value === 'object' && value !== null && 'layer' in value && 'kind' in value && 'message' in value;
}

/** Line and column (1-based) of a JSONata position (1-based offset of the token's end). */
export function placeInText(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length))).split(/\r\n|\r|\n/);
  return { line: before.length, column: Math.max(1, before[before.length - 1]?.length ?? 1) };
}

/**
 * `the account layer's response_mapping, line 1, column 9: T2002 ...`.
 *
 * @example
 * describeMappingFailure({ layer: 'server', kind: 'query_mapping', message: 'returned a number, not an object' });
 */
export function describeMappingFailure(failure: MappingFailure): string {
  const place = failure.line === undefined ? '' : `, line ${failure.line}, column ${failure.column ?? 1}`;
  const code = failure.code === undefined ? '' : `${failure.code} `;
  return `the ${failure.layer} layer's ${failure.kind}${place}: ${code}${failure.message}`;
}

/**
 * The unified API's answer to a failed mapping: a 502 remote-style error naming the layer,
 * the kind and the place, with the Gong data the expression was given in `raw_response`.
 *
 * @example
 * mappingError(failure, person).status; // 502
 */
export function mappingError(failure: MappingFailure, rawResponse: unknown): UnifiedErrorResult {
  return unifiedError(502, `The integration's mapping failed: ${describeMappingFailure(failure)}`, {
    truto_is_remote_error: true,
    raw_response: rawResponse ?? null,
  });
}
