/**
 * The unified API's error bodies, request in, body out: the table of status names, the
 * missing-parameter insight, and a Gong error as the unified API reports it (status, message,
 * forwarded and reported rate-limit headers).
 */
import { describe, expect, it } from 'vitest';
import { gongError } from '../../src/gong/gong-result.js';
import { remoteError } from '../../src/unified/remote-error.js';
import { invalidParameters, missingParameters, STATUS_NAMES, unifiedError } from '../../src/unified/unified-error.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

describe('unifiedError', () => {
  it.each<[number, string]>([
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [405, 'Method Not Allowed'],
    [408, 'Request Timeout'],
    [413, 'Payload Too Large'],
    [414, 'URI Too Long'],
    [415, 'Unsupported Media Type'],
    [422, 'Unprocessable Entity'],
    [429, 'Too Many Requests'],
    [431, 'Request Header Fields Too Large'],
    [500, 'Internal Server Error'],
    [502, 'Bad Gateway'],
    [503, 'Service Unavailable'],
    [504, 'Gateway Timeout'],
    [418, 'Error'],
  ])('%i is "%s"', (status, name) => {
    expect(unifiedError(status, 'why')).toEqual({
      status,
      headers: {},
      body: { statusCode: status, error: name, message: 'why' },
    });
  });

  it('names exactly the statuses it has a name for', () => {
    expect(Object.keys(STATUS_NAMES).map(Number)).toEqual([
      400, 401, 403, 404, 405, 408, 413, 414, 415, 422, 429, 431, 500, 502, 503, 504,
    ]);
  });

  it('adds the extra fields and the headers given', () => {
    expect(unifiedError(429, 'slow down', { truto_is_remote_error: true }, { 'retry-after': '3' })).toEqual({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { statusCode: 429, error: 'Too Many Requests', message: 'slow down', truto_is_remote_error: true },
    });
  });

  it('missingParameters names every one, with the insight', () => {
    expect(missingParameters(['start_time', 'end_time'])).toEqual({
      status: 400,
      headers: {},
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Missing required query parameters: start_time, end_time',
        truto_error_insight: {
          missing_required_query_parameters: {
            description: 'These query parameters are required for this integration.',
            value: ['start_time', 'end_time'],
          },
        },
      },
    });
  });

  it('invalidParameters joins the problems', () => {
    expect(invalidParameters(['limit: bad', 'end_time: bad']).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'limit: bad; end_time: bad',
    });
  });
});

describe('remoteError', () => {
  it.each<[number, number, string]>([
    [400, 422, 'The remote API rejected the request: e1; e2'],
    [401, 401, "The remote API rejected the integrated account's credentials; re-authenticate the account: e1; e2"],
    [403, 403, 'The remote API refused access; the integrated account lacks a required scope: e1; e2'],
    [404, 404, 'The remote API rejected the request: e1; e2'],
    [422, 422, 'The remote API rejected the request: e1; e2'],
    [429, 429, 'The remote API rate limit was exceeded: e1; e2'],
    [500, 502, 'The remote API returned an unexpected response: e1; e2'],
    [502, 502, 'The remote API returned an unexpected response: e1; e2'],
    [503, 502, 'The remote API returned an unexpected response: e1; e2'],
    [504, 504, 'The remote API did not answer in time: e1; e2'],
    [418, 502, 'The remote API returned an unexpected response: e1; e2'],
  ])('Gong %i is a unified %i', (gongStatus, status, message) => {
    const failure = gongError(gongStatus, 'req-1', ['e1', 'e2']);
    expect(remoteError(failure)).toStrictEqual({
      status,
      headers: {},
      body: {
        statusCode: status,
        error: STATUS_NAMES[status],
        message,
        truto_is_remote_error: true,
        raw_response: { requestId: 'req-1', errors: ['e1', 'e2'] },
      },
    });
  });

  it('forwards the rate-limit headers Gong sent, and says when to retry', () => {
    const failure = gongError(429, 'r', ['too many'], {
      'retry-after': '7',
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '7',
      'x-other': 'kept out',
    });
    const error = remoteError(failure);
    expect(error.headers).toEqual({
      'retry-after': '7',
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '7',
    });
    expect(error.body.message).toBe('The remote API rate limit was exceeded; retry after 7 seconds (too many)');
    expect(failure.headers).toEqual({
      ...JSON_TYPE,
      'retry-after': '7',
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '7',
      'x-other': 'kept out',
    });
  });

  it('says "1 second", not "1 seconds"', () => {
    const error = remoteError(gongError(429, 'r', ['too many'], { 'retry-after': '1' }));
    expect(error.body.message).toBe('The remote API rate limit was exceeded; retry after 1 second (too many)');
    expect(error.headers).toEqual({ 'retry-after': '1' });
  });

  it('reports the limit that refused the call when Gong sent no rate-limit headers', () => {
    const failure = {
      ...gongError(429, 'r', ['too many'], { 'retry-after': '2' }),
      rateLimit: { limit: 5, resetSeconds: 2 },
    };
    expect(remoteError(failure).headers).toEqual({
      'retry-after': '2',
      'ratelimit-limit': '5',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '2',
    });
  });

  it("keeps Gong's own rate-limit headers over the limit it knows", () => {
    const failure = {
      ...gongError(429, 'r', ['too many'], { 'ratelimit-limit': '9', 'ratelimit-reset': '4' }),
      rateLimit: { limit: 5, resetSeconds: 2 },
    };
    expect(remoteError(failure).headers).toEqual({ 'ratelimit-limit': '9', 'ratelimit-reset': '4' });
  });
});
