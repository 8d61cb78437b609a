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
