/**
 * `serve`'s flags for the real service: `--replay DIR [--replay-fallback world]` and
 * `--proxy URL [--record DIR]`, read and checked together (they exclude each other).
 */
import { redactUrl } from '../redact.js';
import { CliError } from './cli-error.js';

/**
 * The real-service flags of `serve`, read.
 *
 * @example
 * const reality: RealityFlags = { replay: 'recording', replayFallback: 'world' };
 */
export interface RealityFlags {
  /** A recording folder to answer from. */
  replay?: string;
  /** What answers an unrecorded request instead of the 404. */
  replayFallback?: 'world';
  /** The target to forward to. */
  proxy?: string;
  /** With `proxy`: where exchanges are saved. */
  record?: string;
}

interface RealityValues {
  replay?: string | undefined;
  'replay-fallback'?: string | undefined;
  proxy?: string | undefined;
  record?: string | undefined;
  workers?: string | undefined;
  watch?: boolean | undefined;
}

/**
 * Reads and checks the real-service flags; undefined when none is given.
 *
 * @example
 * parseRealityFlags({ proxy: 'https://api.truto.one' }); // { proxy: 'https://api.truto.one' }
 */
export function parseRealityFlags(values: RealityValues): RealityFlags | undefined {
  const { replay, proxy, record } = values;
  const fallback = values['replay-fallback'];
  if (replay === undefined && proxy === undefined) {
    if (fallback !== undefined) throw new CliError('--replay-fallback goes with --replay DIR');
    if (record !== undefined)
      throw new CliError('--record goes with --proxy URL (to record without a proxy, run interactions-kit record)');
    return undefined;
  }
  if (replay !== undefined && proxy !== undefined)
    throw new CliError('--replay and --proxy exclude each other: pick one');
  // --watch swaps the whole listener for the world's: it would drop the recording or the proxy.
  if (values.watch === true)
    throw new CliError(
      `--watch reloads a world file; it does not go with ${replay === undefined ? '--proxy' : '--replay'}`,
    );
  if (values.workers !== undefined && values.workers !== '1')
    throw new CliError(`${replay === undefined ? '--proxy' : '--replay'} serves from one process: leave out --workers`);
  if (replay !== undefined) {
    if (replay === '') throw new CliError('--replay needs a recording folder');
    if (record !== undefined) throw new CliError('--record goes with --proxy URL, not with --replay');
    if (fallback !== undefined && fallback !== 'world')
      throw new CliError(`--replay-fallback takes "world", got ${JSON.stringify(fallback)}`);
    return { replay, ...(fallback === undefined ? {} : { replayFallback: 'world' as const }) };
  }
  if (fallback !== undefined) throw new CliError('--replay-fallback goes with --replay DIR');
  let protocol: string | undefined;
  try {
    protocol = new URL(proxy!).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new CliError(`--proxy must be an http(s) URL, got ${JSON.stringify(redactUrl(proxy!))}`);
  if (record === '') throw new CliError('--record needs a folder');
  return { proxy: proxy!, ...(record === undefined ? {} : { record }) };
}
