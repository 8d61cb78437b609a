/**
 * Checks that a response honours openapi.yaml, with the project's own validator; fails the
 * test with every diagnostic, readably.
 */
import { describeViolations, loadContract } from '../../src/contract/index.js';

const contract = loadContract();

type SupertestLike = Exclude<Parameters<typeof contract.validate>[0], Response>;

/** Throws when `res` (a supertest response or a fetch Response) breaks the contract. */
export async function expectContract(res: SupertestLike | Response, request: { method?: string } = {}): Promise<void> {
  const diagnostics =
    res instanceof Response ? await contract.validate(res.clone(), request) : await contract.validate(res, request);
  if (diagnostics.length > 0) throw new Error(`the response breaks the contract:\n${describeViolations(diagnostics)}`);
}
