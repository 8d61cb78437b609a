/**
 * What every format does to its records, records in, records out: the fields `truto_key_by`
 * may name, the lists nothing inside of which can be excluded, excluding (nested, missing,
 * through a value that is no object, never through a prototype), and keying.
 */
import { describe, expect, it } from 'vitest';
import {
  fieldInsideList,
  KEY_BY_FIELDS,
  keyRecords,
  LIST_FIELDS,
  shapeRecords,
} from '../../src/unified/shape-records.js';

type Json = Record<string, unknown>;

const record = (): Json => ({
  id: 'r1',
  user: { id: 'u1', emails: [{ email: 'a@b.c', is_primary: true }] },
  metrics: { patience: 1, question_rate: 2 },
  remote_data: { userId: 'u1' },
});

describe('the fields', () => {
  it('truto_key_by names a field each record holds a string in', () => {
    expect(KEY_BY_FIELDS).toEqual({
      unified: ['id', 'user.id', 'start_time', 'end_time', 'aggregation_period', 'timezone'],
      raw: ['userId', 'userEmailAddress'],
    });
  });

  it('the lists of each kind of record', () => {
    expect(LIST_FIELDS).toEqual({
      unified: ['user.emails', 'additional_metrics', 'remote_data.personInteractionStats'],
      raw: ['personInteractionStats'],
    });
  });
});

describe('fieldInsideList', () => {
  it.each<[string, string[], 'unified' | 'raw', { field: string; list: string } | undefined]>([
    ['nothing to exclude', [], 'unified', undefined],
    ['fields beside the lists', ['id', 'user.id', 'metrics.patience'], 'unified', undefined],
    ['a list itself', ['user.emails', 'additional_metrics'], 'unified', undefined],
    ['inside a list', ['id', 'user.emails.length'], 'unified', { field: 'user.emails.length', list: 'user.emails' }],
    [
      'the first of several',
      ['additional_metrics.x', 'user.emails.length'],
      'unified',
      { field: 'additional_metrics.x', list: 'additional_metrics' },
    ],
    [
      'deep inside',
      ['remote_data.personInteractionStats.name'],
      'unified',
      { field: 'remote_data.personInteractionStats.name', list: 'remote_data.personInteractionStats' },
    ],
    ['a name that only starts like a list', ['user.emailsX', 'user.emails_x.y'], 'unified', undefined],
    [
      'a raw list',
      ['personInteractionStats.length'],
      'raw',
      { field: 'personInteractionStats.length', list: 'personInteractionStats' },
    ],
    ['a unified list in raw records', ['user.emails.length'], 'raw', undefined],
  ])('%s', (_name, fields, kind, want) => {
    expect(fieldInsideList(fields, kind)).toEqual(want);
  });
});

describe('shapeRecords', () => {
  it('with nothing to drop, the same records in a new array', () => {
    const records = [record(), record()];
    const shaped = shapeRecords(records, { excludeFields: [], ignoreRemoteData: false });
    expect(shaped).not.toBe(records);
    expect(shaped).toEqual(records);
    expect(shaped[0]).toBe(records[0]);
  });

  it.each<[string, string[], boolean, Json]>([
    [
      'a top-level field',
      ['metrics'],
      false,
      { id: 'r1', user: { id: 'u1', emails: [{ email: 'a@b.c', is_primary: true }] }, remote_data: { userId: 'u1' } },
    ],
    [
      'a nested field',
      ['metrics.patience', 'user.id'],
      false,
      {
        id: 'r1',
        user: { emails: [{ email: 'a@b.c', is_primary: true }] },
        metrics: { question_rate: 2 },
        remote_data: { userId: 'u1' },
      },
    ],
    ['remote_data, asked for', [], true, { id: 'r1', user: record()['user'], metrics: record()['metrics'] }],
    ['remote_data and a field', ['id'], true, { user: record()['user'], metrics: record()['metrics'] }],
    ['a field that is not there', ['nope', 'metrics.nope', 'nope.deeper'], false, record()],
    ['through a value that is no object', ['id.length', 'metrics.patience.x'], false, record()],
    ['through a list', ['user.emails.0', 'user.emails.length'], false, record()],
    [
      "through the prototype's names",
      ['toString.name', 'constructor.prototype', 'user.hasOwnProperty.x'],
      false,
      record(),
    ],
  ])('%s', (_name, excludeFields, ignoreRemoteData, want) => {
    const records = [record()];
    const shaped = shapeRecords(records, { excludeFields, ignoreRemoteData });
    expect(shaped).toEqual([want]);
    expect(records).toEqual([record()]); // the input untouched
  });

  it('leaves the prototype alone', () => {
    shapeRecords([record()], {
      excludeFields: ['toString', '__proto__.toString', 'constructor'],
      ignoreRemoteData: false,
    });
    expect(typeof Object.prototype.toString).toBe('function');
    expect({}.constructor).toBe(Object);
  });
});

describe('keyRecords', () => {
  it('keys the shaped records by a field read from the originals', () => {
    const original = [record(), { ...record(), id: 'r2', user: { id: 'u2' } }];
    const shaped = shapeRecords(original, { excludeFields: ['id', 'user'], ignoreRemoteData: true });
    expect(keyRecords(original, shaped, 'id')).toEqual({ r1: shaped[0], r2: shaped[1] });
    expect(keyRecords(original, shaped, 'user.id')).toEqual({ u1: shaped[0], u2: shaped[1] });
  });

  it('a record without the field is keyed "undefined", never by a prototype\'s or a list\'s value', () => {
    const original = [record()];
    expect(keyRecords(original, original, 'nope')).toEqual({ undefined: original[0] });
    expect(keyRecords(original, original, 'toString')).toEqual({ undefined: original[0] });
    expect(keyRecords(original, original, 'user.emails.length')).toEqual({ undefined: original[0] });
    expect(keyRecords(original, original, 'id.length')).toEqual({ undefined: original[0] });
  });
});

describe('a null on the way (a normalized record, a mapped one)', () => {
  it('is no object: nothing below it is excluded or keyed', () => {
    const records = [{ id: 'r1', user: null, metrics: { patience: null } }];
    expect(
      shapeRecords(records, { excludeFields: ['user.id', 'metrics.patience.x'], ignoreRemoteData: false }),
    ).toEqual([{ id: 'r1', user: null, metrics: { patience: null } }]);
    expect(keyRecords(records, records, 'user.id')).toEqual({ undefined: records[0] });
  });
});
