/**
 * No request of the run, good or bad, got a 5xx: bad input gets a 4xx, never a crash.
 * Runs last and reads every request the other checks made.
 */
import type { ConformanceCheck } from '../conformance-check.js';

export const noServerErrorsCheck: ConformanceCheck = {
  id: 'no-server-errors',
  title: 'no request of the run got a 5xx',
  kind: 'behaviour',
  async run(context) {
    const answered = context.requests.filter((request) => request.status !== null);
    if (answered.length === 0) {
      context.skip('no other check asked the target anything');
      return;
    }
    for (const request of answered.filter((candidate) => candidate.status! >= 500)) {
      context.fail(`${request.status} from GET ${request.url}`);
    }
  },
};
