/**
 * `truto_exclude_fields` removes the fields it names (dotted names reach nested ones) from
 * every record, in both documented spellings: `truto_exclude_fields[]=a&truto_exclude_fields[]=b`
 * and `truto_exclude_fields=a,b`. The fields are ones the first page actually carries.
 */
import { expectStatus, type CheckContext, type ConformanceCheck } from '../conformance-check.js';
import { hasField, quote, recordsOf } from '../records.js';
import type { QueryPairs } from '../unified-request.js';
import { formatPage } from './format-checks.js';

/** Fields worth excluding, in order of preference: one top-level, one nested. */
const CANDIDATES = ['timezone', 'user.emails', 'additional_metrics', 'metrics', 'aggregation_period', 'end_time'];

async function checkSpelling(context: CheckContext, fields: readonly string[], spelling: QueryPairs): Promise<void> {
  const answer = await context.get({
    query: [
      ...context.window,
      ['limit', String(context.options.limit)],
      ['truto_response_format', 'unified'],
      ...spelling,
    ],
  });
  if (!expectStatus(context, answer, 200)) return;
  const records = recordsOf(answer.json);
  if (records === undefined) {
    context.fail(`${answer.request} has no result array`);
    return;
  }
  const asked = spelling.map(([key, value]) => `${key}=${value}`).join('&');
  const kept = records.flatMap((record, index) =>
    fields.filter((field) => hasField(record, field)).map((field) => ({ index, field })),
  );
  for (const { index, field } of kept.slice(0, 5)) {
    context.fail(`record ${index} still has ${field} although ${asked} excluded it`);
  }
  if (kept.length > 5) context.fail(`… and ${kept.length - 5} more excluded fields still present`);
  const lostId = records.findIndex((record) => !hasField(record, 'id'));
  if (lostId !== -1) context.fail(`record ${lostId} lost its id, which ${asked} did not exclude`);
}

export const excludeFieldsCheck: ConformanceCheck = {
  id: 'exclude-fields',
  title: 'truto_exclude_fields removes the named fields from every record',
  kind: 'behaviour',
  async run(context) {
    const base = await formatPage(context, 'unified');
    const first = base.status === 200 ? recordsOf(base.json)?.[0] : undefined;
    if (first === undefined) {
      context.skip('the first page has no records to compare with (see format-unified)');
      return;
    }
    const fields = CANDIDATES.filter((field) => hasField(first, field)).slice(0, 2);
    if (fields.length === 0) {
      context.skip(`the records carry none of ${CANDIDATES.map((field) => quote(field)).join(', ')}`);
      return;
    }
    await checkSpelling(
      context,
      fields,
      fields.map((field) => ['truto_exclude_fields[]', field] as const),
    );
    await checkSpelling(context, fields, [['truto_exclude_fields', fields.join(',')]]);
  },
};
