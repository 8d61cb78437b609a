/**
 * A wire scenario applied to an answer, as data: `malformed-body` replaces the bytes (the
 * engine can say them itself), the others mark the answer with the WireFault a door carries out.
 */
import type { AskedScenario } from '../faults/request-scenario.js';
import { MALFORMED_BODY, wireFaultOf } from '../faults/wire-fault.js';
import { JSON_CONTENT_TYPE, type BareAnswer } from './bare-answer.js';

/**
 * The answer as the scenario asked leaves it: unchanged for a scenario that is no wire fault.
 *
 * @example
 * withWireFault(answer, { scenario: 'slow-body', durationMs: 2000 }).wire; // { kind: 'slow-body', durationMs: 2000 }
 */
export function withWireFault(answer: BareAnswer, asked: AskedScenario): BareAnswer {
  if (asked.scenario === 'malformed-body') {
    // A stream's pages are never read: close them so their making stops here.
    void answer.pages?.[Symbol.asyncIterator]().return?.();
    return {
      status: 200,
      headers: { 'content-type': JSON_CONTENT_TYPE },
      body: MALFORMED_BODY,
      cacheable: false,
      scenario: asked.scenario,
    };
  }
  const wire = wireFaultOf(asked.scenario, asked.durationMs);
  return wire === undefined ? answer : { ...answer, cacheable: false, wire };
}
