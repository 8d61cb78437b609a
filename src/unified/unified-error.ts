/**
 * The unified API's error bodies, built from one table of templates so every 4xx and 5xx has
 * the real shape: `{ statusCode, error, message }`, plus `truto_error_insight` for missing
 * parameters and `truto_is_remote_error` + `raw_response` for errors that came from Gong.
 */
import type { UnifiedError } from '../schema-types.js';

/** The status names the unified API puts in `error`. */
export const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  431: 'Request Header Fields Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A unified error response: status, headers and the real error body. */
export interface UnifiedErrorResult {
  status: number;
  headers: Record<string, string>;
  body: UnifiedError;
}

/** An error in the real shape. */
export function unifiedError(
  status: number,
  message: string,
  extra: Partial<UnifiedError> = {},
  headers: Record<string, string> = {},
): UnifiedErrorResult {
  return {
    status,
    headers,
    body: { statusCode: status, error: STATUS_NAMES[status] ?? 'Error', message, ...extra },
  };
}

/** 400 naming every required parameter that is missing, with Truto's insight object. */
export function missingParameters(names: string[]): UnifiedErrorResult {
  return unifiedError(400, `Missing required query parameters: ${names.join(', ')}`, {
    truto_error_insight: {
      missing_required_query_parameters: {
        description: 'These query parameters are required for this integration.',
        value: names,
      },
    },
  });
}

/** 400 for parameters that are present but wrong; each problem names its parameter. */
export function invalidParameters(problems: string[]): UnifiedErrorResult {
  return unifiedError(400, problems.join('; '));
}
