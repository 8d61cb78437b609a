/**
 * Reads a recording folder back, checking every file: a folder that is missing or empty, an
 * index or exchange that is not valid JSON or lacks what it must hold, is a RecordingError that
 * names the file and the problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { FixtureFile } from '../fixtures/fixture-file.js';
import {
  RECORDING_INDEX,
  RecordingError,
  type RecordedExchange,
  type Recording,
  type RecordingInfo,
} from '../replay/recording.js';

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RecordingError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RecordingError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
}

/** A relative path that stays below its folder: a recording names only its own files. */
function insideFolder(file: string): boolean {
  return !isAbsolute(file) && !file.split(/[\\/]/).includes('..');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requireString(path: string, where: string, value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw new RecordingError(`${path}: ${where} must be a non-empty string`);
  return value;
}

function readExchange(dir: string, file: string): RecordedExchange {
  const path = join(dir, file);
  const fixture = readJson(path);
  if (!isObject(fixture) || !isObject(fixture.request) || !isObject(fixture.response)) {
    throw new RecordingError(`${path}: must be { description, request, response } as a fixture file is`);
  }
  const { request, response } = fixture;
  requireString(path, 'request.method', request.method);
  const url = requireString(path, 'request.url', request.url);
  if (!url.startsWith('/'))
    throw new RecordingError(`${path}: request.url must be a path starting with /, got ${JSON.stringify(url)}`);
  if (!isObject(request.headers)) throw new RecordingError(`${path}: request.headers must be an object`);
  if (
    typeof response.status !== 'number' ||
    !Number.isInteger(response.status) ||
    response.status < 100 ||
    response.status > 599
  ) {
    throw new RecordingError(`${path}: response.status must be an HTTP status, got ${JSON.stringify(response.status)}`);
  }
  if (!isObject(response.headers) || Object.values(response.headers).some((value) => typeof value !== 'string')) {
    throw new RecordingError(`${path}: response.headers must be an object of strings`);
  }
  let bodyText: string;
  if (typeof response.bodyFile === 'string') {
    if (!insideFolder(response.bodyFile))
      throw new RecordingError(
        `${path}: response.bodyFile ${JSON.stringify(response.bodyFile)} is outside the recording`,
      );
    const bodyPath = join(dirname(path), response.bodyFile);
    try {
      bodyText = readFileSync(bodyPath, 'utf8');
    } catch {
      throw new RecordingError(`${path}: response.bodyFile ${JSON.stringify(response.bodyFile)} cannot be read`);
    }
  } else if ('body' in response) {
    bodyText = JSON.stringify(response.body);
  } else {
    throw new RecordingError(`${path}: response has neither body nor bodyFile`);
  }
  return { file, fixture: fixture as unknown as FixtureFile, bodyText };
}

/**
 * Reads the recording in `dir`; throws RecordingError naming the file and the problem.
 *
 * @example
 * const { info, exchanges } = readRecording('recording');
 */
export function readRecording(dir: string): Recording {
  if (!existsSync(dir))
    throw new RecordingError(`${dir}: no such folder (record one with interactions-kit record --out ${dir})`);
  if (!statSync(dir).isDirectory()) throw new RecordingError(`${dir}: not a folder`);
  const indexPath = join(dir, RECORDING_INDEX);
  if (!existsSync(indexPath)) {
    throw new RecordingError(
      readdirSync(dir).length === 0
        ? `${dir}: the folder is empty, it holds no recording (record one with interactions-kit record --out ${dir})`
        : `${indexPath}: missing, so ${dir} is not a recording`,
    );
  }
  const index = readJson(indexPath);
  if (!isObject(index)) throw new RecordingError(`${indexPath}: must be a JSON object`);
  const info: RecordingInfo = {
    baseUrl: requireString(indexPath, 'baseUrl', index.baseUrl),
    account: requireString(indexPath, 'account', index.account),
    start: requireString(indexPath, 'start', index.start),
    end: requireString(indexPath, 'end', index.end),
    recordedAt: requireString(indexPath, 'recordedAt', index.recordedAt),
    ...(typeof index.limit === 'number' ? { limit: index.limit } : {}),
    ...(typeof index.unknownAccount === 'string' ? { unknownAccount: index.unknownAccount } : {}),
    ...(Array.isArray(index.formats) ? { formats: index.formats.map(String) } : {}),
  };
  if (!Array.isArray(index.exchanges)) throw new RecordingError(`${indexPath}: exchanges must be a list`);
  if (index.exchanges.length === 0) throw new RecordingError(`${indexPath}: the recording holds no exchange`);
  const exchanges = index.exchanges.map((entry: unknown, i) => {
    if (!isObject(entry) || typeof entry.file !== 'string' || entry.file === '') {
      throw new RecordingError(`${indexPath}: exchanges[${i}].file must name a file`);
    }
    if (!insideFolder(entry.file)) {
      throw new RecordingError(
        `${indexPath}: exchanges[${i}].file ${JSON.stringify(entry.file)} is outside the recording`,
      );
    }
    return readExchange(dir, entry.file);
  });
  return { info, exchanges };
}
