/**
 * The Gong mapping of each account, layered as the service layers it: the kit's base (the
 * built-in TypeScript mapping, which the shipped JSONata files express), then a server-wide
 * override, then the account's own; the highest layer stating a kind wins it whole. An
 * account with no override at any layer gets `undefined`: the fast built-in path, with no
 * JSONata loaded.
 */
import { gongStatsBody, withPaging } from '../unified/gong-request.js';
import { toInteraction } from '../unified/map-interaction-stats.js';
import { compileMapping, MAPPING_BOUNDS, type CompiledMapping } from './compile-mapping.js';
import { loadJsonata, type JsonataLoader } from './jsonata-loader.js';
import { isMappingFailure, type MappingFailure } from '../unified/mapping-failure.js';
import {
  mappingContext,
  mappingQuery,
  queryMappingInput,
  rawQueryObject,
  responseMappingInput,
} from './mapping-inputs.js';
import type { Interaction } from '../schema-types.js';
import type { AccountMapper, GongMappings } from '../unified/mapping-override.js';
import { MAPPING_KINDS, type MappingKind, type MappingLayer, type MappingTexts } from '../unified/mapping-texts.js';

type Json = Record<string, unknown>;

/**
 * Where the overrides come from. Every option is optional: none at all is the built-in mapping.
 *
 * @example
 * createGongMappings({ server: { response_mapping: 'null' }, accounts: new Map([[id, { query_mapping: '...' }]]) });
 */
export interface GongMappingsOptions {
  /** The server-wide override (`serve --mapping`, `createApp({ mapping })`). Default none. */
  server?: MappingTexts;
  /** Each account's override, by lower-case integrated account id (a world file's `mapping:`). Default none. */
  accounts?: ReadonlyMap<string, MappingTexts>;
  /** Loads JSONata when an override must run. Default: `@truto/truto-jsonata` if installed, else `jsonata`. */
  loader?: JsonataLoader;
  /** Clock in ms a page's mapping time is measured on. Default `performance.now`. */
  clock?: () => number;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === undefined) return 'no value';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** What JSON keeps of a value: what the wire would carry (no null prototypes, dates as text). */
function plainJson(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

type Chosen = Partial<Record<MappingKind, { layer: MappingLayer; text: string }>>;

function createAccountMapper(chosen: Chosen, loader: JsonataLoader, clock: () => number): AccountMapper {
  const compiled: Partial<Record<MappingKind, Promise<CompiledMapping | MappingFailure>>> = {};
  const compiledFor = (kind: MappingKind) => {
    const text = chosen[kind];
    if (text === undefined) return undefined;
    return (compiled[kind] ??= loader().then(
      (runtime) => compileMapping(runtime, text.layer, kind, text.text),
      // Never a rejected request: an engine that cannot load JSONata answers with what it lacks.
      (error: unknown): MappingFailure => ({
        layer: text.layer,
        kind,
        message: `JSONata could not be loaded (${error instanceof Error ? error.message : String(error)}); run npm install jsonata`,
      }),
    ));
  };
  const layers = Object.fromEntries(MAPPING_KINDS.map((kind) => [kind, chosen[kind]?.layer ?? 'base'])) as Record<
    MappingKind,
    MappingLayer
  >;
  return {
    layers,
    async gongBody(account, query, gongCursor) {
      const expression = await compiledFor('query_mapping');
      if (expression === undefined) {
        return gongStatsBody(account, query, gongCursor);
      }
      if (isMappingFailure(expression)) return expression;
      const out = await expression.run(queryMappingInput(account, query));
      if (isMappingFailure(out)) return out;
      if (!isObject(out.value))
        return {
          layer: expression.layer,
          kind: 'query_mapping',
          message: `returned ${typeName(out.value)}, not an object (the body of Gong's POST /v2/stats/interaction)`,
        };
      return withPaging(plainJson(out.value), query, gongCursor);
    },
    async records(account, page, people, query, rawQuery) {
      const expression = await compiledFor('response_mapping');
      if (expression === undefined) {
        const { fromDateTime, toDateTime, timeZone } = page.body;
        const window = { fromDateTime, toDateTime, timeZone };
        return people.map((person) => toInteraction(person, window));
      }
      if (isMappingFailure(expression)) return expression;
      const shared = {
        body: page.body,
        headers: page.headers,
        query: mappingQuery(query),
        rawQuery: rawQueryObject(rawQuery),
        context: mappingContext(account),
      };
      const records: Interaction[] = [];
      const started = clock();
      for (const person of people) {
        if (clock() - started > MAPPING_BOUNDS.pageTimeMs)
          return {
            layer: expression.layer,
            kind: 'response_mapping',
            code: 'U1001',
            message: `took longer than ${MAPPING_BOUNDS.pageTimeMs} ms for the page's records together and was stopped after ${records.length} of ${people.length}: each record is one evaluation, so make the expression cheaper`,
          };
        const out = await expression.run(responseMappingInput(shared, person));
        if (isMappingFailure(out)) return out;
        // Documented: null drops the record (the service's way to filter in a mapping).
        if (out.value === null) continue;
        if (!isObject(out.value))
          return {
            layer: expression.layer,
            kind: 'response_mapping',
            message: `returned ${typeName(out.value)}, not an object (a unified record; return null to drop one)`,
          };
        const { remote_data: _ignored, ...record } = plainJson(out.value);
        // remote_data is the service's, not the expression's: always Gong's record as sent.
        records.push({ ...record, remote_data: person } as unknown as Interaction);
      }
      return records;
    },
  };
}

/**
 * Builds the layered mappings; nothing is loaded or compiled until an override runs.
 *
 * @example
 * const mappings = createGongMappings({ server: { response_mapping: text } });
 * mappings.forAccount(id)?.layers.response_mapping; // 'server'
 */
export function createGongMappings(options: GongMappingsOptions = {}): GongMappings {
  const {
    server = {},
    accounts = new Map<string, MappingTexts>(),
    loader = loadJsonata,
    clock = () => performance.now(),
  } = options;
  const serverChosen: Chosen = {};
  for (const kind of MAPPING_KINDS) {
    const text = server[kind];
    if (text !== undefined) serverChosen[kind] = { layer: 'server', text };
  }
  const serverMapper =
    Object.keys(serverChosen).length === 0 ? undefined : createAccountMapper(serverChosen, loader, clock);
  const accountMappers = new Map<string, AccountMapper>();
  for (const [id, texts] of accounts) {
    const chosen: Chosen = { ...serverChosen };
    for (const kind of MAPPING_KINDS) {
      const text = texts[kind];
      if (text !== undefined) chosen[kind] = { layer: 'account', text };
    }
    if (Object.keys(chosen).length > 0)
      accountMappers.set(id.toLowerCase(), createAccountMapper(chosen, loader, clock));
  }
  return {
    forAccount: (accountId) => accountMappers.get(accountId.toLowerCase()) ?? serverMapper,
    async check() {
      const failures: Array<MappingFailure & { accountId?: string }> = [];
      const runtime = accounts.size === 0 && serverMapper === undefined ? undefined : await loader();
      if (runtime === undefined) return failures;
      for (const kind of MAPPING_KINDS) {
        const text = server[kind];
        if (text === undefined) continue;
        const compiled = compileMapping(runtime, 'server', kind, text);
        if (isMappingFailure(compiled)) failures.push(compiled);
      }
      for (const [accountId, texts] of accounts)
        for (const kind of MAPPING_KINDS) {
          const text = texts[kind];
          if (text === undefined) continue;
          const compiled = compileMapping(runtime, 'account', kind, text);
          if (isMappingFailure(compiled)) failures.push({ ...compiled, accountId });
        }
      return failures;
    },
  };
}
