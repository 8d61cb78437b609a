/**
 * Pagination over every door: a walk along `next_cursor` lists every record once, and each
 * door walks the very same pages (cursors are stateless, so a page does not depend on the door
 * or the mock that made the previous one).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { DOORS, describeDoors, type Door } from '../helpers/doors.js';
import { AUTH, NOW, OCTOBER } from '../helpers/mock.js';

const UNIFIED = '/unified/conversational-intelligence/interactions';
const QUERY = new URLSearchParams({ integrated_account_id: DEFAULT_ACCOUNT_ID, ...OCTOBER, limit: '70' });

/** Every page's text, following next_cursor from the first page. */
async function walk(door: Door): Promise<string[]> {
  const pages: string[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams(QUERY);
    if (cursor !== null) query.set('next_cursor', cursor);
    const res = await door.send({ path: `${UNIFIED}?${query}`, headers: AUTH });
    expect(res.status).toBe(200);
    pages.push(res.text);
    cursor = (JSON.parse(res.text) as { next_cursor: string | null }).next_cursor;
  } while (cursor !== null && pages.length < 50);
  return pages;
}

describeDoors('a walk along next_cursor', { now: NOW }, (door) => {
  it('lists every record once, over several pages', async () => {
    const pages = await walk(door());
    const ids = pages.flatMap((text) =>
      (JSON.parse(text) as { result: Array<{ id: string }> }).result.map((r) => r.id),
    );
    expect(pages.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('every door walks the same pages', () => {
  it('byte for byte', async () => {
    const walks: Record<string, string[]> = {};
    for (const [name, make] of Object.entries(DOORS)) {
      const door = await make({ now: NOW });
      try {
        walks[name] = await walk(door);
      } finally {
        await door.close();
      }
    }
    for (const [name, answer] of Object.entries(walks)) expect(answer, name).toEqual(walks.engine);
  });
});
