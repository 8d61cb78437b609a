/**
 * What users write: `import 'interactions-kit/vitest'` (the package's export map, built in
 * dist/) registers the matcher.
 */
import 'interactions-kit/vitest';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AUTH, mockApp, october, unifiedUrl } from '../helpers/mock.js';

describe("import 'interactions-kit/vitest'", () => {
  it('registers toMatchContract', async () => {
    const res = await request(mockApp())
      .get(unifiedUrl(october({ limit: '1' })))
      .set(AUTH);
    expect(res).toMatchContract();
    expect({ ...res, status: 299 }).not.toMatchContract();
  });
});
