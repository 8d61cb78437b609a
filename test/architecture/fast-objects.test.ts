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

/** What each expression gives, V8's natives syntax allowed, in a fresh Node with the sources loaded. */
function v8Says(setup: string, expressions: Record<string, string>): Record<string, unknown> {
  const checks = Object.entries(expressions)
    .map(([name, expression]) => `${JSON.stringify(name)}: ${expression}`)
    .join(', ');
  const script = `${setup}\nconsole.log(JSON.stringify({ ${checks} }));`;
  const out = execFileSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as Record<string, unknown>;
}

/** `%HasFastProperties` of what each expression gives. */
function fastProperties(setup: string, expressions: Record<string, string>): Record<string, unknown> {
  return v8Says(
    setup,
    Object.fromEntries(Object.entries(expressions).map(([name, value]) => [name, `%HasFastProperties(${value})`])),
  );
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

  it('every user of an account, after the stats read them, and all generated users share one hidden class', () => {
    // 60 users: their hash keys are small integers to V8 for some and not for others, the case
    // that once left every user but one in dictionary mode; a getter made per user also gave
    // each user a hidden class of its own.
    const setup = `
      const { generateUsers } = await import('./src/world/users.ts');
      const { zoneCalendar } = await import('./src/world/calendar.ts');
      const account = { key: 7, domain: 'example.com', slug: 'example', zone: zoneCalendar('UTC') };
      const users = generateUsers(1, account, 60, [
        { id: '1', active: true, managerId: null, days: new Map([[20458, { calls: 2 }]]) },
      ]);
      const generated = users.slice(1);
      let read = 0;
      for (const user of users) read += user.index + user.key + user.firstDay + (user.endDay === Infinity ? 0 : 1);
      for (const user of users) read += user.emailAddress.length;
      const small = generated.filter((user) => user.key < 2 ** 30).length;`;
    expect(
      v8Says(setup, {
        'keys of both kinds': 'small > 0 && small < generated.length',
        'slow users': 'users.flatMap((user) => (%HasFastProperties(user) ? [] : [user.index]))',
        'generated users off the first one’s hidden class':
          'generated.filter((user) => !%HaveSameMap(user, generated[0])).length',
      }),
    ).toEqual({ 'keys of both kinds': true, 'slow users': [], 'generated users off the first one’s hidden class': 0 });
  });

  it('the journal previews of distinct pages share one hidden class', () => {
    // A getter made per preview gave every journaled page a hidden class of its own: under
    // distinct pages, a new map a request for V8 to make and its collector to sweep.
    const setup = `
      const { deferredPreviewOf } = await import('./src/engine/response-preview.ts');
      const page = (n) => new TextEncoder().encode('{"result":[' + '{"id":"' + n + '"},'.repeat(300) + ']}');
      const previews = [1, 2, 3].map((n) => deferredPreviewOf(page(n)));
      const read = previews[2].text;`;
    expect(
      v8Says(setup, {
        'off the first one’s hidden class': 'previews.filter((p) => !%HaveSameMap(p, previews[0])).length',
        fast: 'previews.every((p) => %HasFastProperties(p))',
        'read text': 'read.slice(0, 18)',
      }),
    ).toEqual({ 'off the first one’s hidden class': 0, fast: true, 'read text': '{"result":[{"id":"' });
  });
});
