/**
 * `interactions-kit record`: records the target's unified endpoint into a folder (the
 * conformance suite's requests and every page of the window in each format), redacted, with a
 * progress bar on a terminal. Exit codes: 0 recorded, 2 bad flags or a target that cannot be
 * recorded (unreachable, not this API, token or account refused).
 */
import { createProgressBar, type ProgressBar } from '../fixtures/progress-bar.js';
import { RECORD_FORMATS, RecordError, recordTarget, type RecordFormat } from '../reality/record-target.js';
import { writeRecording } from '../reality/write-recording.js';
import { redactText, redactUrl } from '../redact.js';
import { CliError } from './cli-error.js';
import type { Command } from './command.js';
import { parseFlags, parseIntegerFlag } from './flags.js';
import { TARGET_FLAGS, targetOf, TOKEN_ENV } from './target-flags.js';

const HELP = `Usage: interactions-kit record --base-url URL --token T --account ID --out DIR [flags]

Records the unified interactions API at URL into DIR: the conformance suite's requests (every
format, the errors that can be provoked without harm: no token, missing parameters, an unknown
account, a garbage cursor) and every page of the window in each format. Each exchange is a
fixture file ({ description, request, response }) listed in DIR/index.json. The token, the
Authorization header and anything secret-looking are redacted before anything is written.
A 429 is waited out (Retry-After). Replay it with serve --replay DIR, check it with
verify --recording DIR.

  --base-url URL     where the API is, e.g. https://api.truto.one
  --token T          API token, sent as Authorization: Bearer T (default: $${TOKEN_ENV})
  --account ID       integrated_account_id of an account the token can read
  --start DATE-TIME  start_time of the window (default: the last full calendar month (UTC) ended
                     at least 24 hours ago)
  --end DATE-TIME    end_time of the window (given together with --start)
  --formats LIST     formats walked page by page, comma-separated (default ${RECORD_FORMATS.join(',')})
  --out DIR          the recording's folder (created; files of the same names are replaced)
  --limit N          page size (default 25)
  --max-pages N      pages one walk may take (default 200)
  --timeout MS       longest wait for one answer (default 15000)

Exit codes: 0 recorded, 2 bad flags or a target that cannot be recorded.`;

/** The flags of `record`, read. */
interface RecordFlags {
  target: { baseUrl: string; token: string; account: string; start: string; end: string };
  formats: RecordFormat[];
  out: string;
  limit: number;
  maxPages: number;
  timeoutMs: number;
}

/**
 * Reads `record`'s flags; throws CliError on a bad one.
 *
 * @example
 * parseRecordFlags(['--base-url', 'http://127.0.0.1:4010', '--token', 't', '--account', id, '--out', 'rec']);
 */
export function parseRecordFlags(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: Date = new Date(),
): RecordFlags | 'help' {
  const values = parseFlags(args, {
    ...TARGET_FLAGS,
    formats: { type: 'string' },
    out: { type: 'string' },
    limit: { type: 'string' },
    'max-pages': { type: 'string' },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  const target = targetOf(values, env, now, 'https://api.truto.one');
  if (values.out === undefined || values.out === '') throw new CliError('--out is required: the folder to record into');
  const formats = (values.formats ?? RECORD_FORMATS.join(',')).split(',').map((format) => format.trim());
  const unknown = formats.find((format) => !(RECORD_FORMATS as readonly string[]).includes(format));
  if (unknown !== undefined)
    throw new CliError(`--formats: ${JSON.stringify(unknown)} is not a format; formats: ${RECORD_FORMATS.join(', ')}`);
  return {
    target,
    formats: [...new Set(formats)] as RecordFormat[],
    out: values.out,
    limit: parseIntegerFlag('--limit', values.limit, 25, 1, 1000),
    maxPages: parseIntegerFlag('--max-pages', values['max-pages'], 200, 1, 100_000),
    timeoutMs: parseIntegerFlag('--timeout', values.timeout, 15_000, 1, 600_000),
  };
}

export const recordCommand: Command = {
  summary: 'record the real service into a folder',
  async run(args) {
    const flags = parseRecordFlags(args);
    if (flags === 'help') {
      console.log(HELP);
      return 0;
    }
    let bar: ProgressBar | undefined;
    let recording;
    try {
      recording = await recordTarget(flags.target, {
        formats: flags.formats,
        limit: flags.limit,
        maxPages: flags.maxPages,
        timeoutMs: flags.timeoutMs,
        onProgress(done, total) {
          bar ??= createProgressBar({ total, label: 'recording' });
          bar.update(done);
        },
      });
    } catch (error) {
      if (error instanceof RecordError) throw new CliError(redactText(error.message), 2);
      throw error;
    } finally {
      bar?.finish();
    }
    try {
      writeRecording(flags.out, recording);
    } catch (error) {
      throw new CliError(`cannot write the recording into ${flags.out}: ${(error as Error).message}`, 2);
    }
    console.log(
      `interactions-kit record: ${recording.exchanges.length} exchanges of ${redactUrl(flags.target.baseUrl)} (account ${flags.target.account}) written to ${flags.out}`,
    );
    return 0;
  },
};
