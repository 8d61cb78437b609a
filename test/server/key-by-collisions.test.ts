/**
 * `truto_key_by` on a field that is not unique: records with the same key collide, the later
 * record of the page wins and the earlier ones are dropped, as the spec and README say; the
 * same through every door (the engine, Express, the Node door), byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import { describeDoors } from '../helpers/doors.js';
import { expectEveryDoorAsEngine, getChecked } from '../helpers/door-checks.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

type UnifiedRecord = { id: string; user: { id: string } } & Record<string, unknown>;
const COLLIDING = ['aggregation_period', 'timezone', 'start_time', 'end_time'];
const UNIQUE = ['id', 'user.id'];

describeDoors('truto_key_by collisions', { now: NOW }, (door) => {
  it.each(COLLIDING)('keyed by %s, a page of 10 is one key holding the last record', async (field) => {
    const list = await getChecked(door(), unifiedUrl(october({ limit: '10' })));
    const keyed = await getChecked(door(), unifiedUrl(october({ limit: '10', truto_key_by: field })));
    const records = list.body.result as UnifiedRecord[];
    expect(records).toHaveLength(10);
    expect(Object.keys(keyed.body.result)).toEqual([String(records[0]![field])]);
    expect(Object.values(keyed.body.result)).toEqual([records.at(-1)]);
  });

  it.each(UNIQUE)('keyed by %s (unique), every record stays', async (field) => {
    const keyed = await getChecked(door(), unifiedUrl(october({ limit: '10', truto_key_by: field })));
    expect(Object.keys(keyed.body.result)).toHaveLength(10);
  });
});

describe('truto_key_by, said and answered', () => {
  it('the spec says which record wins and that the others are dropped', () => {
    const { document } = loadContract();
    const description = String((document.components?.parameters?.TrutoKeyBy as { description?: string }).description);
    expect(description).toMatch(/later record of the page wins/);
    expect(description).toMatch(/dropped/);
  });

  it('every door keys a page as the engine does, byte for byte', async () => {
    await expectEveryDoorAsEngine(
      { now: NOW },
      [...COLLIDING, ...UNIQUE].map((field) => ({
        path: unifiedUrl(october({ limit: '10', truto_key_by: field })),
        headers: AUTH,
      })),
    );
  });
});
