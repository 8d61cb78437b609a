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
import { listInteractions } from '../../src/unified/list-interactions.js';
import { readOpenApiDocument } from '../../src/contract/read-openapi-document.js';

const NOW = Date.parse('2026-11-24T00:00:00Z');
const QUERY =
  'integrated_account_id=62f44730-dd91-461e-bd6a-aedd9e0ad79d&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z&limit=5';
const ORIGIN = 'http://127.0.0.1:4010';

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
  return { TextEncoder, TextDecoder, URL, URLSearchParams, performance, console, queueMicrotask, structuredClone };
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
    const context = {
      world: engine.createWorld({ seed: 42 }),
      now: () => NOW,
      secret: 'interactions-kit:42',
      signer: engine.portableSigner,
      windowPeople: engine.keptOnSecondOffer(engine.createLruCache(16 << 20, engine.weighWindowPeople, 4096), 64),
    };
    const gong = engine.createGongApi(context, engine.createFaultState({}));
    const first = engine.listInteractions(context, gong, { rawQuery: QUERY, origin: ORIGIN });

    const node = resolveOptions({ now: NOW });
    const want = listInteractions(node.context, node.gong, { rawQuery: QUERY, origin: ORIGIN });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first)).toBe(JSON.stringify(want));

    // The next page's cursor, made by the portable signer, reads in the Node door and vice versa.
    const cursor = (first as { body: { next_cursor: string } }).body.next_cursor;
    expect(cursor).toMatch(/\./);
    const second = `${QUERY}&next_cursor=${encodeURIComponent(cursor)}`;
    expect(JSON.stringify(engine.listInteractions(context, gong, { rawQuery: second, origin: ORIGIN }))).toBe(
      JSON.stringify(listInteractions(node.context, node.gong, { rawQuery: second, origin: ORIGIN })),
    );
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
