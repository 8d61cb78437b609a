/**
 * Objects read on every request keep V8's fast properties. An object literal with a getter in
 * it is made in slow dictionary mode, where every read of any field is a hash lookup: the world's
 * users were built that way once, and a profile showed distinct pages paying for it. V8 tells
 * only under --allow-natives-syntax, so the check runs in a child process of its own.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `%HasFastProperties` of what each expression gives, in a fresh Node with the sources loaded. */
function fastProperties(setup: string, expressions: Record<string, string>): Record<string, boolean> {
  const checks = Object.entries(expressions)
    .map(([name, expression]) => `${JSON.stringify(name)}: %HasFastProperties(${expression})`)
    .join(', ');
  const script = `${setup}\nconsole.log(JSON.stringify({ ${checks} }));`;
  const out = execFileSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as Record<string, boolean>;
}

describe('objects read on every request have fast properties', () => {
  it('a world user, generated or stated with pinned days, and the caches', () => {
    const setup = `
      const { generateUsers } = await import('./src/world/users.ts');
      const { createLruCache, keptOnSecondOffer } = await import('./src/lru-cache.ts');
      const account = { key: 7, domain: 'example.com', id: 'a', timeZone: 'UTC' };
      const [stated, generated] = generateUsers(1, account, 1, [
        { id: '1', active: true, managerId: null, days: new Map([[20458, { calls: 2 }]]) },
      ]);
      const cache = createLruCache(1024);
      const second = keptOnSecondOffer(cache, 8);`;
    expect(
      fastProperties(setup, { generated: 'generated', stated: 'stated', cache: 'cache', second: 'second' }),
    ).toEqual({ generated: true, stated: true, cache: true, second: true });
  });
});
