/**
 * Mapping bench: unified records mapped a second, the built-in TypeScript mapping beside the
 * same mapping as JSONata (the shipped response_mapping.jsonata run as an override), over the
 * same Gong pages of the default world, in alternating rounds on one core. Also how long the
 * first override request waits for JSONata to load and the expression to compile (once per
 * process). Printed and returned, never asserted: the figures vary with the machine's load.
 *
 *   node --import tsx bench/mapping.ts          (also called by `npm run bench`)
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../src/engine/create-engine.js';
import { createGongMappings } from '../src/mapping/gong-mappings.js';
import { createJsonataLoader } from '../src/mapping/jsonata-loader.js';
import { isMappingFailure } from '../src/unified/mapping-failure.js';
import type { GongInteractionStatsResponse } from '../src/schema-types.js';
import { gongStatsBody } from '../src/unified/gong-request.js';
import { toInteraction } from '../src/unified/map-interaction-stats.js';
import { parseUnifiedQuery } from '../src/unified/unified-query.js';
import { median } from './median.js';

export interface MappingFigures {
  /** Records a second, median of the rounds. */
  builtInRecordsPerSecond: number;
  trutoJsonataRecordsPerSecond: number;
  plainJsonataRecordsPerSecond: number;
  /** built-in / @truto/truto-jsonata. */
  builtInVsTrutoJsonata: number;
  /** First request's wait for loading JSONata and compiling the expression. */
  firstUseMs: number;
  recordsPerRound: number;
}

const RESPONSE = readFileSync(new URL('../mappings/gong/response_mapping.jsonata', import.meta.url), 'utf8');

export async function benchMapping(rounds = 5): Promise<MappingFigures> {
  const engine = createEngine({ now: '2026-11-24T00:00:00Z' });
  const account = engine.world.accounts[0]!;
  const rawQuery = `integrated_account_id=${account.id}&start_time=2026-10-01T00:00:00Z&end_time=2026-11-01T00:00:00Z`;
  const parsed = parseUnifiedQuery(rawQuery);
  if (!('query' in parsed)) throw new Error('bench query refused');
  const { query } = parsed;
  const pages: Array<{ body: GongInteractionStatsResponse; headers: Record<string, string> }> = [];
  let cursor: string | undefined;
  do {
    const result = await engine.gong.interactionStats(account, gongStatsBody(account, query, cursor));
    if (!result.ok) throw new Error(`Gong refused the bench window: ${result.status}`);
    pages.push({ body: result.body, headers: result.headers });
    cursor = result.body.records.cursor;
  } while (cursor !== undefined);
  const recordsPerRound = pages.reduce((sum, page) => sum + page.body.peopleInteractionStats.length, 0);

  const started = performance.now();
  const truto = createGongMappings({ server: { response_mapping: RESPONSE } }).forAccount(account.id)!;
  await truto.records(account, pages[0]!, pages[0]!.body.peopleInteractionStats.slice(0, 1), query, rawQuery);
  const firstUseMs = Math.round(performance.now() - started);
  const plain = createGongMappings({
    server: { response_mapping: RESPONSE },
    loader: createJsonataLoader({ truto: () => Promise.reject(new Error('left out')) }),
  }).forAccount(account.id)!;

  const builtIn = async () => {
    for (const { body } of pages) {
      const window = { fromDateTime: body.fromDateTime, toDateTime: body.toDateTime, timeZone: body.timeZone };
      for (const person of body.peopleInteractionStats) toInteraction(person, window);
    }
  };
  const through = (mapper: typeof truto) => async () => {
    for (const page of pages) {
      const records = await mapper.records(account, page, page.body.peopleInteractionStats, query, rawQuery);
      if (isMappingFailure(records)) throw new Error(records.message);
    }
  };
  const runs = { builtIn: [] as number[], truto: [] as number[], plain: [] as number[] };
  const rate = async (run: () => Promise<void>, times: number) => {
    const t0 = performance.now();
    for (let i = 0; i < times; i += 1) await run();
    return Math.round((recordsPerRound * times) / ((performance.now() - t0) / 1000));
  };
  for (let round = 0; round < rounds; round += 1) {
    runs.builtIn.push(await rate(builtIn, 200));
    runs.truto.push(await rate(through(truto), 2));
    runs.plain.push(await rate(through(plain), 2));
  }
  const builtInRecordsPerSecond = median(runs.builtIn);
  const trutoJsonataRecordsPerSecond = median(runs.truto);
  return {
    builtInRecordsPerSecond,
    trutoJsonataRecordsPerSecond,
    plainJsonataRecordsPerSecond: median(runs.plain),
    builtInVsTrutoJsonata: Math.round(builtInRecordsPerSecond / trutoJsonataRecordsPerSecond),
    firstUseMs,
    recordsPerRound,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await benchMapping());
