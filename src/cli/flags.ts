import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDateTime } from '../world/date-time.js';
import { CliError } from './cli-error.js';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** The values `parseFlags` reads for the options `O`. */
export type ParsedFlags<O extends FlagOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'];

/**
 * Reads `--flag value` arguments strictly (no positionals, no unknown flags); a bad one is a
 * CliError, so the command prints one line and exits 2.
 *
 * @example
 * const values = parseFlags(['--port', '0'], { port: { type: 'string' } }); // { port: '0' }
 */
export function parseFlags<const O extends FlagOptions>(args: string[], options: O): ParsedFlags<O> {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** An integer flag within [min, max], or its default when absent. */
export function parseIntegerFlag(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * A date-time flag's value, checked (an RFC 3339 date-time), or a CliError naming the flag.
 *
 * @example
 * dateTimeFlag('--start', '2026-10-01T00:00:00Z'); // '2026-10-01T00:00:00Z'
 */
export function dateTimeFlag(flag: string, value: string): string {
  if (parseDateTime(value) === undefined)
    throw new CliError(
      `${flag} must be an ISO 8601 date-time such as 2026-10-01T00:00:00Z, got ${JSON.stringify(value)}`,
    );
  return value;
}
