/**
 * Every distinct `truto_exclude_fields` set compiles its own validator (about 65 KB). A
 * request chooses the set, so how many are kept must not be up to requests: at most
 * DERIVED_VALIDATORS_KEPT, and the ones let go are really gone (ajv keeps everything it
 * compiles, so that takes dropping the ajv too).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createOperationFinder } from '../../src/contract/find-operation.js';
import { readOpenApiDocument } from '../../src/contract/read-openapi-document.js';
import { createSchemaRegistry, DERIVED_VALIDATORS_KEPT } from '../../src/contract/schema-registry.js';
import { createResponseValidator } from '../../src/contract/validate-response.js';

const document = readOpenApiDocument();
const PATH = '/unified/conversational-intelligence/interactions';
const RECORD = { id: 'a' };

/** A 200 page of normalized records lacking `timezone`, asked for with `fields` excluded. */
function exchange(fields: string[]) {
  return {
    path: `${PATH}?truto_response_format=normalized&truto_exclude_fields=${fields.join(',')}`,
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ result: [RECORD], next_cursor: null }),
  };
}
const OTHER_REQUIRED = ['user', 'start_time', 'end_time', 'aggregation_period', 'metrics', 'additional_metrics'];
const ALL_BUT_TIMEZONE = [...OTHER_REQUIRED, 'created_at', 'updated_at'];

describe('derived validators', () => {
  it('are kept at most DERIVED_VALIDATORS_KEPT at a time, however many sets are asked for', () => {
    const registry = createSchemaRegistry(document);
    const validate = createResponseValidator(registry, createOperationFinder(document));
    for (let i = 0; i < DERIVED_VALIDATORS_KEPT * 2 + 3; i++) {
      // Each set distinct (a made-up field), each one excluding timezone too: the page honours it.
      expect(validate(exchange([...ALL_BUT_TIMEZONE, 'timezone', `made_up_${i}`]))).toEqual([]);
      expect(registry.derivedValidatorCount).toBeLessThanOrEqual(DERIVED_VALIDATORS_KEPT);
    }
    expect(registry.derivedValidatorCount).toBeGreaterThan(0);
    // After the cache started afresh, an exclusion still counts, and a missing field still fails.
    expect(validate(exchange([...ALL_BUT_TIMEZONE, 'made_up_again']))).toEqual([
      expect.objectContaining({ pointer: '/body/result/0/timezone', rule: 'required' }),
    ]);
  });

  it('answer the same key with the same validator while it is kept', () => {
    const registry = createSchemaRegistry(document);
    const derive = () => ({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] });
    const first = registry.derivedValidator('k', derive);
    for (let i = 0; i < DERIVED_VALIDATORS_KEPT - 2; i++) registry.derivedValidator(`other-${i}`, derive);
    expect(registry.derivedValidator('k', derive)).toBe(first);
  });

  it('let go of the validators they no longer keep, compiled code and all', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const registry = createSchemaRegistry(document);
    const derive = (i: number) => () => ({
      $ref: '#/components/schemas/NormalizedInteraction',
      type: 'object',
      properties: { [`made_up_${i}`]: { type: 'string' } },
    });
    const first = new WeakRef(registry.derivedValidator('first', derive(-1)));
    for (let i = 0; i < DERIVED_VALIDATORS_KEPT * 2; i++) registry.derivedValidator(`set-${i}`, derive(i));
    // A WeakRef holds its target until the current job ends; a busy process may need more than
    // one full collection to finish sweeping (a few tries, each a whole job apart).
    for (let attempt = 0; attempt < 5 && first.deref() !== undefined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    }
    expect(first.deref()).toBeUndefined();
  });
});
