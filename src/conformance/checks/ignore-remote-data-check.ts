/**
 * `truto_ignore_remote_data=true` drops `remote_data` from every record.
 */
import { expectStatus, type ConformanceCheck } from '../conformance-check.js';
import { hasField, recordsOf } from '../records.js';

export const ignoreRemoteDataCheck: ConformanceCheck = {
  id: 'ignore-remote-data',
  title: 'truto_ignore_remote_data=true drops remote_data from every record',
  kind: 'behaviour',
  async run(context) {
    const answer = await context.get({
      query: [...context.window, ['limit', String(context.options.limit)], ['truto_ignore_remote_data', 'true']],
    });
    if (!expectStatus(context, answer, 200)) return;
    const records = recordsOf(answer.json);
    if (records === undefined) {
      context.fail(`${answer.request} has no result array`);
      return;
    }
    if (records.length === 0) {
      context.skip('the page has no records; choose a window with data');
      return;
    }
    const carrying = records.flatMap((record, index) => (hasField(record, 'remote_data') ? [index] : []));
    if (carrying.length > 0) {
      context.fail(
        `${carrying.length} of ${records.length} records still carry remote_data (records ${carrying.slice(0, 5).join(', ')}${carrying.length > 5 ? ', …' : ''})`,
      );
    }
  },
};
