/**
 * `@truto/truto-jsonata` is an optional peer. Without it an override runs on plain JSONata,
 * and one that calls a function of that package is told which function and what to install,
 * at load and per request, instead of JSONata's "attempted to invoke a non-function". The
 * package is installed here, so its absence is a loader whose import of it fails.
 */
import { describe, expect, it } from 'vitest';
import { mappingProblems } from '../../src/cli/check-mappings.js';
import { createEngine } from '../../src/engine/create-engine.js';
import { createGongMappings } from '../../src/mapping/gong-mappings.js';
import { createJsonataLoader } from '../../src/mapping/jsonata-loader.js';
import { TRUTO_FUNCTIONS } from '../../src/mapping/truto-functions.js';
import { RENAME, TRUTO } from '../helpers/mapping-overrides.js';
import { NOW, october, unifiedUrl } from '../helpers/mock.js';

const withoutTruto = createJsonataLoader({
  truto: () =>
    Promise.reject(
      Object.assign(new Error("Cannot find package '@truto/truto-jsonata'"), { code: 'ERR_MODULE_NOT_FOUND' }),
    ),
});

describe('without @truto/truto-jsonata installed', () => {
  it('runs on plain jsonata', async () => {
    expect((await withoutTruto()).name).toBe('jsonata');
    expect((await createJsonataLoader()()).name).toBe('@truto/truto-jsonata');
  });

  it('an override using $firstNonEmpty gets a 502 naming the function and the install command', async () => {
    const engine = createEngine({ now: NOW, mapping: TRUTO }, { jsonataLoader: withoutTruto });
    const got = await engine.answer({
      method: 'GET',
      url: unifiedUrl(october()),
      headers: { authorization: 'Bearer t' },
    });
    const body = JSON.parse(typeof got.body === 'string' ? got.body : new TextDecoder().decode(got.body));
    expect(got.status).toBe(502);
    expect(body.message).toMatch(
      /the server layer's response_mapping, line \d+, column \d+: \$firstNonEmpty is a function of @truto\/truto-jsonata, which is not installed; run npm install @truto\/truto-jsonata/,
    );
  });

  it('the load-time check names it too, with the file and place', async () => {
    const problems = await mappingProblems({
      server: TRUTO,
      files: { response_mapping: 'mappings/acme/response_mapping.jsonata' },
      world: undefined,
      worldFile: undefined,
      loader: withoutTruto,
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^mappings\/acme\/response_mapping\.jsonata:\d+:\d+: .*\$firstNonEmpty .* npm install @truto\/truto-jsonata$/,
      ),
    ]);
  });

  it('an override using only JSONata runs as with the package', async () => {
    const plain = createEngine({ now: NOW, mapping: RENAME }, { jsonataLoader: withoutTruto });
    const full = createEngine({ now: NOW, mapping: RENAME });
    const url = unifiedUrl(october({ limit: '5' }));
    const [a, b] = await Promise.all(
      [plain, full].map((engine) => engine.answer({ method: 'GET', url, headers: { authorization: 'Bearer t' } })),
    );
    expect(a!.status).toBe(200);
    expect(a!.body).toEqual(b!.body);
  });

  it("a function the expression defines itself under such a name is its own, not the package's", async () => {
    const mappings = createGongMappings({
      server: { response_mapping: "($uuid := function() { 'mine' }; { 'id': $uuid() })" },
      loader: withoutTruto,
    });
    expect(await mappings.check()).toEqual([]);
  });
});

describe('without any JSONata at all', () => {
  it('an override is a 502 saying what is missing, never a rejected request', async () => {
    const missing = () => Promise.reject(new Error("Cannot find package 'jsonata'"));
    const engine = createEngine(
      { now: NOW, mapping: RENAME },
      { jsonataLoader: createJsonataLoader({ truto: missing, jsonata: missing }) },
    );
    const got = await engine.answer({
      method: 'GET',
      url: unifiedUrl(october()),
      headers: { authorization: 'Bearer t' },
    });
    expect(got.status).toBe(502);
    expect(new TextDecoder().decode(got.body as Uint8Array)).toContain(
      "the server layer's response_mapping: JSONata could not be loaded (Cannot find package 'jsonata'); run npm install jsonata",
    );
  });
});

describe("the list of @truto/truto-jsonata's functions", () => {
  it('is what the installed package adds to JSONata', async () => {
    const trutoJsonata = (await import('@truto/truto-jsonata')).default;
    const jsonata = (await import('jsonata')).default;
    const added: string[] = [];
    for (const name of TRUTO_FUNCTIONS) {
      // Each listed name is a function there and nothing in plain JSONata.
      expect(await trutoJsonata(`$type($${name})`).evaluate({})).toBe('function');
      expect(await jsonata(`$${name}`).evaluate({})).toBeUndefined();
      added.push(name);
    }
    // And nothing the package adds is missing: what each of its presets registers.
    const registered = new Set<string>();
    const spy = { registerFunction: (name: string) => void registered.add(name), assign: () => undefined };
    for (const preset of ['ai', 'core', 'data-formats', 'datetime', 'html', 'markdown']) {
      const module = (await import(`@truto/truto-jsonata/presets/${preset}`)) as Record<string, unknown>;
      for (const register of Object.values(module)) if (typeof register === 'function') register(spy);
    }
    expect(registered.size).toBeGreaterThan(50);
    for (const name of registered)
      if ((await jsonata(`$${name}`).evaluate({})) === undefined) expect(added).toContain(name);
  });
});
