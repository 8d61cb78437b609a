/** Gong's page size for every list endpoint; clients cannot change it. */
export const GONG_PAGE_SIZE = 100;
