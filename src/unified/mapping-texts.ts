/**
 * The words of the service's mappings: the two kinds of expression, the layers that may state
 * them, and a set of expression texts as an option or a world file's account gives it.
 */

/**
 * The kinds of mapping expression, named as the service names them (and as their files are).
 *
 * @example
 * MAPPING_KINDS.includes('response_mapping'); // true
 */
export const MAPPING_KINDS = ['query_mapping', 'response_mapping'] as const;

/**
 * `query_mapping` (unified query -> Gong request body) or `response_mapping` (one Gong
 * `peopleInteractionStats` entry -> one unified record).
 *
 * @example
 * const kind: MappingKind = 'response_mapping';
 */
export type MappingKind = (typeof MAPPING_KINDS)[number];

/**
 * JSONata expression texts by kind; a kind left out is not overridden at this layer.
 *
 * @example
 * const texts: MappingTexts = { response_mapping: '$merge([response, { "aggregation_period": "total" }])' };
 */
export type MappingTexts = Partial<Record<MappingKind, string>>;

/**
 * Where an expression comes from, lowest first: the kit's own (`base`), the server's override
 * (`serve --mapping`, `createApp({ mapping })`), an account's (a world file's `mapping:`). The
 * highest layer stating a kind wins it whole.
 *
 * @example
 * const layer: MappingLayer = 'account';
 */
export type MappingLayer = 'base' | 'server' | 'account';

/**
 * Whether `value` is a set of mapping texts: an object whose keys are mapping kinds and whose
 * values are strings. Returns why not, or undefined.
 *
 * @example
 * mappingTextsProblem({ response_mapping: 1 }); // 'response_mapping must be JSONata expression text (a string), got number'
 */
export function mappingTextsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `mapping must be an object of expression texts ({ query_mapping?, response_mapping? }), got ${Array.isArray(value) ? 'an array' : String(value)}`;
  for (const [key, text] of Object.entries(value)) {
    if (!(MAPPING_KINDS as readonly string[]).includes(key))
      return `mapping.${key} is not a mapping kind; use ${MAPPING_KINDS.join(' or ')}`;
    if (typeof text !== 'string') return `${key} must be JSONata expression text (a string), got ${typeof text}`;
    if (text.trim() === '') return `${key} is empty: leave it out to keep the layer below`;
  }
  return undefined;
}
