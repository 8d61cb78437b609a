/**
 * Which operation of the contract a request reached: by method and templated path
 * (`/gong/{integrated_account_id}/v2/users`), tolerating a base path in front (a proxy's
 * prefix, a server URL with a path) and a full URL instead of a path.
 */
import type { Diagnostic } from './diagnostics.js';
import { HTTP_METHODS, type OpenApiDocument, type OperationObject, type PathItemObject } from './openapi-document.js';

/**
 * The operation a request reached.
 *
 * @example
 * ```ts
 * const match: OperationMatch | undefined = contract.findOperation('GET', '/gong/62f4.../v2/users');
 * match?.pathParameters; // { integrated_account_id: '62f4...' }
 * ```
 */
export interface OperationMatch {
  /** The path as the contract writes it, e.g. `/gong/{integrated_account_id}/v2/users`. */
  pathTemplate: string;
  /** Lower-case, as OpenAPI keys it. */
  method: string;
  operation: OperationObject;
  pathItem: PathItemObject;
  /** The templated segments' values, e.g. `{ integrated_account_id: '62f4...' }`. */
  pathParameters: Record<string, string>;
}

/** Finds the operation of a method and path, or says why there is none. */
export type FindOperation = (method: string, path: string) => OperationMatch | Diagnostic;

interface CompiledPath {
  template: string;
  pattern: RegExp;
  names: string[];
  literalLength: number;
  item: PathItemObject;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compilePath(template: string, item: PathItemObject): CompiledPath {
  const names: string[] = [];
  let literalLength = 0;
  const body = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name !== undefined) {
        names.push(name);
        return '([^/]+)';
      }
      literalLength += part.length;
      return escapeRegExp(part);
    })
    .join('');
  // Group 1 is the base path in front: whole segments only.
  return { template, pattern: new RegExp(`^((?:/[^/]+)*?)${body}/?$`), names, literalLength, item };
}

/** The path part of a path, a path with a query string, or a full URL. */
export function pathOf(pathOrUrl: string): string {
  const withoutOrigin = /^[a-z][a-z0-9+.-]*:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl;
  const end = withoutOrigin.search(/[?#]/);
  const path = end === -1 ? withoutOrigin : withoutOrigin.slice(0, end);
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * An operation finder over the document's paths. Of several matches the one with the shortest
 * base path wins, then the one with the most literal characters (`/users/me` over `/users/{id}`).
 *
 * @example
 * ```ts
 * const find = createOperationFinder(document);
 * find('GET', 'https://api.truto.one/unified/conversational-intelligence/interactions?limit=1');
 * // { pathTemplate: '/unified/conversational-intelligence/interactions', method: 'get', ... }
 * ```
 */
export function createOperationFinder(document: OpenApiDocument): FindOperation {
  const paths = Object.entries(document.paths ?? {}).map(([template, item]) => compilePath(template, item));
  return function findOperation(method, pathOrUrl) {
    const path = pathOf(pathOrUrl);
    const matches = paths
      .map((compiled) => ({ compiled, match: compiled.pattern.exec(path) }))
      .filter((candidate): candidate is { compiled: CompiledPath; match: RegExpExecArray } => candidate.match !== null)
      .sort(
        (a, b) =>
          (a.match[1] ?? '').length - (b.match[1] ?? '').length || b.compiled.literalLength - a.compiled.literalLength,
      );
    if (matches.length === 0) {
      return {
        pointer: '/path',
        rule: 'path-documented',
        message: `no path of the contract matches ${path}`,
        value: path,
      };
    }
    const lower = method.toLowerCase();
    const found = matches.find(
      ({ compiled }) =>
        (HTTP_METHODS as readonly string[]).includes(lower) && compiled.item[lower as 'get'] !== undefined,
    );
    if (found === undefined) {
      const first = matches[0]!.compiled;
      const allowed = HTTP_METHODS.filter((m) => first.item[m] !== undefined).map((m) => m.toUpperCase());
      return {
        pointer: '/method',
        rule: 'method-documented',
        message: `${method.toUpperCase()} is not documented for ${first.template} (documented: ${allowed.join(', ')})`,
        value: method,
      };
    }
    const { compiled, match } = found;
    const pathParameters: Record<string, string> = {};
    compiled.names.forEach((name, i) => {
      const raw = match[i + 2] ?? '';
      try {
        pathParameters[name] = decodeURIComponent(raw);
      } catch {
        pathParameters[name] = raw;
      }
    });
    return {
      pathTemplate: compiled.template,
      method: lower,
      operation: compiled.item[lower as 'get'] as OperationObject,
      pathItem: compiled.item,
      pathParameters,
    };
  };
}
