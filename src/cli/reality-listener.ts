/**
 * Builds the listener of `serve --replay` or `serve --proxy`. The recording is read before
 * the server listens, so a missing, empty or broken one is a one-line error and no port taken.
 */
import type { RequestListener } from 'node:http';
import { createProxyRecorder } from '../proxy/proxy-recorder.js';
import { proxyDoor } from '../proxy/proxy-door.js';
import { readRecording } from '../reality/read-recording.js';
import { RecordingError } from '../replay/recording.js';
import { redactUrl } from '../redact.js';
import { createReplay } from '../replay/replay-recording.js';
import { replayDoor } from '../replay/replay-door.js';
import { createRequestListener } from '../server/create-app.js';
import { nodeDoor } from '../server/node-door.js';
import { resolveOptions } from '../server/options.js';
import { CliError } from './cli-error.js';
import type { ServeFlags } from './serve-flags.js';

/**
 * A replay or proxy door, ready once the server's URL is known.
 *
 * @example
 * const reality = prepareReality(flags); reality?.listener('http://127.0.0.1:4010');
 */
export interface PreparedReality {
  /** One line for the banner. */
  describe: string;
  listener(url: string): RequestListener;
}

/**
 * The replay or proxy door the flags ask for, or undefined; throws CliError (exit 1) for a
 * recording that cannot be read.
 *
 * @example
 * prepareReality(parseServeFlags(['--replay', 'recording']));
 */
export function prepareReality(flags: ServeFlags): PreparedReality | undefined {
  const reality = flags.reality;
  if (reality === undefined) return undefined;
  if (reality.replay !== undefined) {
    let recording;
    try {
      recording = readRecording(reality.replay);
    } catch (error) {
      if (error instanceof RecordingError) throw new CliError(`--replay: ${error.message}`, 1);
      throw error;
    }
    const replay = createReplay(recording);
    const fallback = reality.replayFallback === 'world';
    return {
      describe: `replaying ${reality.replay} (${recording.exchanges.length} exchanges of ${recording.info.baseUrl}, account ${recording.info.account})${fallback ? '; unrecorded requests answered from the world' : ''}`,
      listener: (url) => replayDoor({ replay, world: createRequestListener({ baseUrl: url, ...flags.app }), fallback }),
    };
  }
  const target = reality.proxy!;
  return {
    describe: `proxying API requests to ${redactUrl(target)}, answers checked against the contract${reality.record === undefined ? '' : `, recorded into ${reality.record}`}`,
    listener(url) {
      const { engine, door } = resolveOptions({ baseUrl: url, ...flags.app });
      return proxyDoor({
        target,
        engine,
        admin: nodeDoor(engine, door),
        ...(reality.record === undefined ? {} : { recorder: createProxyRecorder(reality.record, target) }),
      });
    },
  };
}
