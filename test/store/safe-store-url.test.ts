/**
 * A store URL as logs and health answers show it: the password hidden, the rest as given, no
 * trailing slash.
 */
import { describe, expect, it } from 'vitest';
import { safeStoreUrl } from '../../src/store/safe-store-url.js';

describe('safeStoreUrl', () => {
  it.each([
    ['redis://:hunter2@redis:6379', 'redis://:***@redis:6379'],
    ['redis://admin:hunter2@redis:6379/2', 'redis://admin:***@redis:6379/2'],
    ['redis://admin@redis:6379', 'redis://admin@redis:6379'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['redis://127.0.0.1:6379/', 'redis://127.0.0.1:6379'],
    ['rediss://127.0.0.1:6380/15', 'rediss://127.0.0.1:6380/15'],
  ])('%s -> %s', (url, shown) => {
    expect(safeStoreUrl(url)).toBe(shown);
  });
});
