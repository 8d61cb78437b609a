/**
 * Writes a recording: one fixture file per exchange under `exchanges/`, a body that is not
 * JSON byte for byte (NDJSON, a target's pretty-printed or broken JSON) in a file of its own
 * beside it, and `index.json` listing them all. Exchanges can be added one at a time (the
 * proxy records as it goes), the index rewritten after each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureText, type FixtureFile } from '../fixtures/fixture-file.js';
import { RECORDING_INDEX, type RecordedExchange, type Recording, type RecordingInfo } from '../replay/recording.js';

/**
 * One line of the index.
 *
 * @example
 * const entry: IndexEntry = { file: 'exchanges/0001.json', description, method: 'GET', url, status: 200 };
 */
export interface IndexEntry {
  file: string;
  description: string;
  method: string;
  url: string;
  status: number;
}

/** The body as the fixture keeps it: parsed when that gives back the same bytes, else in a file. */
function responseBody(bodyText: string, bodyFile: string): Pick<FixtureFile['response'], 'body' | 'bodyFile'> {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (JSON.stringify(body) === bodyText) return { body };
  } catch {
    // not JSON: kept as it is, below
  }
  return { bodyFile };
}

/**
 * Writes the `number`th exchange (from 1) into `dir` and returns its index entry.
 *
 * @example
 * const entry = writeExchange('recording', 1, exchange);
 */
export function writeExchange(dir: string, number: number, exchange: Omit<RecordedExchange, 'file'>): IndexEntry {
  mkdirSync(join(dir, 'exchanges'), { recursive: true });
  const name = String(number).padStart(4, '0');
  const file = `exchanges/${name}.json`;
  const ndjson = /ndjson/i.test(exchange.fixture.response.headers['content-type'] ?? '');
  const bodyFileName = `${name}.${ndjson ? 'ndjson' : 'body'}`;
  const kept = responseBody(exchange.bodyText, bodyFileName);
  const { body: _body, bodyFile: _bodyFile, ...response } = exchange.fixture.response;
  const fixture: FixtureFile = { ...exchange.fixture, response: { ...response, ...kept } };
  if (kept.bodyFile !== undefined) writeFileSync(join(dir, 'exchanges', bodyFileName), exchange.bodyText);
  writeFileSync(join(dir, file), fixtureText(fixture));
  const { method, url } = fixture.request;
  return { file, description: fixture.description, method, url, status: fixture.response.status };
}

/**
 * Writes `index.json` of a recording.
 *
 * @example
 * writeIndex('recording', recording.info, entries);
 */
export function writeIndex(dir: string, info: RecordingInfo, entries: readonly IndexEntry[]): void {
  const manifest = {
    description:
      'A recording of the unified interactions API made by interactions-kit: each file holds a request and the answer of the target. JSON.stringify(response.body) is the exact body the target sent; any other body is in response.bodyFile. Secrets are redacted.',
    ...info,
    exchanges: entries,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, RECORDING_INDEX), fixtureText(manifest));
}

/**
 * Writes `recording` into `dir` (created when missing; files of the same names are replaced).
 *
 * @example
 * writeRecording('recording', await recordTarget(target));
 */
export function writeRecording(dir: string, recording: Recording): void {
  const entries = recording.exchanges.map((exchange, i) => writeExchange(dir, i + 1, exchange));
  writeIndex(dir, recording.info, entries);
}
