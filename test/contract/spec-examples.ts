/**
 * Good bodies for the contract tests, taken from the spec's own examples (which the spec
 * suite validates), so a test's "bad" body differs from a known-good one in one place.
 */
import { loadContract } from '../../src/contract/index.js';

export const contract = loadContract();
export const UNIFIED = '/unified/conversational-intelligence/interactions';
export const ACCOUNT = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
export const GONG_STATS = `/gong/${ACCOUNT}/v2/stats/interaction`;
export const GONG_USERS = `/gong/${ACCOUNT}/v2/users`;

// Example bodies are free-form JSON that the tests reshape at will.
type Json = any;

const paths = contract.document.paths as Json;
const unified200 = paths[UNIFIED].get.responses['200'].content;

/** A deep copy of the named example of the unified 200 (unified, keyed, normalized, raw, debug). */
export function unifiedExample(name: 'unified' | 'keyed' | 'normalized' | 'raw' | 'debug'): Json {
  return structuredClone(unified200['application/json'].examples[name].value);
}

/** The NDJSON example of the unified 200. */
export const STREAM_EXAMPLE: string = unified200['application/x-ndjson'].example;

/** A deep copy of the Gong stats page example. */
export function gongStatsExample(): Json {
  return structuredClone(
    paths['/gong/{integrated_account_id}/v2/stats/interaction'].post.responses['200'].content['application/json']
      .examples.page.value,
  );
}

/** A deep copy of the Gong users page example. */
export function gongUsersExample(): Json {
  return structuredClone(
    paths['/gong/{integrated_account_id}/v2/users'].get.responses['200'].content['application/json'].examples.page
      .value,
  );
}

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;
export const NDJSON_HEADERS = { 'content-type': 'application/x-ndjson; charset=utf-8' } as const;
