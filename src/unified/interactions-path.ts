/** The unified list endpoint's path, as the contract names it. */
export const UNIFIED_INTERACTIONS_PATH = '/unified/conversational-intelligence/interactions';
