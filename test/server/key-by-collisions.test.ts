/**
 * `truto_key_by` on a field that is not unique: records with the same key collide, the later
 * record of the page wins and the earlier ones are dropped, as the spec and README say.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import { getUnified, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const app = mockApp();
type UnifiedRecord = { id: string; user: { id: string } } & Record<string, unknown>;

describe('truto_key_by collisions', () => {
  it.each(['aggregation_period', 'timezone', 'start_time', 'end_time'])(
    'keyed by %s, a page of 10 is one key holding the last record',
    async (field) => {
      const list = await getUnified(app, unifiedUrl(october({ limit: '10' })));
      const keyed = await getUnified(app, unifiedUrl(october({ limit: '10', truto_key_by: field })));
      const records = list.body.result as UnifiedRecord[];
      expect(records).toHaveLength(10);
      expect(Object.keys(keyed.body.result)).toEqual([String(records[0]![field])]);
      expect(Object.values(keyed.body.result)).toEqual([records.at(-1)]);
    },
  );

  it.each(['id', 'user.id'])('keyed by %s (unique), every record stays', async (field) => {
    const keyed = await getUnified(app, unifiedUrl(october({ limit: '10', truto_key_by: field })));
    expect(Object.keys(keyed.body.result)).toHaveLength(10);
  });

  it('the spec says which record wins and that the others are dropped', () => {
    const { document } = loadContract();
    const description = String((document.components?.parameters?.TrutoKeyBy as { description?: string }).description);
    expect(description).toMatch(/later record of the page wins/);
    expect(description).toMatch(/dropped/);
  });
});
