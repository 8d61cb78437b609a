/**
 * The portable entries bundle for the browser with no Node shims, and the bundle runs in a
 * sandbox that has web-standard globals only (no Buffer, process, require): esbuild with
 * `platform: 'browser'` refuses any `node:*` import it meets, so a Node built-in that slipped
 * in fails here by name.
 */
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/server/options.js';
import { readOpenApiDocument } from '../../src/contract/read-openapi-document.js';

const NOW = Date.parse('2026-11-24T00:00:00Z');
const QUERY =
  'integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=5';
const PATH = '/unified/conversational-intelligence/interactions';

async function bundle(entry: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'entry',
    metafile: true,
    logLevel: 'silent',
    // What a page's module sees as its own URL.
    define: { 'import.meta.url': '"https://example.test/kit/dist/contract/index.js"' },
  });
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}

/** A page's web-standard globals and nothing of Node's. */
function webSandbox(): Record<string, unknown> {
  return {
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    performance,
    console,
    queueMicrotask,
    structuredClone,
    setTimeout,
    clearTimeout,
  };
}

function load<T>(code: string): T {
  return runInNewContext(`${code};entry`, webSandbox()) as T;
}

describe('the engine in a browser', () => {
  it('bundles without Node shims and answers with the same bytes as the Node door', async () => {
    const { code, inputs } = await bundle('src/engine.ts');
    expect(
      inputs.filter((input) => /(^|\/)(node:|src\/(server|cli|fixtures)\/)|node_modules\/express\//.test(input)),
    ).toEqual([]);

    const engine = load<typeof import('../../src/engine.js')>(code);
    expect(runInNewContext('typeof Buffer + typeof process + typeof require', webSandbox())).toBe(
      'undefinedundefinedundefined',
    );
    const options = { seed: 42, now: NOW };
    const portable = engine.createEngine(options);
    const node = resolveOptions(options).engine;
    const request = (url: string) => ({
      method: 'GET',
      url,
      headers: { authorization: 'Bearer t', host: '127.0.0.1:4010' },
    });
    const text = (answer: { body: Uint8Array | string }) =>
      typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);

    const first = await portable.answer(request(`${PATH}?${QUERY}`));
    const want = await node.answer(request(`${PATH}?${QUERY}`));
    expect(first.status).toBe(200);
    expect(first.headers).toEqual(want.headers);
    expect(text(first)).toBe(text(want));

    // The next page's cursor, made by the portable signer, reads in the Node door and vice versa.
    const cursor = (JSON.parse(text(first)) as { next_cursor: string }).next_cursor;
    expect(cursor).toMatch(/\./);
    const second = `${PATH}?${QUERY}&next_cursor=${encodeURIComponent(cursor)}`;
    expect(text(await portable.answer(request(second)))).toBe(text(await node.answer(request(second))));
  });
});

describe('the MSW door in a browser', () => {
  it('bundles without Node shims, and without Express, the contract or every locale of faker', async () => {
    const { inputs } = await bundle('src/msw.ts');
    expect(inputs.some((input) => input.includes('node_modules/msw/'))).toBe(true);
    expect(
      inputs.filter((input) =>
        /(^|\/)(node:|src\/(server|cli|fixtures|contract)\/)|node_modules\/(express|ajv|yaml)\/|faker\/dist\/index\.js/.test(
          input,
        ),
      ),
    ).toEqual([]);
  });
});

describe('the contract in a browser', () => {
  it('bundles without Node shims and validates against a document handed to it', async () => {
    const { code, inputs } = await bundle('src/contract/index.ts');
    expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);

    const contractModule = load<typeof import('../../src/contract/index.js')>(code);
    const contract = contractModule.loadContract(readOpenApiDocument());
    const body = JSON.stringify({ result: [], next_cursor: null });
    const diagnostics = contract.validateResponse({
      method: 'GET',
      path: '/unified/conversational-intelligence/interactions',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(diagnostics).toEqual([]);
    expect(() => contractModule.loadContract('openapi.yaml')).toThrow(contractModule.ContractError);
    expect(() => contractModule.loadContract()).toThrow(
      'cannot read the contract at https://example.test/kit/openapi.yaml: this runtime has no file system; pass the parsed OpenAPI document to loadContract instead',
    );
  });
});
