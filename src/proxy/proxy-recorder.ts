/**
 * `serve --proxy URL --record DIR`: what the proxy saw, saved as `record` saves it, one
 * exchange at a time (redacted, each request once), the index rewritten after each so a
 * stopped proxy leaves a complete recording.
 */
import { splitBearer } from './split-bearer.js';
import type { FixtureFile } from '../fixtures/fixture-file.js';
import { redactUrl } from '../redact.js';
import { redactExchange } from '../reality/redact-exchange.js';
import type { RecordingInfo } from '../replay/recording.js';
import { writeExchange, writeIndex, type IndexEntry } from '../reality/write-recording.js';
import { requestKey } from '../replay/request-key.js';

/**
 * Saves proxied exchanges into a recording folder.
 *
 * @example
 * const recorder = createProxyRecorder('recording', 'https://api.truto.one');
 * recorder.add(fixture, bodyText);
 */
export interface ProxyRecorder {
  add(fixture: FixtureFile, bodyText: string): void;
}

/**
 * A recorder writing into `dir`.
 *
 * @example
 * createProxyRecorder('recording', 'http://127.0.0.1:4011');
 */
export function createProxyRecorder(dir: string, target: string, now: () => Date = () => new Date()): ProxyRecorder {
  const entries: IndexEntry[] = [];
  const seen = new Set<string>();
  let info: RecordingInfo | undefined;
  return {
    add(fixture, bodyText) {
      const secrets = splitBearer(fixture.request.headers.authorization);
      const clean = redactExchange(fixture, bodyText, secrets);
      const { method, url, headers } = clean.fixture.request;
      const key = requestKey(method, url, headers).text;
      if (seen.has(key)) return;
      seen.add(key);
      // The window and account of the recording: the first unified request that names them.
      const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
      const account = query.get('integrated_account_id');
      if (info === undefined && account !== null && account !== '') {
        info = {
          baseUrl: redactUrl(target),
          account,
          start: query.get('start_time') || '-',
          end: query.get('end_time') || '-',
          recordedAt: now().toISOString(),
        };
      }
      entries.push(writeExchange(dir, entries.length + 1, clean));
      writeIndex(
        dir,
        info ?? { baseUrl: redactUrl(target), account: '-', start: '-', end: '-', recordedAt: now().toISOString() },
        entries,
      );
    },
  };
}
