/**
 * Reads the contract: `openapi.yaml` next to the package (the same two levels up from
 * `src/contract/` and `dist/contract/`), another file, or a document already parsed. Only a
 * path or URL touches the file system (see read-contract-file.ts), so importing this needs none.
 * The package's own contract is read from `openapi.json`, the same document as JSON
 * (`npm run generate` writes it, a test keeps it fresh): parsing the YAML takes about 200 ms on
 * a cold process, JSON.parse about 1.
 */
import { ContractError } from './contract-error.js';
import type { OpenApiDocument } from './openapi-document.js';
import { describeContractFile, parseContractYaml, readContractFile } from './read-contract-file.js';

/**
 * Where the package's own contract lives (a `file:` URL in Node).
 *
 * @example
 * ```ts
 * DEFAULT_CONTRACT_URL.pathname.endsWith('/openapi.yaml'); // true
 * ```
 */
export const DEFAULT_CONTRACT_URL = new URL('../../openapi.yaml', import.meta.url);

/** The package's contract as JSON, beside the YAML: what the default source is read from. */
const DEFAULT_CONTRACT_JSON_URL = new URL('../../openapi.json', import.meta.url);

/**
 * A contract to load: a file path, a `file:` URL, or an OpenAPI document already parsed (the
 * only kind a runtime without a file system can load).
 *
 * @example
 * ```ts
 * loadContract('./openapi.yaml');
 * loadContract(new URL('./openapi.yaml', import.meta.url));
 * loadContract(parse(await (await fetch('/openapi.yaml')).text())); // a browser: parse it yourself
 * ```
 */
export type ContractSource = string | URL | OpenApiDocument;

/**
 * The OpenAPI document of `source` (YAML or JSON; YAML anchors and aliases allowed).
 *
 * @example
 * ```ts
 * const document = readOpenApiDocument(); // the package's openapi.yaml
 * const other = readOpenApiDocument('./other/openapi.yaml');
 * ```
 */
export function readOpenApiDocument(source: ContractSource = DEFAULT_CONTRACT_URL): OpenApiDocument {
  const document = typeof source === 'string' || source instanceof URL ? readFile(source) : source;
  if (typeof document !== 'object' || document === null || typeof (document as OpenApiDocument).openapi !== 'string') {
    throw new ContractError(`${describeSource(source)} is not an OpenAPI document (no "openapi" field)`);
  }
  if (!(document as OpenApiDocument).openapi.startsWith('3.1')) {
    throw new ContractError(
      `${describeSource(source)} is OpenAPI ${(document as OpenApiDocument).openapi}; only 3.1 is supported`,
    );
  }
  return document as OpenApiDocument;
}

/** The package's own contract from its JSON twin, or undefined when the twin cannot be read. */
function readDefaultJson(): unknown {
  let text: string;
  try {
    text = readContractFile(DEFAULT_CONTRACT_JSON_URL);
  } catch {
    return undefined; // No file system, or no twin: the YAML path below says what is wrong.
  }
  return JSON.parse(text);
}

function readFile(source: string | URL): unknown {
  if (source instanceof URL && source.href === DEFAULT_CONTRACT_URL.href) {
    const document = readDefaultJson();
    if (document !== undefined) return document;
  }
  const text = readContractFile(source);
  try {
    return parseContractYaml(text);
  } catch (error) {
    throw new ContractError(
      `the contract at ${describeContractFile(source)} is not valid YAML: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

function describeSource(source: ContractSource): string {
  return typeof source === 'string' || source instanceof URL ? describeContractFile(source) : 'the given document';
}
