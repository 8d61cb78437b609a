import { describe, expect, it } from 'vitest';
import { normalizeHeaders } from '../../src/contract/response-headers.js';

const entries = (headers: ReadonlyMap<string, string>) => [...headers.entries()];

describe('normalizeHeaders', () => {
  it('reads nothing from no headers', () => {
    expect(entries(normalizeHeaders(undefined))).toEqual([]);
  });

  it('keys a plain object by lower-case name, joins arrays and repeats, skips undefined', () => {
    expect(
      entries(
        normalizeHeaders({
          'Content-Type': 'application/json',
          'Set-Cookie': ['a=1', 'b=2'],
          'Retry-After': 3,
          'X-Gone': undefined,
          'x-twice': 'one',
          'X-TWICE': ['two', 'three'],
        }),
      ),
    ).toEqual([
      ['content-type', 'application/json'],
      ['set-cookie', 'a=1, b=2'],
      ['retry-after', '3'],
      ['x-twice', 'one, two, three'],
    ]);
  });

  it('reads a WHATWG Headers (a plain object named get or forEach stays a header)', () => {
    const headers = new Headers([
      ['Retry-After', '2'],
      ['X-Many', 'a'],
    ]);
    headers.append('x-many', 'b');
    expect(entries(normalizeHeaders(headers))).toEqual([
      ['retry-after', '2'],
      ['x-many', 'a, b'],
    ]);
    expect(entries(normalizeHeaders({ get: 'g', forEach: 'f' }))).toEqual([
      ['get', 'g'],
      ['foreach', 'f'],
    ]);
  });
});
