/**
 * One check per response format, plus `truto_key_by`: the first page answers 200 and honours
 * the schema the contract gives that format.
 */
import { expectStatus, type CheckContext, type ConformanceCheck } from '../conformance-check.js';
import type { QueryPairs, UnifiedAnswer } from '../unified-request.js';
import { unifiedPage } from './unified-page.js';

interface FormatCase {
  id: string;
  key: string;
  title: string;
  query: QueryPairs;
  accept?: string;
}

const FORMATS: readonly FormatCase[] = [
  {
    id: 'format-unified',
    key: 'unified',
    title: 'truto_response_format=unified answers 200 and honours InteractionList',
    query: [['truto_response_format', 'unified']],
  },
  {
    id: 'format-raw',
    key: 'raw',
    title: 'truto_response_format=raw answers 200 and honours RawInteractionList',
    query: [['truto_response_format', 'raw']],
  },
  {
    id: 'format-normalized',
    key: 'normalized',
    title: 'truto_response_format=normalized answers 200 and honours NormalizedInteractionList',
    query: [['truto_response_format', 'normalized']],
  },
  {
    id: 'format-debug',
    key: 'debug',
    title: 'truto_response_format=debug answers 200 and honours DebugInteractionList',
    query: [['truto_response_format', 'debug']],
  },
  {
    id: 'format-stream',
    key: 'stream',
    title: 'truto_response_format=stream answers 200 with NDJSON, one Interaction a line',
    query: [['truto_response_format', 'stream']],
    accept: 'application/x-ndjson',
  },
  {
    id: 'format-key-by',
    key: 'key-by',
    title: 'truto_key_by=id answers 200 and honours InteractionKeyedList',
    query: [['truto_key_by', 'id']],
  },
];

/** The first page a format check reads (`unified`, `raw`, ..., `key-by`), shared with later checks. */
export function formatPage(context: CheckContext, key: 'unified' | 'key-by'): Promise<UnifiedAnswer> {
  const format = FORMATS.find((candidate) => candidate.key === key)!;
  return unifiedPage(context, format.key, format.query, format.accept);
}

export const formatChecks: ConformanceCheck[] = FORMATS.map((format): ConformanceCheck => ({
  id: format.id,
  title: format.title,
  kind: 'schema',
  async run(context) {
    const answer = await unifiedPage(context, format.key, format.query, format.accept);
    expectStatus(context, answer, 200);
  },
}));
