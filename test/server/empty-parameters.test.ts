/**
 * One rule for empty values: an optional query parameter sent empty (`limit=`) is absent, as
 * an empty `next_cursor` already was for the TypeScript SDK's first request. The answer is
 * byte for byte the answer without the parameter; an empty required parameter is missing.
 * Over every door (the engine, Express, the Node door), each answer the engine's byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/index.js';
import { resolveReference, type ParameterObject, type ReferenceObject } from '../../src/contract/openapi-document.js';
import { describeDoors } from '../helpers/doors.js';
import { expectEveryDoorAsEngine, getChecked } from '../helpers/door-checks.js';
import { AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const base = Object.entries(october({ limit: '3' }));
const OPTIONAL = [
  'truto_response_format',
  'truto_key_by',
  'truto_exclude_fields',
  'truto_ignore_limit',
  'truto_ignore_remote_data',
  'next_cursor',
  'remote_query',
  'users',
  '__scenario',
];

const { document } = loadContract();
const declared = (
  (document.paths?.['/unified/conversational-intelligence/interactions']?.get?.parameters ?? []) as Array<
    ParameterObject | ReferenceObject
  >
)
  .map((p) => resolveReference<ParameterObject & { allowEmptyValue?: boolean }>(document, p))
  .filter((p) => p.in === 'query' && p.required !== true);

describeDoors('an empty optional parameter is absent', { now: NOW }, (door) => {
  it.each(OPTIONAL)('%s=', async (name) => {
    const without = await getChecked(door(), unifiedUrl(base));
    const empty = await getChecked(door(), unifiedUrl([...base, [name, '']]));
    expect(empty.status, empty.text).toBe(200);
    expect(empty.text).toBe(without.text);
  });

  it('limit= takes the default page size', async () => {
    const empty = await getChecked(door(), unifiedUrl(Object.entries(october({ limit: '' }))));
    const without = await getChecked(door(), unifiedUrl(october()));
    expect(empty.status).toBe(200);
    expect(empty.text).toBe(without.text);
  });

  it('an empty required parameter is missing', async () => {
    const res = await getChecked(door(), unifiedUrl(october({ end_time: '' })));
    expect(res.status).toBe(400);
    expect(res.body.truto_error_insight.missing_required_query_parameters.value).toEqual(['end_time']);
  });
});

describeDoors('the spec says which parameters may be empty, and the mock agrees', { now: NOW }, (door) => {
  // allowEmptyValue: true promises that `name=` is accepted (and read as absent); without it, an
  // empty value is refused (`users[][id]=`: an empty user id is a 400).
  it.each(declared.map((p) => [p.name, p.allowEmptyValue === true] as const))(
    '%s= (allowEmptyValue: %s)',
    async (name, allowEmpty) => {
      const res = await getChecked(door(), unifiedUrl([...Object.entries(october()), [name, '']]));
      expect(res.status, res.text).toBe(allowEmpty ? 200 : 400);
    },
  );
});

describe('every door answers empty parameters as the engine does, byte for byte', () => {
  it('each optional and declared parameter sent empty, and an empty required one', async () => {
    const paths = [
      ...OPTIONAL.map((name) => unifiedUrl([...base, [name, '']])),
      ...declared.map((p) => unifiedUrl([...Object.entries(october()), [p.name, '']])),
      unifiedUrl(Object.entries(october({ limit: '' }))),
      unifiedUrl(october({ end_time: '' })),
    ];
    await expectEveryDoorAsEngine(
      { now: NOW },
      paths.map((path) => ({ path, headers: AUTH })),
    );
  });
});
