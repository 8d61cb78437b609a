/**
 * One rule for empty values: an optional query parameter sent empty (`limit=`) is absent, as
 * an empty `next_cursor` already was for the TypeScript SDK's first request. The answer is
 * byte for byte the answer without the parameter; an empty required parameter is missing.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import { resolveReference, type ParameterObject, type ReferenceObject } from '../../src/contract/openapi-document.js';
import { getUnified, mockApp, october, unifiedUrl } from '../helpers/mock.js';

const app = mockApp();
const base = Object.entries(october({ limit: '3' }));

describe('an empty optional parameter is absent', () => {
  it.each([
    'truto_response_format',
    'truto_key_by',
    'truto_exclude_fields',
    'truto_ignore_limit',
    'truto_ignore_remote_data',
    'next_cursor',
    'remote_query',
    'users',
    '__scenario',
  ])('%s=', async (name) => {
    const without = await getUnified(app, unifiedUrl(base));
    const empty = await getUnified(app, unifiedUrl([...base, [name, '']]));
    expect(empty.status, empty.text).toBe(200);
    expect(empty.text).toBe(without.text);
  });

  it('limit= takes the default page size', async () => {
    const empty = await getUnified(app, unifiedUrl(Object.entries(october({ limit: '' }))));
    const without = await getUnified(app, unifiedUrl(october()));
    expect(empty.status).toBe(200);
    expect(empty.text).toBe(without.text);
  });

  it('an empty required parameter is missing', async () => {
    const res = await getUnified(app, unifiedUrl(october({ end_time: '' })));
    expect(res.status).toBe(400);
    expect(res.body.truto_error_insight.missing_required_query_parameters.value).toEqual(['end_time']);
  });
});

describe('the spec says which parameters may be empty, and the mock agrees', () => {
  const { document } = loadContract();
  const declared = (
    (document.paths?.['/unified/conversational-intelligence/interactions']?.get?.parameters ?? []) as Array<
      ParameterObject | ReferenceObject
    >
  )
    .map((p) => resolveReference<ParameterObject & { allowEmptyValue?: boolean }>(document, p))
    .filter((p) => p.in === 'query' && p.required !== true);

  // allowEmptyValue: true promises that `name=` is accepted (and read as absent); without it, an
  // empty value is refused (`users[][id]=`: an empty user id is a 400).
  it.each(declared.map((p) => [p.name, p.allowEmptyValue === true] as const))(
    '%s= (allowEmptyValue: %s)',
    async (name, allowEmpty) => {
      const res = await getUnified(app, unifiedUrl([...Object.entries(october()), [name, '']]));
      expect(res.status, res.text).toBe(allowEmpty ? 200 : 400);
    },
  );
});
