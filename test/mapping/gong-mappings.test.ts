/**
 * createGongMappings on its own: which accounts get a mapper and from which layers, what the
 * load-time check loads and names, what a query mapping's answer must be, the built-in records
 * when only the query is overridden, and the page's time bound on its clock (the performance
 * clock unless one is given), exactly at its edge.
 */
import jsonata from 'jsonata';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGongMappings } from '../../src/mapping/gong-mappings.js';
import type { JsonataExpression, JsonataLoader } from '../../src/mapping/jsonata-loader.js';
import type { GongInteractionStatsResponse, GongPersonInteractionStats } from '../../src/schema-types.js';
import type { MappingTexts } from '../../src/unified/mapping-texts.js';
import { parseUnifiedQuery } from '../../src/unified/unified-query.js';
import { createWorld } from '../../src/world/world.js';

const ID = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';
const OTHER = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';

/** Plain JSONata, loaded by the test. */
const plain: JsonataLoader = async () => ({
  name: 'jsonata',
  compile: (text) => jsonata(text) as unknown as JsonataExpression,
});

/** A loader whose expressions answer `{ id: 'r' }` for each record, after `took` ms of the fake clock. */
function timedLoader(took: number): JsonataLoader {
  const expression = {
    evaluate: async () => (vi.advanceTimersByTime(took), { id: 'r' }),
    assign: () => undefined,
    ast: () => ({ type: 'string' }),
  };
  return async () => ({ name: '@truto/truto-jsonata', compile: () => expression });
}

const world = () => createWorld();
const query = () => {
  const parsed = parseUnifiedQuery(`integrated_account_id=${ID}&start_time=2026-10-01&end_time=2026-10-02`);
  if (!('query' in parsed)) throw new Error('bad query');
  return parsed.query;
};

const WINDOW = {
  fromDateTime: '2026-10-01T00:00:00-07:00',
  toDateTime: '2026-10-02T00:00:00-07:00',
  timeZone: 'America/Los_Angeles',
};
const person = (userId: string): GongPersonInteractionStats => ({
  userId,
  userEmailAddress: `${userId}@x.example`,
  personInteractionStats: [{ name: 'Patience', value: 0.5 }],
});
const page = (people: GongPersonInteractionStats[]) => ({
  body: { requestId: 'r', ...WINDOW, peopleInteractionStats: people } as unknown as GongInteractionStatsResponse,
  headers: {},
});

describe('which accounts get a mapper', () => {
  it('none without an override anywhere', () => {
    expect(createGongMappings().forAccount(ID)).toBeUndefined();
  });

  it("an account's own, by its id in any case; none for an account without one and no server override", () => {
    const mappings = createGongMappings({ accounts: new Map([[ID.toUpperCase(), { response_mapping: '$' }]]) });
    expect(mappings.forAccount(ID)?.layers).toEqual({ query_mapping: 'base', response_mapping: 'account' });
    expect(mappings.forAccount(OTHER)).toBeUndefined();
  });

  it('none for an account whose mapping states no kind', () => {
    expect(createGongMappings({ accounts: new Map([[ID, {}]]) }).forAccount(ID)).toBeUndefined();
  });

  it("the server's for every other account, an account's kinds over it", () => {
    const mappings = createGongMappings({
      server: { query_mapping: 'query', response_mapping: 'response' },
      accounts: new Map([[ID, { response_mapping: '$' }]]),
    });
    expect(mappings.forAccount(OTHER)?.layers).toEqual({ query_mapping: 'server', response_mapping: 'server' });
    expect(mappings.forAccount(ID)?.layers).toEqual({ query_mapping: 'server', response_mapping: 'account' });
  });
});

describe('the load-time check', () => {
  it('loads nothing when there is nothing to check', async () => {
    const loader = () => Promise.reject(new Error('must not load'));
    expect(await createGongMappings({ loader }).check()).toEqual([]);
  });

  it("names each failing expression's layer, and the account of an account's", async () => {
    const server: MappingTexts = { query_mapping: '(' };
    const accounts = new Map<string, MappingTexts>([[ID, { response_mapping: '{' }]]);
    const failures = await createGongMappings({ server, accounts, loader: plain }).check();
    expect(failures.map(({ layer, kind, accountId }) => ({ layer, kind, accountId }))).toEqual([
      { layer: 'server', kind: 'query_mapping', accountId: undefined },
      { layer: 'account', kind: 'response_mapping', accountId: ID },
    ]);
  });
});

describe("a query mapping's answer", () => {
  it('must be an object: null is said to be null', async () => {
    const mapper = createGongMappings({ server: { query_mapping: 'null' }, loader: plain }).forAccount(ID)!;
    expect(await mapper.gongBody(world().accounts[0]!, query(), undefined)).toStrictEqual({
      layer: 'server',
      kind: 'query_mapping',
      message: "returned null, not an object (the body of Gong's POST /v2/stats/interaction)",
    });
  });

  it('is the failure when the expression fails', async () => {
    const mapper = createGongMappings({ server: { query_mapping: "$error('no')" }, loader: plain }).forAccount(ID)!;
    expect(await mapper.gongBody(world().accounts[0]!, query(), undefined)).toStrictEqual({
      layer: 'server',
      kind: 'query_mapping',
      message: 'no',
      code: 'D3137',
      line: 1,
      column: 7,
    });
  });
});

describe('records', () => {
  afterEach(() => vi.useRealTimers());

  it('are the built-in mapping when only the query is overridden', async () => {
    const mapper = createGongMappings({ server: { query_mapping: '{}' }, loader: plain }).forAccount(ID)!;
    const seven = person('7');
    expect(await mapper.records(world().accounts[0]!, page([seven]), [seven], query(), '')).toStrictEqual([
      {
        id: '7_2026-10-01_2026-10-02',
        user: { id: '7', emails: [{ email: '7@x.example', is_primary: true }] },
        start_time: WINDOW.fromDateTime,
        end_time: WINDOW.toDateTime,
        aggregation_period: 'total',
        timezone: WINDOW.timeZone,
        metrics: { patience: 0.5 },
        additional_metrics: [],
        remote_data: seven,
      },
    ]);
  });

  it("may take the page's 5000 ms exactly, measured from its start", async () => {
    // The clock reads 0 at the start, then 5000 before each record.
    const readings = [0, 5_000, 5_000, 5_000];
    const mappings = createGongMappings({
      server: { response_mapping: "{ 'id': response.userId }" },
      loader: plain,
      clock: () => readings.shift() ?? 5_001,
    });
    const people = [person('7'), person('8'), person('9')];
    const records = await mappings.forAccount(ID)!.records(world().accounts[0]!, page(people), people, query(), '');
    expect(records).toEqual(people.map((p) => ({ id: p.userId, remote_data: p })));
  });

  it('are timed on the performance clock by default', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    // Each record takes 3 s: the third starts 6 s in, past the bound.
    const mapper = createGongMappings({ server: { response_mapping: 'x' }, loader: timedLoader(3_000) }).forAccount(
      ID,
    )!;
    const people = [person('7'), person('8'), person('9')];
    expect(await mapper.records(world().accounts[0]!, page(people), people, query(), '')).toStrictEqual({
      layer: 'server',
      kind: 'response_mapping',
      code: 'U1001',
      message:
        "took longer than 5000 ms for the page's records together and was stopped after 2 of 3: each record is one evaluation, so make the expression cheaper",
    });
  });
});
