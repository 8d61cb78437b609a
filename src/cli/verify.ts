/**
 * `interactions-kit verify`: runs the conformance suite against a target (this mock, Prism,
 * the real service) and reports. Parses flags, calls `runConformance`, writes the report, and
 * returns the exit code: 0 every check passed, 1 a check failed, 2 the target could not be
 * reached or a flag is wrong.
 */
import { writeFile } from 'node:fs/promises';
import { CONFORMANCE_CHECK_IDS, runConformance } from '../conformance/run-conformance.js';
import type { ConformanceOptions, ConformanceTarget } from '../conformance/conformance-options.js';
import { redactText } from '../redact.js';
import { CliError } from './cli-error.js';
import { exitCodeOf, renderReport, REPORTERS, type Reporter } from './verify-report.js';

export { exitCodeOf, renderReport, REPORTERS, type Reporter } from './verify-report.js';
import { parseFlags, parseIntegerFlag } from './flags.js';
import { TARGET_FLAGS, targetOf, TOKEN_ENV } from './target-flags.js';
import type { Command } from './command.js';

export { TOKEN_ENV } from './target-flags.js';

const HELP = `Usage: interactions-kit verify --base-url URL --token T --account ID [flags]

Runs the conformance suite against the unified interactions API at URL: every response
format and documented error against openapi.yaml, then pagination and the truto_* options.
Only the documented unified endpoint is called, so URL can be this mock, Prism, or the real
service.

  --base-url URL     where the API is, e.g. http://127.0.0.1:4010 or https://api.truto.one
  --token T          API token, sent as Authorization: Bearer T (default: $${TOKEN_ENV})
  --account ID       integrated_account_id of an account the token can read
  --start DATE-TIME  start_time of the window (default: the last calendar month (UTC) that ended
                     at least 24 hours ago, so on the 1st the month before that)
  --end DATE-TIME    end_time of the window (given together with --start)
  --reporter R       pretty (default) | json | junit
  --output FILE      write the report to FILE instead of stdout
  --timeout MS       longest wait for one answer (default 15000)
  --limit N          page size of paged requests (default 25)
  --max-pages N      pages the pagination walk may take before it counts as endless (default 200)
  --only ID          run only this check (repeatable)
  --skip ID          skip this check (repeatable)

  --recording DIR    check a recording offline instead (see verify --recording DIR --help)

Exit codes: 0 every check passed, 1 a check failed, 2 unreachable target or bad flags.
Checks: ${CONFORMANCE_CHECK_IDS.join(', ')}`;

/** The flags of `verify`, read. */
export interface VerifyFlags {
  target: ConformanceTarget;
  options: ConformanceOptions;
  reporter: Reporter;
  output: string | undefined;
}

function checkIds(flag: string, ids: string[] | undefined): string[] | undefined {
  const unknown = ids?.find((id) => !CONFORMANCE_CHECK_IDS.includes(id));
  if (unknown !== undefined) {
    throw new CliError(
      `${flag} ${JSON.stringify(unknown)} is not a check; checks: ${CONFORMANCE_CHECK_IDS.join(', ')}`,
    );
  }
  return ids;
}

/** Reads `verify`'s flags (`now` picks the default window); throws CliError on a bad one. */
export function parseVerifyFlags(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: Date = new Date(),
): VerifyFlags | 'help' {
  const values = parseFlags(args, {
    ...TARGET_FLAGS,
    reporter: { type: 'string' },
    output: { type: 'string' },
    timeout: { type: 'string' },
    limit: { type: 'string' },
    'max-pages': { type: 'string' },
    only: { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  const target = targetOf(values, env, now, 'http://127.0.0.1:4010');
  const reporter = (values.reporter ?? 'pretty') as Reporter;
  if (!REPORTERS.includes(reporter)) {
    throw new CliError(`--reporter must be one of ${REPORTERS.join(', ')}, got ${JSON.stringify(values.reporter)}`);
  }
  if (values.output === '') throw new CliError('--output must not be empty');
  const only = checkIds('--only', values.only);
  const skip = checkIds('--skip', values.skip);
  return {
    target,
    options: {
      timeoutMs: parseIntegerFlag('--timeout', values.timeout, 15_000, 1, 600_000),
      limit: parseIntegerFlag('--limit', values.limit, 25, 1, 1000),
      maxPages: parseIntegerFlag('--max-pages', values['max-pages'], 200, 1, 100_000),
      ...(only === undefined ? {} : { only }),
      ...(skip === undefined ? {} : { skip }),
    },
    reporter,
    output: values.output,
  };
}

export const verifyCommand: Command = {
  summary: 'check a target against the contract',
  async run(args) {
    // A recording is checked offline, with flags of its own.
    if (args.some((arg) => arg === '--recording' || arg.startsWith('--recording=')))
      return (await import('./verify-recording.js')).runVerifyRecording(args);
    const flags = parseVerifyFlags(args);
    if (flags === 'help') {
      console.log(HELP);
      return 0;
    }
    const report = await runConformance(flags.target, flags.options);
    const text = renderReport(report, flags.reporter);
    const { passed, failed, skipped } = report.summary;
    if (flags.output === undefined) {
      process.stdout.write(text);
    } else {
      try {
        await writeFile(flags.output, text);
      } catch (error) {
        throw new CliError(`cannot write ${flags.output}: ${(error as Error).message}`, 2);
      }
      console.log(
        `interactions-kit verify: ${passed} passed, ${failed} failed, ${skipped} skipped; report written to ${flags.output}`,
      );
    }
    if (report.unreachable !== undefined) console.error(`interactions-kit verify: ${redactText(report.unreachable)}`);
    return exitCodeOf(report);
  },
};
