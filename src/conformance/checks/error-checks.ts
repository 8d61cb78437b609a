/**
 * The documented errors a client can provoke without harm, each with the status it must get
 * and a body in the contract's error shape.
 */
import { expectStatus, type CheckContext, type ConformanceCheck } from '../conformance-check.js';
import type { QueryPairs, UnifiedRequest } from '../unified-request.js';

interface ErrorCase {
  id: string;
  title: string;
  status: number;
  request(context: CheckContext): UnifiedRequest;
}

const without = (query: QueryPairs, name: string): QueryPairs => query.filter(([key]) => key !== name);
const replacing = (query: QueryPairs, name: string, value: string): QueryPairs =>
  query.map(([key, old]) => [key, key === name ? value : old] as const);

/** Not a cursor any API returned: neither base64url JSON nor signed. */
export const GARBAGE_CURSOR = 'interactions-kit:not-a-cursor';

const ERRORS: readonly ErrorCase[] = [
  {
    id: 'error-no-token',
    title: 'a request without a token gets 401',
    status: 401,
    request: (context) => ({ query: context.window, auth: false }),
  },
  {
    id: 'error-missing-start-time',
    title: 'a request without start_time gets 400',
    status: 400,
    request: (context) => ({ query: without(context.window, 'start_time') }),
  },
  {
    id: 'error-missing-end-time',
    title: 'a request without end_time gets 400',
    status: 400,
    request: (context) => ({ query: without(context.window, 'end_time') }),
  },
  {
    id: 'error-unknown-account',
    title: 'an integrated_account_id no account has gets 404',
    status: 404,
    request: (context) => ({
      query: replacing(context.window, 'integrated_account_id', context.options.unknownAccount),
    }),
  },
  {
    id: 'error-bad-cursor',
    title: 'a garbage next_cursor gets 400',
    status: 400,
    request: (context) => ({ query: [...context.window, ['next_cursor', GARBAGE_CURSOR]] }),
  },
];

export const errorChecks: ConformanceCheck[] = ERRORS.map((error): ConformanceCheck => ({
  id: error.id,
  title: error.title,
  kind: 'schema',
  async run(context) {
    expectStatus(context, await context.get(error.request(context)), error.status);
  },
}));
