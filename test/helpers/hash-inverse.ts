/**
 * The inverse of the world's integer hash, for tests that need a draw to land exactly on a
 * boundary (a share of 0.25, a rate of 0): murmur3's finalizer and `mix2` are bijections of
 * 32-bit words, so the input that gives any chosen output can be computed, not searched for.
 */
import { fmix32 } from '../../src/world/hash.js';

/** The multiplicative inverse of an odd 32-bit word, mod 2^32 (Newton's iteration). */
function inverseOf(odd: number): number {
  let x = odd;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(odd, x));
  return x >>> 0;
}

/** Undoes `h ^= h >>> shift`. */
function unshift(value: number, shift: number): number {
  let x = value;
  for (let s = shift; s < 32; s += shift) x = value ^ (x >>> shift);
  return x >>> 0;
}

/** The word whose fmix32 is `hash`. */
export function unfmix32(hash: number): number {
  let h = unshift(hash >>> 0, 16);
  h = Math.imul(h, inverseOf(0xc2b2ae35));
  h = unshift(h >>> 0, 13);
  h = Math.imul(h, inverseOf(0x85ebca6b));
  return unshift(h >>> 0, 16);
}

/** The first argument `a` for which `mix2(a, b)` is `hash`. */
export function unmix2First(hash: number, b: number): number {
  return Math.imul((unfmix32(hash) ^ fmix32((b | 0) + 0x7f4a7c15)) >>> 0, inverseOf(0x9e3779b1)) >>> 0;
}
