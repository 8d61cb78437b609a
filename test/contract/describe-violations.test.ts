import { describe, expect, it } from 'vitest';
import { describeViolations, escapePointerToken } from '../../src/contract/index.js';

describe('describeViolations', () => {
  it('says so when there is nothing to report', () => {
    expect(describeViolations([])).toBe('no contract violations');
  });

  it('lists pointer, rule, message and value, one per line', () => {
    expect(
      describeViolations([
        { pointer: '/status', rule: 'status-documented', message: 'status 418 is not documented', value: 418 },
        { pointer: '/body/result/0/id', rule: 'required', message: 'required property "id" is missing' },
      ]),
    ).toBe(
      [
        '2 contract violations:',
        '  /status [status-documented] status 418 is not documented (got 418)',
        '  /body/result/0/id [required] required property "id" is missing',
      ].join('\n'),
    );
  });

  it('cuts long values', () => {
    const text = describeViolations(
      [{ pointer: '/body', rule: 'type', message: 'must be object', value: 'x'.repeat(500) }],
      {
        maxValueLength: 20,
      },
    );
    expect(text).toBe('1 contract violation:\n  /body [type] must be object (got "xxxxxxxxxxxxxxxxxx…)');
  });
});

describe('escapePointerToken', () => {
  it.each([
    ['a/b', 'a~1b'],
    ['a~b', 'a~0b'],
    ['plain', 'plain'],
  ])('%s is %s', (given, want) => {
    expect(escapePointerToken(given)).toBe(want);
  });
});

describe('describeViolations, the offending value', () => {
  const line = (value: unknown, options?: { maxValueLength?: number }) =>
    describeViolations([{ pointer: '/body', rule: 'type', message: 'm', value }], options).split('\n')[1];

  it.each([
    { name: 'null', value: null, want: '  /body [type] m (got null)' },
    { name: 'false', value: false, want: '  /body [type] m (got false)' },
    { name: 'zero', value: 0, want: '  /body [type] m (got 0)' },
    { name: 'an empty text', value: '', want: '  /body [type] m (got "")' },
    { name: 'undefined (no value)', value: undefined, want: '  /body [type] m' },
    { name: 'a symbol (no JSON)', value: Symbol('s'), want: '  /body [type] m (got Symbol(s))' },
    { name: 'a bigint (JSON throws)', value: 10n, want: '  /body [type] m (got 10)' },
  ])('$name', ({ value, want }) => {
    expect(
      describeViolations([{ pointer: '/body', rule: 'type', message: 'm', value }])
        .split('\n')
        .slice(1)
        .join('\n'),
    ).toBe(want);
  });

  it('renders a value that cannot be JSON (a cycle) as text', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(line(cycle)).toBe('  /body [type] m (got [object Object])');
  });

  it('cuts at 80 characters by default, and only past the limit', () => {
    expect(line('x'.repeat(78))).toBe(`  /body [type] m (got "${'x'.repeat(78)}")`);
    expect(line('x'.repeat(79))).toBe(`  /body [type] m (got "${'x'.repeat(78)}…)`);
    expect(line('abc', { maxValueLength: 5 })).toBe('  /body [type] m (got "abc")');
    expect(line('abcd', { maxValueLength: 5 })).toBe('  /body [type] m (got "abc…)');
    expect(line('abc', { maxValueLength: 0 })).toBe('  /body [type] m (got …)');
  });

  it('writes an empty pointer (the whole value) as /', () => {
    expect(describeViolations([{ pointer: '', rule: 'type', message: 'm' }])).toBe(
      '1 contract violation:\n  / [type] m',
    );
  });
});

describe('escapePointerToken, every occurrence', () => {
  it('escapes each ~ and / and keeps them apart', () => {
    expect(escapePointerToken('~/~//')).toBe('~0~1~0~1~1');
  });
});
