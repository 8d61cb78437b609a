/**
 * Checks that a response honours openapi.yaml; fails the test with the contract's diagnostics.
 * Placeholder until the validator lands: it only checks the status is documented.
 */
export async function expectContract(res: { status: number }, _request?: { method?: string }): Promise<void> {
  if (![200, 400, 401, 403, 404, 413, 422, 429, 500, 502, 503, 504].includes(res.status)) {
    throw new Error(`undocumented status ${res.status}`);
  }
}
