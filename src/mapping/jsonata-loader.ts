/**
 * Where JSONata comes from, loaded only when an expression must run: `@truto/truto-jsonata`
 * (what the service evaluates with: JSONata 2 plus its functions) when it is installed, plain
 * `jsonata` otherwise. Both are imported with `import()`, so the default path (the built-in
 * mapping) never loads either.
 */

/** One node of a JSONata expression's syntax tree (the parts the kit reads). */
export interface JsonataNode {
  type: string;
  value?: unknown;
  position?: number;
  procedure?: JsonataNode;
  [part: string]: unknown;
}

/**
 * A compiled JSONata expression, as both packages make it.
 *
 * @example
 * await runtime.compile('response.userId').evaluate({ response: { userId: '7' } }); // '7'
 */
export interface JsonataExpression {
  evaluate(input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
  assign(name: string, value: unknown): void;
  ast(): JsonataNode;
}

/**
 * The package that compiles and evaluates expressions.
 *
 * @example
 * const runtime = await loadJsonata();
 * runtime.name; // '@truto/truto-jsonata' when installed, else 'jsonata'
 */
export interface JsonataRuntime {
  /** The package in use. */
  readonly name: '@truto/truto-jsonata' | 'jsonata';
  /** Compiles an expression; throws JSONata's syntax error (with `position` and `code`). */
  compile(text: string): JsonataExpression;
}

/**
 * Loads a runtime; tests inject one (for instance, one where `@truto/truto-jsonata` is missing).
 *
 * @example
 * const loader: JsonataLoader = createJsonataLoader({ truto: () => Promise.reject(new Error('not installed')) });
 */
export type JsonataLoader = () => Promise<JsonataRuntime>;

type Compile = (text: string) => JsonataExpression;

const TRUTO_PACKAGE = '@truto/truto-jsonata';

/** How each package is imported. Default: `import()` of the package itself. */
export interface JsonataImports {
  truto?: () => Promise<{ default: unknown }>;
  jsonata?: () => Promise<{ default: unknown }>;
}

/**
 * A loader that tries `@truto/truto-jsonata` first, then `jsonata`, once: later calls share
 * the first call's answer.
 *
 * @example
 * const load = createJsonataLoader();
 * (await load()) === (await load()); // true
 */
export function createJsonataLoader(imports: JsonataImports = {}): JsonataLoader {
  const {
    // A variable specifier keeps bundlers from pulling the optional peer into a bundle.
    truto = () => import(/* @vite-ignore */ TRUTO_PACKAGE) as Promise<{ default: unknown }>,
    jsonata = () => import('jsonata') as Promise<{ default: unknown }>,
  } = imports;
  let loading: Promise<JsonataRuntime> | undefined;
  return () =>
    (loading ??= (async (): Promise<JsonataRuntime> => {
      try {
        const loaded = await truto();
        return { name: '@truto/truto-jsonata', compile: loaded.default as Compile };
      } catch {
        // Not installed (it is an optional peer): plain JSONata, and a clear word for an
        // expression that calls one of its functions (see truto-functions.ts).
      }
      const loaded = await jsonata();
      return { name: 'jsonata', compile: loaded.default as Compile };
    })());
}

/**
 * The process's loader: each package is imported at most once, on first use.
 *
 * @example
 * const runtime = await loadJsonata();
 */
export const loadJsonata: JsonataLoader = createJsonataLoader();
