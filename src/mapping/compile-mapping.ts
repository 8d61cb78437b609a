/**
 * A mapping expression compiled once per process (cached by its text) and run with bounds: an
 * evaluation that runs past a time limit or recurses too deep is stopped with an error, so a
 * `$loop` in an override costs one 502, never a hung server.
 */
import type { JsonataExpression, JsonataNode, JsonataRuntime } from './jsonata-loader.js';
import { placeInText, type MappingFailure } from '../unified/mapping-failure.js';
import type { MappingKind, MappingLayer } from '../unified/mapping-texts.js';
import { TRUTO_FUNCTIONS, TRUTO_INSTALL } from './truto-functions.js';

/**
 * How long one evaluation may run, and how deep it may nest, before it is stopped; and how long
 * a page's records may take together (each record is one evaluation, so without it a slow but
 * finite expression could hold a 100-record page for 100 s).
 *
 * @example
 * MAPPING_BOUNDS.timeMs; // 1000
 */
export const MAPPING_BOUNDS = { timeMs: 1000, depth: 400, pageTimeMs: 5000 } as const;

/**
 * An expression ready to run: `run` answers its value, or a failure naming layer and place.
 *
 * @example
 * const result = await compiled.run({ response, body, headers, query, rawQuery, context });
 */
export interface CompiledMapping {
  layer: MappingLayer;
  kind: MappingKind;
  text: string;
  run(input: Record<string, unknown>): Promise<{ value: unknown } | MappingFailure>;
}

interface JsonataError {
  code?: string;
  position?: number;
  token?: string;
  message?: string;
}

/** What a thrown JSONata error (an object, not always an Error) says, placed in the text. */
function failureOf(layer: MappingLayer, kind: MappingKind, text: string, error: unknown): MappingFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as JsonataError;
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(error);
  return {
    layer,
    kind,
    message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.position === 'number' ? placeInText(text, e.position) : {}),
  };
}

/** Names the expression assigns itself (`$f := ...`): those are not the package's functions. */
function assignedNames(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const child of node) assignedNames(child, found);
  else if (typeof node === 'object' && node !== null) {
    const n = node as JsonataNode;
    if (n.type === 'bind' && typeof n['lhs'] === 'object' && n['lhs'] !== null) {
      const lhs = n['lhs'] as JsonataNode;
      if (lhs.type === 'variable' && typeof lhs.value === 'string') found.add(lhs.value);
    }
    for (const value of Object.values(n)) if (typeof value === 'object') assignedNames(value, found);
  }
  return found;
}

/** The first call of a `@truto/truto-jsonata` function in the tree, with its position. */
function trutoCall(node: unknown, own: Set<string>): { name: string; position: number | undefined } | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = trutoCall(child, own);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as JsonataNode;
  const procedure = n.procedure;
  if (
    (n.type === 'function' || n.type === 'partial') &&
    procedure?.type === 'variable' &&
    typeof procedure.value === 'string' &&
    TRUTO_FUNCTIONS.has(procedure.value) &&
    !own.has(procedure.value)
  )
    return { name: procedure.value, position: procedure.position };
  for (const value of Object.values(n)) {
    if (typeof value !== 'object') continue;
    const found = trutoCall(value, own);
    if (found !== undefined) return found;
  }
  return undefined;
}

const ENTRY = Symbol.for('jsonata.__evaluate_entry');

/** The bounds, checked each time JSONata evaluates a node; state is per evaluation (its base frame). */
function bound(expression: JsonataExpression): void {
  const started = new WeakMap<object, number>();
  const check = (_node: unknown, _input: unknown, environment: { base?: { depth?: number } }): void => {
    const base = environment.base;
    if (base === undefined) return;
    const now = Date.now();
    const start = started.get(base);
    if (start === undefined) started.set(base, now);
    else if (now - start > MAPPING_BOUNDS.timeMs)
      throw {
        code: 'U1001',
        message: `ran longer than ${MAPPING_BOUNDS.timeMs} ms and was stopped: check for a loop that never ends`,
      };
    if ((base.depth ?? 0) > MAPPING_BOUNDS.depth)
      throw {
        code: 'U1002',
        message: `nested deeper than ${MAPPING_BOUNDS.depth} and was stopped: check for a recursion that never ends`,
      };
  };
  // JSONata looks its evaluation hooks up by symbol; `assign` binds any name.
  expression.assign(ENTRY as unknown as string, check);
}

type Compiled = { expression: JsonataExpression } | { error: unknown };

const cache = new WeakMap<JsonataRuntime, Map<string, Compiled>>();

function compileOnce(runtime: JsonataRuntime, text: string): Compiled {
  let byText = cache.get(runtime);
  if (byText === undefined) cache.set(runtime, (byText = new Map()));
  let compiled = byText.get(text);
  if (compiled === undefined) {
    try {
      const expression = runtime.compile(text);
      bound(expression);
      compiled = { expression };
    } catch (error) {
      compiled = { error };
    }
    byText.set(text, compiled);
  }
  return compiled;
}

/**
 * Compiles `text` for `layer`'s `kind` (once per runtime and text), or says why it cannot run:
 * a syntax error with its place, or a `@truto/truto-jsonata` function without that package.
 *
 * @example
 * const compiled = compileMapping(await loadJsonata(), 'server', 'response_mapping', 'response');
 * if (!isMappingFailure(compiled)) await compiled.run({ response: person });
 */
export function compileMapping(
  runtime: JsonataRuntime,
  layer: MappingLayer,
  kind: MappingKind,
  text: string,
): CompiledMapping | MappingFailure {
  const compiled = compileOnce(runtime, text);
  if ('error' in compiled) return failureOf(layer, kind, text, compiled.error);
  const { expression } = compiled;
  if (runtime.name === 'jsonata') {
    const ast = expression.ast();
    const call = trutoCall(ast, assignedNames(ast, new Set()));
    if (call !== undefined)
      return {
        layer,
        kind,
        message: `$${call.name} is a function of @truto/truto-jsonata, which is not installed; run ${TRUTO_INSTALL}`,
        ...(call.position === undefined ? {} : placeInText(text, call.position)),
      };
  }
  return {
    layer,
    kind,
    text,
    async run(input) {
      try {
        // Bindings (even none) give each evaluation a frame of its own, which the bounds key on.
        return { value: await expression.evaluate(input, {}) };
      } catch (error) {
        return failureOf(layer, kind, text, error);
      }
    },
  };
}
