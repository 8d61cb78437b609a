/**
 * The shipped JSONata mapping says what the built-in TypeScript mapping does: over random
 * unified queries and Gong pages of the world (and arbitrary Gong records), the expressions
 * give the same Gong request body and the same records, with the same key order once
 * serialised.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.js';
import { createGongMappings } from '../../src/mapping/gong-mappings.js';
import { isMappingFailure } from '../../src/unified/mapping-failure.js';
import type { GongInteractionStatsResponse, GongPersonInteractionStats } from '../../src/schema-types.js';
import { gongStatsBody } from '../../src/unified/gong-request.js';
import { toInteraction } from '../../src/unified/map-interaction-stats.js';
import { parseUnifiedQuery, type UnifiedQuery } from '../../src/unified/unified-query.js';

const BASE = {
  query_mapping: readFileSync(new URL('../../mappings/gong/query_mapping.jsonata', import.meta.url), 'utf8'),
  response_mapping: readFileSync(new URL('../../mappings/gong/response_mapping.jsonata', import.meta.url), 'utf8'),
};

const engine = createEngine();
// The shipped files as a server-wide override: the same path an override takes.
const mapper = createGongMappings({ server: BASE }).forAccount(engine.world.accounts[0]!.id)!;

const DAY = 86_400_000;
const FROM = Date.parse('2024-01-01T00:00:00Z');
const TO = Date.parse('2027-12-31T00:00:00Z');

/** A window bound written the ways clients write one: UTC, an offset, a date, a naive date-time. */
const timeText = (ms: number, style: number, offsetMinutes: number): string => {
  const iso = new Date(ms).toISOString();
  if (style === 0) return iso.replace('.000Z', 'Z');
  if (style === 1) return iso.slice(0, 10);
  if (style === 2) return iso.slice(0, 19);
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/** Random unified queries starting from FROM to `latest`; `remote` adds remote_query now and then. */
const unifiedQueries = (latest: number, remote: boolean, accounts = engine.world.accounts) =>
  fc
    .record({
      account: fc.integer({ min: 0, max: accounts.length - 1 }),
      start: fc.integer({ min: FROM, max: latest }),
      // Whole days most of the time (the usual window), any instant otherwise.
      length: fc.oneof(
        fc.integer({ min: 1, max: 62 }).map((days) => days * DAY),
        fc.integer({ min: 1, max: 62 * DAY }),
      ),
      startStyle: fc.integer({ min: 0, max: 3 }),
      endStyle: fc.integer({ min: 0, max: 3 }),
      offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
      users: fc.option(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }), { nil: undefined }),
      remote: remote
        ? fc.option(
            fc.constantFrom('remote_query[filter][createdFromDateTime]=2024-01-01T00:00:00Z', 'remote_query[x]=1'),
            {
              nil: undefined,
            },
          )
        : fc.constant(undefined),
    })
    .map(({ account: index, start, length, startStyle, endStyle, offset, users, remote }) => {
      const account = accounts[index]!;
      const ids = (users ?? []).map((i) => account.users()[i % Math.max(1, account.users().length)]?.gong.id ?? '1');
      const parts = [
        `integrated_account_id=${account.id}`,
        `start_time=${encodeURIComponent(timeText(start, startStyle, offset))}`,
        `end_time=${encodeURIComponent(timeText(start + length, endStyle, offset))}`,
        ...(users === undefined ? [] : ids.map((id) => `users[][id]=${id}`)),
        ...(remote === undefined ? [] : [remote]),
      ];
      return { account, rawQuery: parts.join('&') };
    })
    .map(({ account, rawQuery }) => {
      const parsed = parseUnifiedQuery(rawQuery);
      return { account, rawQuery, query: 'query' in parsed ? parsed.query : undefined };
    })
    .filter((q): q is { account: typeof q.account; rawQuery: string; query: UnifiedQuery } => q.query !== undefined);

const unifiedQuery = unifiedQueries(TO, true);
/** Windows Gong answers: they end before the world's current day. */
const answeredQuery = unifiedQueries(
  engine.settings.now() - 64 * DAY,
  false,
  engine.world.accounts.filter((account) => (account.behavior ?? 'healthy') === 'healthy' && account.userCount > 0),
);

describe('the shipped JSONata mapping', () => {
  it('is exported as interactions-kit/mappings/gong/*', () => {
    const require = createRequire(import.meta.url);
    for (const kind of ['query_mapping', 'response_mapping'] as const)
      expect(readFileSync(require.resolve(`interactions-kit/mappings/gong/${kind}.jsonata`), 'utf8')).toBe(BASE[kind]);
  });
});

describe('the shipped JSONata mapping and the built-in mapping agree', () => {
  it('query_mapping: the same Gong body, key for key, for random unified queries', async () => {
    await fc.assert(
      fc.asyncProperty(unifiedQuery, fc.option(fc.constant('cursor-1'), { nil: undefined }), async (q, cursor) => {
        const expected = gongStatsBody(q.account, q.query, cursor);
        const actual = await mapper.gongBody(q.account, q.query, cursor);
        expect(isMappingFailure(actual) ? actual : JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 150 },
    );
  });

  it("response_mapping: the same records, key for key, over the world's Gong pages", async () => {
    let pages = 0;
    await fc.assert(
      fc.asyncProperty(answeredQuery, async (q) => {
        const body = gongStatsBody(q.account, q.query, undefined);
        const result = await engine.gong.interactionStats(q.account, body);
        if (!result.ok) return;
        pages += 1;
        const page = result.body;
        const window = { fromDateTime: page.fromDateTime, toDateTime: page.toDateTime, timeZone: page.timeZone };
        const expected = page.peopleInteractionStats.map((person) => toInteraction(person, window));
        const actual = await mapper.records(
          q.account,
          { body: page, headers: result.headers },
          page.peopleInteractionStats,
          q.query,
          q.rawQuery,
        );
        expect(isMappingFailure(actual) ? actual : JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 40 },
    );
    // The property ran over real pages, not only over refusals.
    expect(pages).toBeGreaterThan(30);
  });

  it('response_mapping: the same records for arbitrary Gong records (odd names, odd values, no email)', async () => {
    const stat = fc.record({
      name: fc.oneof(
        fc.constantFrom('Interactivity', 'Longest Customer Story', 'Longest Monologue', 'Patience', 'Question Rate'),
        fc.constantFrom('Talk Ratio', 'constructor', 'toString', '__proto__', ''),
        fc.string(),
        fc.constant(7),
      ),
      value: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.constant(null),
        fc.string(),
      ),
    });
    const person = fc.record(
      {
        userId: fc.stringMatching(/^[0-9]{1,19}$/),
        userEmailAddress: fc.oneof(fc.emailAddress(), fc.constant(''), fc.constant(null)),
        personInteractionStats: fc.array(stat, { maxLength: 9 }),
      },
      { requiredKeys: ['userId', 'personInteractionStats'] },
    );
    const q = fc.sample(unifiedQuery, 1)[0]!;
    const page: GongInteractionStatsResponse = {
      requestId: 'r',
      records: { totalRecords: 1, currentPageSize: 1, currentPageNumber: 0 },
      timeZone: 'Asia/Kolkata',
      fromDateTime: '2026-10-01T00:00:00+05:30',
      toDateTime: '2026-11-01T00:00:00+05:30',
      peopleInteractionStats: [],
    };
    const window = { fromDateTime: page.fromDateTime, toDateTime: page.toDateTime, timeZone: page.timeZone };
    await fc.assert(
      fc.asyncProperty(fc.array(person, { maxLength: 4 }), async (people) => {
        const gongPeople = people as unknown as GongPersonInteractionStats[];
        const expected = gongPeople.map((p) => toInteraction(p, window));
        const actual = await mapper.records(q.account, { body: page, headers: {} }, gongPeople, q.query, q.rawQuery);
        expect(isMappingFailure(actual) ? actual : JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 200 },
    );
  });
});
