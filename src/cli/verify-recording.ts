/**
 * `interactions-kit verify --recording DIR`: the contract checks and the drift report over a
 * recording, offline, with `verify`'s reporters and exit codes (0 passed, 1 a check failed, 2 a
 * recording that cannot be read or a bad flag).
 */
import { writeFile } from 'node:fs/promises';
import { CONFORMANCE_CHECK_IDS } from '../conformance/run-conformance.js';
import { readRecording } from '../reality/read-recording.js';
import { RecordingError } from '../replay/recording.js';
import { verifyRecording } from '../reality/verify-recording.js';
import { CliError } from './cli-error.js';
import { parseFlags, parseIntegerFlag } from './flags.js';
import { exitCodeOf, renderReport, REPORTERS, type Reporter } from './verify-report.js';

export const VERIFY_RECORDING_HELP = `Usage: interactions-kit verify --recording DIR [flags]

Runs the conformance suite offline over a recording made by \`interactions-kit record\` (each
request answered from the recording), then the drift report: fields the recording shows that
the contract does not document, statuses outside the contract, where this mock's answer to the
same request differs in shape (not values) from the recorded one, and, as a note, fields the
contract documents that the recording never shows. No network, no token.

  --recording DIR    the recording's folder
  --account ID       fail unless the recording was made for this integrated_account_id
  --no-mock          leave out the comparison with this mock
  --reporter R       pretty (default) | json | junit
  --output FILE      write the report to FILE instead of stdout
  --max-pages N      pages the pagination walk may take (default 200)
  --only ID, --skip ID  run only / skip a conformance check (repeatable)

Exit codes: 0 every check passed, 1 a check failed, 2 an unreadable recording or bad flags.`;

/**
 * Runs `verify --recording` with the arguments after `verify`; resolves with the exit code.
 *
 * @example
 * await runVerifyRecording(['--recording', 'recording', '--reporter', 'junit']);
 */
export async function runVerifyRecording(args: string[]): Promise<number> {
  const values = parseFlags(args, {
    recording: { type: 'string' },
    account: { type: 'string' },
    'no-mock': { type: 'boolean' },
    reporter: { type: 'string' },
    output: { type: 'string' },
    'max-pages': { type: 'string' },
    only: { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    console.log(VERIFY_RECORDING_HELP);
    return 0;
  }
  const dir = values.recording;
  if (dir === undefined || dir === '') throw new CliError('--recording needs a folder made by interactions-kit record');
  const reporter = (values.reporter ?? 'pretty') as Reporter;
  if (!REPORTERS.includes(reporter))
    throw new CliError(`--reporter must be one of ${REPORTERS.join(', ')}, got ${JSON.stringify(values.reporter)}`);
  if (values.output === '') throw new CliError('--output must not be empty');
  for (const [flag, ids] of [
    ['--only', values.only],
    ['--skip', values.skip],
  ] as const) {
    const unknown = ids?.find((id) => !CONFORMANCE_CHECK_IDS.includes(id));
    if (unknown !== undefined)
      throw new CliError(
        `${flag} ${JSON.stringify(unknown)} is not a check; checks: ${CONFORMANCE_CHECK_IDS.join(', ')}`,
      );
  }
  const maxPages = parseIntegerFlag('--max-pages', values['max-pages'], 200, 1, 100_000);
  let recording;
  try {
    recording = readRecording(dir);
  } catch (error) {
    if (error instanceof RecordingError) throw new CliError(error.message, 2);
    throw error;
  }
  if (values.account !== undefined && values.account !== recording.info.account) {
    throw new CliError(
      `the recording in ${dir} was made with --account ${recording.info.account}, not ${values.account}: record that account, or check this recording without --account`,
      2,
    );
  }
  const report = await verifyRecording(recording, {
    maxPages,
    source: `recording ${dir} (of ${recording.info.baseUrl})`,
    ...(values['no-mock'] === true ? { mock: false as const } : {}),
    ...(values.only === undefined ? {} : { only: values.only }),
    ...(values.skip === undefined ? {} : { skip: values.skip }),
  });
  const text = renderReport(report, reporter);
  if (values.output === undefined) process.stdout.write(text);
  else {
    try {
      await writeFile(values.output, text);
    } catch (error) {
      throw new CliError(`cannot write ${values.output}: ${(error as Error).message}`, 2);
    }
    const { passed, failed, skipped } = report.summary;
    console.log(
      `interactions-kit verify: ${passed} passed, ${failed} failed, ${skipped} skipped; report written to ${values.output}`,
    );
  }
  return exitCodeOf(report);
}
