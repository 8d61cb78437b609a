/**
 * Contract violations as data: where in the response, which rule, and a readable message.
 */

/**
 * One way a response breaks the contract.
 *
 * @example
 * ```ts
 * const diagnostic: Diagnostic = {
 *   pointer: '/body/result/0/user/id',
 *   rule: 'type',
 *   message: 'must be string',
 *   value: 42,
 *   schema: '#/components/schemas/InteractionList',
 * };
 * ```
 */
export interface Diagnostic {
  /**
   * JSON pointer into the response: `/status`, `/headers/retry-after`, `/body/result/0/user/id`;
   * for NDJSON bodies `/body/<line index>/...`.
   */
  pointer: string;
  /**
   * The rule broken. Contract rules: `path-documented`, `method-documented`, `status-documented`,
   * `content-type`, `header`, `json-parse`, `ndjson-line`, `response-format`,
   * `excluded-field-present`, `remote-data-present`. Schema rules carry the JSON Schema keyword
   * that failed: `required`, `type`, `format`, `enum`, `const`, `additionalProperties`,
   * `not-allowed` (a `false` schema), `minimum`, `pattern`, ...
   */
  rule: string;
  /** What is wrong, for a human. */
  message: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** The schema that applied: a `#/components/schemas/...` reference, or where an inline schema sits. */
  schema?: string;
}

/**
 * Escapes one JSON pointer token (RFC 6901): `~` as `~0`, `/` as `~1`.
 *
 * @example
 * ```ts
 * `/body/result/${escapePointerToken('a/b~c')}`; // '/body/result/a~1b~0c'
 * ```
 */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Options of {@link describeViolations}; all optional.
 *
 * @example
 * ```ts
 * describeViolations(diagnostics, { maxValueLength: 200 });
 * ```
 */
export interface DescribeOptions {
  /** Longest rendering of an offending value before it is cut. Default 80. */
  maxValueLength?: number;
}

function renderValue(value: unknown, maxLength: number): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > maxLength ? `${text.slice(0, Math.max(0, maxLength - 1))}…` : text;
}

/**
 * Renders diagnostics for a human, one per line: pointer, rule, message and the offending value.
 *
 * @example
 * ```ts
 * describeViolations([{ pointer: '/status', rule: 'status-documented', message: 'status 418 is not documented', value: 418 }]);
 * // 1 contract violation:
 * //   /status [status-documented] status 418 is not documented (got 418)
 * ```
 */
export function describeViolations(diagnostics: readonly Diagnostic[], options: DescribeOptions = {}): string {
  const { maxValueLength = 80 } = options;
  if (diagnostics.length === 0) return 'no contract violations';
  const lines = diagnostics.map((diagnostic) => {
    const got =
      'value' in diagnostic && diagnostic.value !== undefined
        ? ` (got ${renderValue(diagnostic.value, maxValueLength)})`
        : '';
    return `  ${diagnostic.pointer || '/'} [${diagnostic.rule}] ${diagnostic.message}${got}`;
  });
  const noun = diagnostics.length === 1 ? 'violation' : 'violations';
  return `${diagnostics.length} contract ${noun}:\n${lines.join('\n')}`;
}
