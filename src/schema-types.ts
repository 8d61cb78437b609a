/**
 * Named aliases of the contract's schemas, so the code reads in the spec's words.
 * Everything here comes from src/generated/openapi.ts (generated from openapi.yaml).
 */
import type { components, operations } from './generated/openapi.js';

type Schemas = components['schemas'];

export type Interaction = Schemas['Interaction'];
export type InteractionMetrics = Schemas['InteractionMetrics'];
export type AdditionalMetric = Schemas['AdditionalMetric'];
export type NormalizedInteraction = Schemas['NormalizedInteraction'];
export type DebugInfo = NonNullable<Schemas['DebugInfo']>;
export type UnifiedError = Schemas['Error'];

export type GongInteractionStatsRequest = Schemas['GongInteractionStatsRequest'];
export type GongInteractionStatsFilter = Schemas['GongInteractionStatsFilter'];
export type GongInteractionStatsResponse = Schemas['GongInteractionStatsResponse'];
export type GongPersonInteractionStats = Schemas['GongPersonInteractionStats'];
export type GongInteractionStat = Schemas['GongInteractionStat'];
export type GongRecords = Schemas['GongRecords'];
export type GongUsersResponse = Schemas['GongUsersResponse'];
export type GongUser = Schemas['GongUser'];
export type GongErrorResponse = Schemas['GongErrorResponse'];

/** The unified endpoint's query parameters as the contract names them. */
export type ListInteractionsQuery = operations['listInteractions']['parameters']['query'];
/** The `truto_response_format` values. */
export type ResponseFormat = NonNullable<ListInteractionsQuery['truto_response_format']>;
