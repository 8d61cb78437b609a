/**
 * The flags naming a unified API to call, shared by `verify` and `record`: where it is
 * (`--base-url`), the token (`--token` or INTERACTIONS_KIT_TOKEN), the account and the window
 * (`--start`/`--end`, the last full month by default). Read and checked in one place, so the
 * two commands refuse the same mistakes with the same words.
 */
import { recentFullMonth } from '../conformance/recent-full-month.js';
import type { ConformanceTarget } from '../conformance/conformance-options.js';
import { redactUrl } from '../redact.js';
import { parseDateTime } from '../world/date-time.js';
import { CliError } from './cli-error.js';
import { dateTimeFlag } from './flags.js';

/** Read when --token is not given, so a CI secret stays out of the command line. */
export const TOKEN_ENV = 'INTERACTIONS_KIT_TOKEN';

/**
 * The target flags' definitions, to spread into a command's `parseFlags` options.
 *
 * @example
 * parseFlags(args, { ...TARGET_FLAGS, out: { type: 'string' } });
 */
export const TARGET_FLAGS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  account: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
} as const;

/** What `parseFlags` read of the target flags. */
export interface TargetValues {
  'base-url'?: string | undefined;
  token?: string | undefined;
  account?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
}

/**
 * The target the flags name; a CliError on a missing or bad one. `example` is the base URL the
 * "is required" message offers.
 *
 * @example
 * targetOf(values, process.env, new Date(), 'https://api.truto.one');
 */
export function targetOf(
  values: TargetValues,
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
  example: string,
): ConformanceTarget {
  const baseUrl = values['base-url'];
  if (baseUrl === undefined) throw new CliError(`--base-url is required, e.g. --base-url ${example}`);
  let protocol: string | undefined;
  try {
    protocol = new URL(baseUrl).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new CliError(`--base-url must be an http(s) URL, got ${JSON.stringify(redactUrl(baseUrl))}`);
  const token = values.token ?? env[TOKEN_ENV];
  if (token === undefined || token === '') throw new CliError(`--token is required (or set ${TOKEN_ENV})`);
  if (values.account === undefined || values.account === '') throw new CliError('--account is required');
  return { baseUrl, token, account: values.account, ...windowOf(values, now) };
}

/** `--start`/`--end` (together, end after start), or the last full month. */
function windowOf(values: TargetValues, now: Date): { start: string; end: string } {
  if ((values.start === undefined) !== (values.end === undefined)) throw new CliError('--start and --end go together');
  const window =
    values.start === undefined || values.end === undefined
      ? recentFullMonth(now)
      : { start: dateTimeFlag('--start', values.start), end: dateTimeFlag('--end', values.end) };
  if (parseDateTime(window.end)! <= parseDateTime(window.start)!) throw new CliError('--end must be after --start');
  return window;
}
