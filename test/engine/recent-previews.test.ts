/**
 * A page sent again reuses its journal preview, but only the last few pages are remembered: a
 * preview kept for every page the page cache holds cost distinct pages more than it saved.
 */
import { describe, expect, it } from 'vitest';
import { recentPreviews, RECENT_PREVIEWS } from '../../src/engine/recent-previews.js';

const page = (n: number) => new TextEncoder().encode(`{"result":[{"id":"${n}"}]}`);

describe('recentPreviews', () => {
  it('gives the same preview for the same bytes, and a new one for equal bytes elsewhere', () => {
    const previewOf = recentPreviews(RECENT_PREVIEWS);
    const bytes = page(1);
    const first = previewOf(bytes);
    expect(previewOf(bytes)).toBe(first);
    const copy = previewOf(page(1));
    expect(copy).not.toBe(first);
    expect(copy).toEqual(first);
    expect(first).toEqual({ text: '{"result":[{"id":"1"}]}', truncated: false });
  });

  it('remembers the last `size` bodies and forgets the oldest first', () => {
    const previewOf = recentPreviews(3);
    const bodies = [page(1), page(2), page(3), page(4)];
    const made = bodies.map((bytes) => previewOf(bytes));
    // The fourth took the first one's place: the first is made again, the others are kept.
    expect(bodies.slice(1).map((bytes) => previewOf(bytes) === made[bodies.indexOf(bytes)])).toEqual([
      true,
      true,
      true,
    ]);
    const again = previewOf(bodies[0] as Uint8Array);
    expect(again).not.toBe(made[0]);
    expect(again).toEqual(made[0]);
    // Making it again pushed out the second, the oldest left.
    expect(previewOf(bodies[1] as Uint8Array)).not.toBe(made[1]);
    expect(previewOf(bodies[3] as Uint8Array)).toBe(made[3]);
  });

  it('remembers eight', () => {
    expect(RECENT_PREVIEWS).toBe(8);
    const previewOf = recentPreviews(RECENT_PREVIEWS);
    const bodies = Array.from({ length: 9 }, (_, n) => page(n));
    const made = bodies.map((bytes) => previewOf(bytes));
    expect(previewOf(bodies[8] as Uint8Array)).toBe(made[8]);
    expect(previewOf(bodies[1] as Uint8Array)).toBe(made[1]);
    expect(previewOf(bodies[0] as Uint8Array)).not.toBe(made[0]);
  });
});
