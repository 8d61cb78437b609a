import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GongPersonInteractionStats, Interaction } from '../schema-types.js';
import { createEngine } from '../engine/create-engine.js';
import { formatIsoDate, parseIsoDate } from '../world/calendar.js';
import { GONG_STAT_NAMES } from '../world/interaction-stats.js';
import { answerJson, interactionJson, interactionLines } from './interaction-json.js';
import { fitsTemplate } from './interaction-template.js';
import { listInteractions } from './list-interactions.js';
import { toInteraction } from './map-interaction-stats.js';

const NOW = '2026-11-24T00:00:00Z';
type Json = Record<string, unknown>;
const HEALTHY = ['62f44730-dd91-461e-bd6a-aedd9e0ad79d', '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17'];
const FIRST = parseIsoDate('2024-01-01') as number;
const LAST = parseIsoDate('2026-11-20') as number;
const WINDOW = {
  fromDateTime: '2026-10-01T00:00:00-07:00',
  toDateTime: '2026-11-01T00:00:00-07:00',
  timeZone: 'America/Los_Angeles',
};

function person(userId: string, email: string, values: number[]): GongPersonInteractionStats {
  return {
    userId,
    userEmailAddress: email,
    personInteractionStats: GONG_STAT_NAMES.map((name, i) => ({ name, value: values[i] as number })),
  };
}

/** The query strings a client may send, over every format and record option. */
const queries = fc
  .record({
    seed: fc.integer({ min: 0, max: 1000 }),
    account: fc.constantFrom(...HEALTHY),
    from: fc.integer({ min: FIRST, max: LAST - 1 }),
    length: fc.integer({ min: 1, max: 60 }),
    limit: fc.integer({ min: 1, max: 100 }),
    extra: fc.constantFrom(
      '',
      '&truto_response_format=unified',
      '&truto_response_format=normalized',
      '&truto_response_format=raw',
      '&truto_response_format=debug',
      '&truto_key_by=id',
      '&truto_exclude_fields=metrics.patience',
      '&truto_exclude_fields=user.emails',
      '&truto_ignore_remote_data=true',
    ),
  })
  .map(({ seed, account, from, length, limit, extra }) => ({
    seed,
    rawQuery:
      `integrated_account_id=${account}&start_time=${formatIsoDate(from)}T00:00:00Z` +
      `&end_time=${formatIsoDate(Math.min(from + length, LAST))}T00:00:00Z&limit=${limit}${extra}`,
  }));

describe('interactionJson and answerJson', () => {
  it('write every answer body byte for byte as JSON.stringify does, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(queries, async ({ seed, rawQuery }) => {
        const { context, gong } = createEngine({ seed, now: NOW });
        const answer = await listInteractions(context, gong, { rawQuery, origin: 'http://127.0.0.1:4010' });
        if (answer.kind !== 'json') throw new Error('no stream was asked for');
        expect(answerJson(answer.body)).toBe(JSON.stringify(answer.body));
      }),
      { numRuns: 150 },
    );
  });

  it('take the template for every record toInteraction makes, so the fast path is not silently lost', () => {
    const record = toInteraction(
      person('713552277022972', 'eliza@acme-widgets.com', [202, 87, 5.57, 0.83, 7.36, 0.62]),
      WINDOW,
    );
    expect(fitsTemplate(record)).toBe(true);
    expect(interactionJson(record)).toBe(JSON.stringify(record));
  });

  it('match JSON.stringify for any strings and numbers in the template shape', () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(-0));
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'binary' }),
        fc.array(value, { minLength: 6, maxLength: 6 }),
        fc.record({ fromDateTime: fc.string(), toDateTime: fc.string(), timeZone: fc.string({ unit: 'binary' }) }),
        (userId, email, values, window) => {
          const record = toInteraction(person(userId, email, values), window);
          expect(interactionJson(record)).toBe(JSON.stringify(record));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    [0.1 + 0.2, 5.57, 999.99, 1000, -0, 0.005],
    [1e21, 1e-7, -5.5, 0.3, 123456.78, 2 ** 53],
    [0, 0, 0, 0, 0, 0],
  ])('write the numbers %j exactly as JSON.stringify does', (...values) => {
    const record = toInteraction(person('1', 'a@b.c', values), WINDOW);
    expect(interactionJson(record)).toBe(JSON.stringify(record));
  });

  type Change = (record: Record<string, unknown> & Json) => unknown;
  const at = (record: Json, path: string): Json => path.split('.').reduce((node, key) => node[key] as Json, record);
  const fallbacks: Array<{ name: string; change: Change }> = [
    { name: 'a field excluded', change: (r) => delete at(r, 'metrics')['patience'] },
    { name: 'remote data ignored', change: (r) => delete r['remote_data'] },
    { name: 'no email', change: (r) => (at(r, 'user')['emails'] = []) },
    { name: 'a metric that differs from its Gong stat', change: (r) => (at(r, 'metrics')['interactivity'] = 1) },
    {
      name: 'a Gong stat more',
      change: (r) =>
        (at(r, 'remote_data.personInteractionStats') as unknown as unknown[]).push({ name: 'Calls', value: 3 }),
    },
    { name: 'a non-finite value', change: (r) => (at(r, 'metrics')['patience'] = Number.NaN) },
    { name: 'a date in place of a string', change: (r) => (r['start_time'] = new Date(0)) },
    { name: 'a field added', change: (r) => (r['created_at'] = '2026-01-01T00:00:00Z') },
    { name: 'a user name added', change: (r) => (at(r, 'user')['name'] = 'Eliza') },
    { name: 'a key on a Gong stat', change: (r) => (at(r, 'remote_data.personInteractionStats.0')['unit'] = 's') },
    { name: 'a key on the email', change: (r) => (at(r, 'user.emails.0')['type'] = 'work') },
    { name: 'a key on the Talk Ratio metric', change: (r) => (at(r, 'additional_metrics.0')['unit'] = '%') },
    { name: 'a key on the Gong person', change: (r) => (at(r, 'remote_data')['userName'] = 'Eliza') },
    {
      name: 'metrics in another order',
      change: (r) => (r['metrics'] = Object.fromEntries(Object.entries(at(r, 'metrics')).reverse())),
    },
    {
      name: 'Gong person keys in another order',
      change: (r) => (r['remote_data'] = Object.fromEntries(Object.entries(at(r, 'remote_data')).reverse())),
    },
    { name: 'its own toJSON', change: (r) => (r['toJSON'] = () => ({ replaced: true })) },
    { name: 'a nested toJSON', change: (r) => (at(r, 'remote_data')['toJSON'] = () => 'hidden') },
    {
      name: 'a non-enumerable toJSON',
      change: (r) => Object.defineProperty(at(r, 'user'), 'toJSON', { value: () => 'hidden', enumerable: false }),
    },
    { name: 'a non-enumerable field', change: (r) => Object.defineProperty(r, 'timezone', { enumerable: false }) },
    { name: 'a class for prototype', change: (r) => Object.setPrototypeOf(r, class Record {}.prototype) },
    { name: 'an id on its prototype only', change: (r) => Object.setPrototypeOf(r, { id: r['id'] }) && delete r['id'] },
    { name: 'a numeric id', change: (r) => (r['id'] = 1) },
    { name: 'a numeric end_time', change: (r) => (r['end_time'] = 1) },
    { name: 'a numeric timezone', change: (r) => (r['timezone'] = 1) },
    { name: 'another aggregation period', change: (r) => (r['aggregation_period'] = 'daily') },
    { name: 'a numeric user id', change: (r) => (at(r, 'user')['id'] = 1) },
    { name: 'a numeric email', change: (r) => (at(r, 'user.emails.0')['email'] = 1) },
    { name: 'an email that is not primary', change: (r) => (at(r, 'user.emails.0')['is_primary'] = false) },
    { name: 'a Gong person of another user', change: (r) => (at(r, 'remote_data')['userId'] = 'other') },
    { name: 'a Gong person of another email', change: (r) => (at(r, 'remote_data')['userEmailAddress'] = 'x@y.z') },
    { name: 'no additional metric', change: (r) => (r['additional_metrics'] = []) },
    { name: 'another additional metric', change: (r) => (at(r, 'additional_metrics.0')['name'] = 'Other') },
    { name: 'a Talk Ratio that differs from its Gong stat', change: (r) => (at(r, 'additional_metrics.0')['value'] = 0.25) },
    { name: 'a null Gong stat', change: (r) => ((at(r, 'remote_data.personInteractionStats') as unknown as unknown[])[0] = null) },
    { name: 'an infinite Gong stat', change: (r) => (at(r, 'remote_data.personInteractionStats.0')['value'] = Infinity) },
    { name: 'a Gong stat that is text', change: (r) => (at(r, 'remote_data.personInteractionStats.0')['value'] = '100') },
  ];

  it.each(fallbacks)('leave a record with $name to JSON.stringify', ({ change }) => {
    const record = toInteraction(person('1', 'a@b.c', [100, 50, 5.5, 0.9, 7, 0.5]), WINDOW) as unknown as Json;
    change(record);
    expect(fitsTemplate(record as unknown as Interaction)).toBe(false);
    expect(interactionJson(record as unknown as Interaction)).toBe(JSON.stringify(record));
  });

  it('leave bodies with undefined values, holes, toJSON or no result to JSON.stringify', () => {
    const record = toInteraction(person('1', 'a@b.c', [100, 50, 5.5, 0.9, 7, 0.5]), WINDOW);
    const results = Object.assign([record], { toJSON: () => 'the array' });
    class Page {
      result = [record];
      next_cursor = null;
      toJSON() {
        return { replaced: true };
      }
    }
    const bodies: unknown[] = [
      { result: [record], next_cursor: undefined },
      { result: [record, undefined, null], next_cursor: 'abc' },
      { result: [{ toJSON: () => undefined }, record], next_cursor: null },
      { result: [], next_cursor: { toJSON: () => undefined } },
      { result: [], next_cursor: () => 'a function' },
      { result: results, next_cursor: null },
      new Page(),
      { result: { [record.id]: record }, next_cursor: null },
      { result: [[1, 2]], next_cursor: null },
      { result: [{ toJSON: (key: string) => `record ${key}` }], next_cursor: null },
      { result: [], next_cursor: { toJSON: (key: string) => `under ${key}` } },
      { result: [], next_cursor: new Date(0) },
      { status: 400, message: 'bad' },
      [record],
      null,
    ];
    for (const body of bodies) expect(answerJson(body)).toBe(JSON.stringify(body));
  });

  it('write NDJSON lines and pages whose records change window midway exactly as JSON.stringify would', () => {
    const values = [100, 50, 5.5, 0.9, 7, 0.5];
    const other = {
      fromDateTime: '2026-09-01T00:00:00+02:00',
      toDateTime: '2026-09-02T00:00:00+02:00',
      timeZone: 'Europe/Berlin',
    };
    const records = [
      toInteraction(person('1', 'a@b.c', values), WINDOW),
      toInteraction(person('2', 'd@e.f', values), WINDOW),
      toInteraction(person('3', 'g@h.i', values), other),
      toInteraction(person('4', 'j@k.l', values), { ...other, timeZone: 'Europe/Paris' }),
      toInteraction(person('5', 'm@n.o', values), WINDOW),
    ];
    expect(interactionLines(records)).toBe(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    expect(interactionLines([])).toBe('');
    const empty = toInteraction(person('6', 'p@q.r', values), { fromDateTime: '', toDateTime: '', timeZone: '' });
    expect(interactionJson(empty)).toBe(JSON.stringify(empty));
    const body = { result: records, next_cursor: 'abc' };
    expect(answerJson(body)).toBe(JSON.stringify(body));
  });

  it('notice a window whose start alone, or end alone, changes from one record to the next', () => {
    const values = [100, 50, 5.5, 0.9, 7, 0.5];
    const records = [
      toInteraction(person('1', 'a@b.c', values), WINDOW),
      toInteraction(person('2', 'd@e.f', values), { ...WINDOW, fromDateTime: '2026-10-02T00:00:00-07:00' }),
      toInteraction(person('3', 'g@h.i', values), { ...WINDOW, fromDateTime: '2026-10-02T00:00:00-07:00', toDateTime: '2026-11-02T00:00:00-08:00' }),
    ];
    expect(records.every(fitsTemplate)).toBe(true);
    expect(interactionLines(records)).toBe(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  });
});
