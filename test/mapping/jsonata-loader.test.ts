/**
 * Where JSONata comes from: `@truto/truto-jsonata` when it can be imported, plain `jsonata`
 * otherwise (the default import of it, really loaded), each tried once however often the
 * loader is asked.
 */
import { describe, expect, it } from 'vitest';
import { createJsonataLoader, type JsonataExpression } from '../../src/mapping/jsonata-loader.js';

const missing = () => Promise.reject(new Error('not installed'));

describe('createJsonataLoader', () => {
  it('without @truto/truto-jsonata imports plain jsonata itself, and compiles with it', async () => {
    const runtime = await createJsonataLoader({ truto: missing })();
    expect(runtime.name).toBe('jsonata');
    expect(await runtime.compile('1 + 2').evaluate({})).toBe(3);
  });

  it('takes @truto/truto-jsonata when it can, and does not import jsonata then', async () => {
    const compile = (text: string) => ({ text }) as unknown as JsonataExpression;
    let jsonataImports = 0;
    const runtime = await createJsonataLoader({
      truto: async () => ({ default: compile }),
      jsonata: async () => ({ default: (jsonataImports += 1) }),
    })();
    expect(runtime).toEqual({ name: '@truto/truto-jsonata', compile });
    expect(jsonataImports).toBe(0);
  });

  it('imports once, however often it is asked', async () => {
    const imports = { truto: 0, jsonata: 0 };
    const load = createJsonataLoader({
      truto: () => ((imports.truto += 1), missing()),
      jsonata: async () => ((imports.jsonata += 1), { default: () => undefined }),
    });
    const [first, second] = await Promise.all([load(), load()]);
    expect(await load()).toBe(first);
    expect(second).toBe(first);
    expect(imports).toEqual({ truto: 1, jsonata: 1 });
  });

  it("rejects with jsonata's own error when neither can be imported", async () => {
    await expect(
      createJsonataLoader({
        truto: missing,
        jsonata: () => Promise.reject(new Error("Cannot find package 'jsonata'")),
      })(),
    ).rejects.toThrow("Cannot find package 'jsonata'");
  });
});
