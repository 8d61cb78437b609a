/**
 * The contract's only contact with a file system: reading `openapi.yaml` (or another file)
 * when a path or `file:` URL is given. Node's `fs` is asked for at that moment, not imported,
 * so the contract module loads in a browser or a worker, where a parsed document is passed in.
 */
import { ContractError } from './contract-error.js';

interface FileAccess {
  readFileSync(path: string | URL, encoding: 'utf8'): string;
  fileURLToPath(url: URL): string;
  /** Loads a package synchronously, as CommonJS `require` does. */
  require(id: string): unknown;
}

/** Node's file functions, when this runtime has them (Node 20.16 and later). */
function fileAccess(): FileAccess | undefined {
  const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  if (getBuiltinModule === undefined) return undefined;
  const fs = getBuiltinModule('node:fs') as Pick<FileAccess, 'readFileSync'>;
  const url = getBuiltinModule('node:url') as Pick<FileAccess, 'fileURLToPath'>;
  const module = getBuiltinModule('node:module') as { createRequire(from: string): (id: string) => unknown };
  return {
    readFileSync: fs.readFileSync,
    fileURLToPath: url.fileURLToPath,
    require: module.createRequire(import.meta.url),
  };
}

/**
 * Where a contract file is, as a path for messages (`file:` URLs become paths where Node is).
 *
 * @example
 * ```ts
 * describeContractFile(new URL('file:///srv/kit/openapi.yaml')); // '/srv/kit/openapi.yaml'
 * ```
 */
export function describeContractFile(source: string | URL): string {
  if (typeof source === 'string') return source;
  const files = fileAccess();
  return files === undefined || source.protocol !== 'file:' ? source.href : files.fileURLToPath(source);
}

/**
 * The text of a contract file.
 *
 * @example
 * ```ts
 * const text = readContractFile(new URL('../../openapi.yaml', import.meta.url));
 * ```
 * @throws ContractError when the file cannot be read, or this runtime has no file system.
 */
export function readContractFile(source: string | URL): string {
  const files = fileAccess();
  const path = describeContractFile(source);
  if (files === undefined) {
    throw new ContractError(
      `cannot read the contract at ${path}: this runtime has no file system; pass the parsed OpenAPI document to loadContract instead`,
    );
  }
  try {
    return files.readFileSync(source instanceof URL ? files.fileURLToPath(source) : source, 'utf8');
  } catch (error) {
    throw new ContractError(`cannot read the contract at ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Parses a contract file's YAML text. The YAML parser is loaded here, on first use, not when the
 * contract module is imported: the package's own contract is read from its JSON twin, so most
 * test files never pay for the parser (about 30 ms of a cold import). Only a file is ever parsed,
 * so this runtime has a file system and Node's `require`.
 *
 * @example
 * ```ts
 * parseContractYaml('openapi: 3.1.0'); // { openapi: '3.1.0' }
 * ```
 */
export function parseContractYaml(text: string): unknown {
  const files = fileAccess();
  if (files === undefined) throw new ContractError('this runtime has no file system, so no YAML file to parse');
  const yaml = files.require('yaml') as { parse(text: string): unknown };
  return yaml.parse(text);
}
