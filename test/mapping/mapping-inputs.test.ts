/**
 * What the mapping expressions read, built from a request: the unified query with its window
 * in UTC, the users as `{ id }` and remote_query as a copy; the raw query string one property
 * per name, a repeated name a list in the order sent.
 */
import { describe, expect, it } from 'vitest';
import { mappingQuery, rawQueryObject } from '../../src/mapping/mapping-inputs.js';
import { parseUnifiedQuery, type UnifiedQuery } from '../../src/unified/unified-query.js';

const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

function queryOf(extra: string): UnifiedQuery {
  const parsed = parseUnifiedQuery(
    `integrated_account_id=${ACCOUNT}&start_time=2026-10-01&end_time=2026-10-02T00:00:00%2B02:00${extra}`,
  );
  if (!('query' in parsed)) throw new Error(JSON.stringify(parsed.error));
  return parsed.query;
}

describe('the query as the expressions read it', () => {
  it('has the account and the window in UTC, and no users or remote_query when none were sent', () => {
    expect(mappingQuery(queryOf(''))).toStrictEqual({
      integrated_account_id: ACCOUNT,
      start_time: '2026-10-01T00:00:00.000Z',
      end_time: '2026-10-01T22:00:00.000Z',
    });
  });

  it('has the users as { id } and a copy of remote_query', () => {
    const query = queryOf('&users[][id]=7&users[][id]=8&remote_query[filter][x]=1');
    const read = mappingQuery(query);
    expect(read).toStrictEqual({
      integrated_account_id: ACCOUNT,
      start_time: '2026-10-01T00:00:00.000Z',
      end_time: '2026-10-01T22:00:00.000Z',
      users: [{ id: '7' }, { id: '8' }],
      remote_query: { filter: { x: '1' } },
    });
    // A copy: an expression's input is its own, the query stays as it was read.
    expect(read['remote_query']).not.toBe(query.remoteQuery);
    (read['remote_query'] as { filter: Record<string, unknown> }).filter['x'] = 'changed';
    expect(query.remoteQuery).toEqual({ filter: { x: '1' } });
  });
});

describe('the raw query string', () => {
  it('is one property per name, a repeated name a list in the order sent', () => {
    expect(rawQueryObject('a=1&b=2&c=&b=3&b=4')).toStrictEqual({ a: '1', b: ['2', '3', '4'], c: '' });
  });

  it('is a plain object (what JSON would carry), empty for an empty string', () => {
    expect(Object.getPrototypeOf(rawQueryObject('a=1'))).toBe(Object.prototype);
    expect(rawQueryObject('')).toStrictEqual({});
  });
});
