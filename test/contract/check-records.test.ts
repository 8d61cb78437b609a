import { describe, expect, it } from 'vitest';
import { checkRecords, envelopeRecords, type LocatedRecord } from '../../src/contract/check-records.js';
import { readTrutoQuery } from '../../src/contract/read-truto-query.js';

describe('envelopeRecords', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  it.each([
    {
      name: 'a page',
      body: { result: [a, b] },
      want: [
        { pointer: '/body/result/0', record: a },
        { pointer: '/body/result/1', record: b },
      ],
    },
    {
      name: 'a keyed page, keys escaped',
      body: { result: { 'x/y': a, 'p~q': b } },
      want: [
        { pointer: '/body/result/x~1y', record: a },
        { pointer: '/body/result/p~0q', record: b },
      ],
    },
    { name: 'a null result', body: { result: null }, want: [] },
    { name: 'a text result', body: { result: 'ab' }, want: [] },
    { name: 'no result', body: {}, want: [] },
    { name: 'an array body', body: [a], want: [] },
    { name: 'a null body', body: null, want: [] },
    { name: 'a text body', body: 'result', want: [] },
  ])('$name', ({ body, want }) => {
    expect(envelopeRecords(body)).toEqual(want);
  });

  it('starts at the pointer given', () => {
    expect(envelopeRecords({ result: [a] }, '/body/0')).toEqual([{ pointer: '/body/0/result/0', record: a }]);
  });
});

describe('checkRecords', () => {
  const at = (record: unknown): LocatedRecord[] => [{ pointer: '/body/result/0', record }];
  const summary = (records: LocatedRecord[], query: string) =>
    checkRecords(records, readTrutoQuery(query)).map((d) => [d.pointer, d.rule, d.message, d.value]);

  it('names each excluded field still present, nested ones by their path, escaped', () => {
    expect(
      summary(
        at({ id: 'a', user: { id: null, 'e/m': 'x' }, 'a~b': 1 }),
        'truto_exclude_fields=id,user.id,user.e/m,a~b',
      ),
    ).toEqual([
      ['/body/result/0/id', 'excluded-field-present', '"id" is present although truto_exclude_fields names it', 'a'],
      [
        '/body/result/0/user/id',
        'excluded-field-present',
        '"user.id" is present although truto_exclude_fields names it',
        null,
      ],
      [
        '/body/result/0/user/e~1m',
        'excluded-field-present',
        '"user.e/m" is present although truto_exclude_fields names it',
        'x',
      ],
      ['/body/result/0/a~0b', 'excluded-field-present', '"a~b" is present although truto_exclude_fields names it', 1],
    ]);
  });

  it('finds no field that is absent, inherited, or behind an array or a non-object', () => {
    expect(
      summary(
        at({ user: { emails: [{ email: 'e' }] }, name: 'n' }),
        'truto_exclude_fields=id,toString,user.emails.0,user.emails.email,name.length,user.missing.id',
      ),
    ).toEqual([]);
    expect(summary(at(['id']), 'truto_exclude_fields=0')).toEqual([]);
    expect(summary(at(null), 'truto_exclude_fields=id')).toEqual([]);
  });

  it('names remote_data only when truto_ignore_remote_data=true, and only an own one', () => {
    const remote = { raw: 1 };
    expect(summary(at({ id: 'a', remote_data: remote }), 'truto_ignore_remote_data=true')).toEqual([
      [
        '/body/result/0/remote_data',
        'remote-data-present',
        'remote_data is present although truto_ignore_remote_data=true',
        remote,
      ],
    ]);
    expect(summary(at({ id: 'a', remote_data: remote }), 'truto_ignore_remote_data=false')).toEqual([]);
    expect(summary(at(Object.create({ remote_data: remote })), 'truto_ignore_remote_data=true')).toEqual([]);
    expect(summary(at(Object.assign([], { remote_data: remote })), 'truto_ignore_remote_data=true')).toEqual([]);
    expect(summary(at('remote_data'), 'truto_ignore_remote_data=true')).toEqual([]);
  });

  it('checks every record, in order', () => {
    const records = [
      { pointer: '/body/0', record: { id: 'a', remote_data: {} } },
      { pointer: '/body/1', record: { id: 'b' } },
    ];
    expect(
      summary(records, 'truto_exclude_fields=id&truto_ignore_remote_data=true').map(([pointer]) => pointer),
    ).toEqual(['/body/0/id', '/body/0/remote_data', '/body/1/id']);
  });
});
