/**
 * compileMapping on its own: what a thrown error becomes (its message, JSONata's code and the
 * place in the text, only when they are what they say), one compilation per runtime and text,
 * a `@truto/truto-jsonata` function found wherever it is called when only plain JSONata is
 * there, and the bounds an evaluation is held to, checked on the hook JSONata calls at every
 * node (on a runtime the test makes, so its clock and depth are the test's).
 */
import jsonata from 'jsonata';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMapping, type CompiledMapping } from '../../src/mapping/compile-mapping.js';
import type { JsonataExpression, JsonataRuntime } from '../../src/mapping/jsonata-loader.js';

/** A runtime whose compile does `compile` and counts its calls. */
function fakeRuntime(compile: (text: string) => JsonataExpression, name: JsonataRuntime['name'] = 'jsonata') {
  const runtime = {
    name,
    compiles: 0,
    compile(text: string) {
      runtime.compiles += 1;
      return compile(text);
    },
  };
  return runtime;
}

/** JSONata's own compile, as the loader hands it on (its node type is looser than the kit's). */
const compileJsonata = (text: string) => jsonata(text) as unknown as JsonataExpression;
const plain = (): JsonataRuntime => ({ name: 'jsonata', compile: compileJsonata });

describe('a compile error becomes a failure', () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ['a thrown text', 'boom', { message: 'boom' }],
    ['null', null, { message: 'null' }],
    ['an Error without a message', new Error(''), { message: 'Error' }],
    [
      "JSONata's error, placed at its position (line 2, column 3 of the text)",
      { code: 'S0201', position: 6, message: 'Syntax error' },
      { message: 'Syntax error', code: 'S0201', line: 2, column: 3 },
    ],
    [
      'an object whose parts are not what they say: no code, no place',
      { code: 42, position: '6', message: 5 },
      { message: '[object Object]' },
    ],
  ])('%s', (_name, thrown, said) => {
    const runtime = fakeRuntime(() => {
      throw thrown;
    });
    expect(compileMapping(runtime, 'account', 'query_mapping', 'ab\ncdefgh')).toStrictEqual({
      layer: 'account',
      kind: 'query_mapping',
      ...said,
    });
  });
});

describe('compilation', () => {
  it('happens once per runtime and text, a failure included', () => {
    const runtime = fakeRuntime(compileJsonata);
    const other = fakeRuntime(compileJsonata);
    compileMapping(runtime, 'server', 'response_mapping', 'a');
    compileMapping(runtime, 'account', 'query_mapping', 'a');
    compileMapping(runtime, 'server', 'response_mapping', '(');
    compileMapping(runtime, 'server', 'response_mapping', '(');
    expect(runtime.compiles).toBe(2);
    compileMapping(other, 'server', 'response_mapping', 'a');
    expect(other.compiles).toBe(1);
  });

  it('gives what runs it the layer, kind and text', () => {
    const compiled = compileMapping(plain(), 'account', 'response_mapping', 'response.id') as CompiledMapping;
    expect([compiled.layer, compiled.kind, compiled.text]).toEqual(['account', 'response_mapping', 'response.id']);
  });

  it('an error when it runs is a failure placed in the text', async () => {
    const compiled = compileMapping(plain(), 'account', 'query_mapping', "\n  $error('no')") as CompiledMapping;
    expect(await compiled.run({})).toStrictEqual({
      layer: 'account',
      kind: 'query_mapping',
      message: 'no',
      code: 'D3137',
      line: 2,
      column: 9,
    });
  });
});

const NOT_INSTALLED = (name: string) =>
  `$${name} is a function of @truto/truto-jsonata, which is not installed; run npm install @truto/truto-jsonata`;

describe('a @truto/truto-jsonata function on plain JSONata', () => {
  it.each<[string, string, string, number, number]>([
    ['a call', '$firstNonEmpty(a, b)', 'firstNonEmpty', 1, 14],
    ['a call inside a list inside an object', "{ 'a': [1,\n  $uuid()] }", 'uuid', 2, 7],
    ['a partial application', "$pick(?, 'a')", 'pick', 1, 5],
    // A null in the tree is walked past, not read as a node.
    ['a call after a null', '[null, $uuid()]', 'uuid', 1, 12],
    // Only `:=` assigns a name; comparing with it does not make it the expression's own.
    ['a call compared with its own name', '$uuid = $uuid()', 'uuid', 1, 13],
  ])('%s is refused, naming it and its place', (_name, text, name, line, column) => {
    expect(compileMapping(plain(), 'server', 'response_mapping', text)).toStrictEqual({
      layer: 'server',
      kind: 'response_mapping',
      message: NOT_INSTALLED(name),
      line,
      column,
    });
  });

  it("is the expression's own when it assigns the name itself", async () => {
    const compiled = compileMapping(plain(), 'server', 'response_mapping', "($uuid := function() { 'x' }; $uuid())");
    expect(await (compiled as CompiledMapping).run({})).toEqual({ value: 'x' });
  });

  it("leaves a text called as a function alone: no variable, so not the package's $uuid", () => {
    expect('run' in compileMapping(plain(), 'server', 'response_mapping', "'uuid'()")).toBe(true);
  });

  it("leaves JSONata's own functions alone", async () => {
    const compiled = compileMapping(plain(), 'server', 'response_mapping', '$string(1)');
    expect(await (compiled as CompiledMapping).run({})).toEqual({ value: '1' });
  });

  it('is not looked for on @truto/truto-jsonata, which has it', () => {
    const truto: JsonataRuntime = { ...plain(), name: '@truto/truto-jsonata' };
    expect('run' in compileMapping(truto, 'server', 'response_mapping', '$firstNonEmpty(a, b)')).toBe(true);
  });
});

describe('the bounds of one evaluation', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The hook compileMapping gives JSONata, caught on an expression the test makes. */
  function boundsHook(): (node: unknown, input: unknown, environment: { base?: { depth?: number } }) => void {
    const hooks = new Map<unknown, unknown>();
    const expression = {
      evaluate: async () => undefined,
      assign: (name: unknown, value: unknown) => void hooks.set(name, value),
      ast: () => ({ type: 'string', value: '' }),
    };
    compileMapping(
      fakeRuntime(() => expression),
      'server',
      'response_mapping',
      'bounds',
    );
    return hooks.get(Symbol.for('jsonata.__evaluate_entry')) as ReturnType<typeof boundsHook>;
  }

  it('may run 1000 ms from its first node, not 1001; each evaluation on its own clock', () => {
    const check = boundsHook();
    const now = vi.spyOn(Date, 'now');
    const one = { depth: 1 };
    const two = { depth: 1 };
    now.mockReturnValue(5_000);
    check(null, null, { base: one });
    now.mockReturnValue(5_500);
    check(null, null, { base: two });
    now.mockReturnValue(6_000);
    expect(() => check(null, null, { base: one })).not.toThrow();
    now.mockReturnValue(6_001);
    expect(() => check(null, null, { base: one })).toThrow(
      expect.objectContaining({
        code: 'U1001',
        message: 'ran longer than 1000 ms and was stopped: check for a loop that never ends',
      }),
    );
    expect(() => check(null, null, { base: two })).not.toThrow();
  });

  it('may nest 400 deep, not 401', () => {
    const check = boundsHook();
    expect(() => check(null, null, { base: {} })).not.toThrow();
    expect(() => check(null, null, { base: { depth: 400 } })).not.toThrow();
    expect(() => check(null, null, { base: { depth: 401 } })).toThrow(
      expect.objectContaining({
        code: 'U1002',
        message: 'nested deeper than 400 and was stopped: check for a recursion that never ends',
      }),
    );
  });

  it('holds nothing to account outside an evaluation (no base frame)', () => {
    const check = boundsHook();
    const now = vi.spyOn(Date, 'now');
    expect(() => check(null, null, {})).not.toThrow();
    expect(now).not.toHaveBeenCalled();
  });
});
