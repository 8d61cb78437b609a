/**
 * The ways a request to the target can get no answer: the target cannot be reached at all
 * (a run stops there, and `verify` exits 2), it did not answer in time, or it broke the
 * connection instead of answering (those fail the check that asked).
 */

/** No connection to the target: refused, unknown host, no route, or a TLS handshake that failed. */
export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}

/** No complete answer within the request timeout. */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
}

/** Error codes that mean no connection could be made (node's net/dns/tls and undici's). */
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** What a failed fetch says: its low-level code (first of an AggregateError's) and a readable reason. */
export function fetchFailure(error: unknown): { code: string | undefined; reason: string; connect: boolean } {
  const cause = ((error as ErrorLike | undefined)?.cause ?? error) as ErrorLike | undefined;
  const inner = Array.isArray(cause?.errors) ? (cause.errors[0] as ErrorLike | undefined) : undefined;
  const code = [cause?.code, inner?.code].find((candidate): candidate is string => typeof candidate === 'string');
  const detail = [cause?.message, inner?.message, (error as ErrorLike | undefined)?.message].find(
    (candidate): candidate is string => typeof candidate === 'string' && candidate !== '',
  );
  const reason =
    code !== undefined && detail !== undefined
      ? detail.includes(code)
        ? detail
        : `${code}: ${detail}`
      : (code ?? detail ?? String(error));
  return { code, reason, connect: code !== undefined && CONNECT_FAILURES.has(code) };
}
