import { createHash } from 'node:crypto';

/**
 * Gong's `requestId`: 19 lowercase base-36 characters. Derived from the request itself so the
 * same request always gets the same answer, byte for byte.
 */
export function requestIdFor(...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  let id = '';
  for (let i = 0; i < 19; i++) id += ((digest[i] ?? 0) % 36).toString(36);
  return id;
}
