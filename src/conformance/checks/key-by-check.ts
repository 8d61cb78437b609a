/**
 * `truto_key_by=id` turns `result` into an object whose keys are the records' ids.
 */
import type { ConformanceCheck } from '../conformance-check.js';
import { quote } from '../records.js';
import { formatPage } from './format-checks.js';

export const keyByCheck: ConformanceCheck = {
  id: 'key-by',
  title: 'truto_key_by=id keys result by each record’s id',
  kind: 'behaviour',
  async run(context) {
    const answer = await formatPage(context, 'key-by');
    if (answer.status !== 200) {
      context.skip(`the keyed page answered ${answer.status} (see format-key-by)`);
      return;
    }
    const result = (answer.json as { result?: unknown } | undefined)?.result;
    if (typeof result !== 'object' || result === null || Array.isArray(result)) {
      context.fail(`result is ${Array.isArray(result) ? 'an array' : quote(result)}, not an object keyed by id`);
      return;
    }
    const entries = Object.entries(result as Record<string, unknown>);
    if (entries.length === 0) {
      context.skip('the keyed page has no records; choose a window with data');
      return;
    }
    const wrong = entries.filter(([key, record]) => String((record as { id?: unknown } | null)?.id) !== key);
    for (const [key, record] of wrong.slice(0, 5)) {
      context.fail(`key ${quote(key)} holds the record with id ${quote((record as { id?: unknown } | null)?.id)}`);
    }
    if (wrong.length > 5) context.fail(`… and ${wrong.length - 5} more keys that are not their record’s id`);
  },
};
