/**
 * Integer hashing for random access: every number in the world is a pure function of its
 * coordinates (seed, account, user, day), so any record can be made without making the
 * ones before it. These are tiny, allocation-free and fast enough for millions of calls.
 */

/** murmur3's 32-bit finalizer: spreads every input bit over the whole word. */
export function fmix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Combines two 32-bit integers into one well-mixed uint32. */
export function mix2(a: number, b: number): number {
  return fmix32(Math.imul(a | 0, 0x9e3779b1) ^ fmix32((b | 0) + 0x7f4a7c15));
}

/** Combines three 32-bit integers into one well-mixed uint32. */
export function mix3(a: number, b: number, c: number): number {
  return mix2(mix2(a, b), c);
}

/** A uint32 as a number in [0, 1). */
export function unit(hash: number): number {
  return hash / 4294967296;
}

/** FNV-1a of a string, for turning ids and names into hash inputs. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
