/**
 * The one error the contract library throws: a programming misuse (an unreadable contract,
 * a schema reference that does not exist). Contract violations are never thrown; they are
 * returned as {@link Diagnostic} data.
 */

/**
 * Thrown when the contract library is misused or the contract itself cannot be read.
 *
 * @example
 * ```ts
 * try {
 *   loadContract('missing.yaml');
 * } catch (error) {
 *   if (error instanceof ContractError) console.error(error.message);
 * }
 * ```
 */
export class ContractError extends Error {
  override readonly name = 'ContractError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(`[interactions-kit contract] ${message}`, options);
  }
}
