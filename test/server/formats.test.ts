/**
 * The response formats and the truto_* parameters over every door (the engine, Express, the
 * Node door): each door's formats agree with each other the same way.
 */
import { describe, expect, it } from 'vitest';
import { toInteraction } from '../../src/unified/map-interaction-stats.js';
import { DOORS, describeDoors, type Door, type DoorResponse } from '../helpers/doors.js';
import { getChecked, type Parsed } from '../helpers/door-checks.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

/** Follows `next_cursor` from the first page to the last, through `door` (as mock.ts's `walk`). */
async function walk(door: Door, pairs: [string, string][]): Promise<Parsed[]> {
  const pages: Parsed[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const res = await getChecked(door, unifiedUrl(cursor === undefined ? pairs : [...pairs, ['next_cursor', cursor]]));
    if (res.status !== 200) throw new Error(`page ${i} of the walk answered ${res.status}: ${res.text}`);
    pages.push(res);
    if (res.body.next_cursor === null) return pages;
    cursor = res.body.next_cursor;
  }
  throw new Error('the walk did not end');
}

describeDoors('response formats agree with each other', { now: NOW }, (door) => {
  const page = (extra: Record<string, string> = {}) =>
    getChecked(door(), unifiedUrl(october({ limit: '25', ...extra })));

  it('raw is the Gong data that unified maps', async () => {
    const [unified, raw] = await Promise.all([page(), page({ truto_response_format: 'raw' })]);
    const debug = await page({ truto_response_format: 'debug' });
    const window = {
      fromDateTime: debug.body.debug.data.fromDateTime,
      toDateTime: debug.body.debug.data.toDateTime,
      timeZone: debug.body.debug.data.timeZone,
    };
    expect(raw.body.result).toHaveLength(25);
    expect(raw.body.result.map((person: never) => toInteraction(person, window))).toEqual(unified.body.result);
    expect(unified.body.result.map((record: { remote_data: unknown }) => record.remote_data)).toEqual(raw.body.result);
    expect(raw.body.next_cursor).toBe(unified.body.next_cursor);
  });

  it('debug is the unified page plus the envelope, and its data is the Gong endpoint’s answer (replayable)', async () => {
    const [unified, debug] = await Promise.all([page(), page({ truto_response_format: 'debug' })]);
    const { result, next_cursor, debug: info } = debug.body;
    expect({ result, next_cursor }).toEqual(unified.body);
    expect(Object.keys(info).sort()).toEqual(
      [
        'data',
        'isEmptyResult',
        'isLooping',
        'nextCursor',
        'requestOptions',
        'requestUrl',
        'resultCount',
        'responseHeaders',
      ].sort(),
    );
    expect(info.requestUrl).toMatch(new RegExp(`/gong/${ACCOUNT}/v2/stats/interaction$`));
    expect(info.requestOptions.headers.authorization).toBe('[REDACTED]');
    expect(JSON.stringify(info)).not.toContain('test-token');
    expect(info).toMatchObject({ isLooping: false, isEmptyResult: false, resultCount: 25 });
    expect(info.nextCursor).toBe(info.data.records.cursor);

    // What supertest's `.auth('access-key', 'secret').send(body)` sent: Basic credentials and JSON.
    const replay = await door().send({
      method: 'POST',
      path: new URL(info.requestUrl).pathname,
      headers: { Authorization: `Basic ${btoa('access-key:secret')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(info.requestOptions.body),
    });
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.text)).toEqual(info.data);
  });

  it('debug on a later page shows the Gong cursor it sent', async () => {
    const pages = await walk(door(), Object.entries(october()));
    const second = await page({
      truto_response_format: 'debug',
      limit: '100',
      next_cursor: pages[0]?.body.next_cursor as string,
    });
    expect(second.body.debug.requestOptions.body.cursor).toEqual(expect.any(String));
    expect(second.body.debug.data.records.currentPageNumber).toBe(1);
  });

  it('normalized has every property of the schema, null where Gong has no value, and no remote_data', async () => {
    const res = await page({ truto_response_format: 'normalized' });
    for (const record of res.body.result) {
      expect(Object.keys(record).sort()).toEqual(
        [
          'additional_metrics',
          'aggregation_period',
          'created_at',
          'end_time',
          'id',
          'metrics',
          'start_time',
          'timezone',
          'updated_at',
          'user',
        ].sort(),
      );
      expect(record.created_at).toBeNull();
      expect(record.user.name).toBeNull();
      expect(Object.keys(record.metrics).sort()).toEqual([
        'interactivity',
        'longest_customer_story',
        'longest_monologue',
        'patience',
        'question_rate',
      ]);
    }
  });

  it('stream is NDJSON of every record of every page, equal to the concatenated pages', async () => {
    const pages = await walk(door(), Object.entries(october()));
    const res = await door().send({
      path: unifiedUrl(october({ truto_response_format: 'stream' })),
      headers: { Authorization: 'Bearer t' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(pages.flatMap((p) => p.body.result));
  });

  it('a Gong-backed record carries only the fields the seed marks as supported for Gong', async () => {
    const res = await page();
    for (const record of res.body.result) {
      expect(Object.keys(record).sort()).toEqual(
        [
          'additional_metrics',
          'aggregation_period',
          'end_time',
          'id',
          'metrics',
          'remote_data',
          'start_time',
          'timezone',
          'user',
        ].sort(),
      );
      expect(record.aggregation_period).toBe('total');
      expect(record.timezone).toBe('America/Los_Angeles');
      expect(record.additional_metrics).toEqual([{ name: 'Talk Ratio', value: expect.any(Number) }]);
    }
  });
});

describeDoors('truto_key_by, truto_exclude_fields, truto_ignore_remote_data, remote_query', { now: NOW }, (door) => {
  const page = (extra: Record<string, string> = {}) =>
    getChecked(door(), unifiedUrl(october({ limit: '25', ...extra })));

  it('truto_key_by turns result into an object keyed by that field', async () => {
    const [plain, keyed] = await Promise.all([page(), page({ truto_key_by: 'user.id' })]);
    expect(Object.keys(keyed.body.result)).toEqual(plain.body.result.map((r: { user: { id: string } }) => r.user.id));
    expect(Object.values(keyed.body.result)).toEqual(plain.body.result);
    const raw = await page({ truto_response_format: 'raw', truto_key_by: 'userId' });
    expect(Object.keys(raw.body.result)).toHaveLength(25);
  });

  it('truto_exclude_fields works in both encodings and reaches nested fields', async () => {
    const brackets = await getChecked(
      door(),
      unifiedUrl([
        ...Object.entries(october({ limit: '5' })),
        ['truto_exclude_fields[]', 'remote_data'],
        ['truto_exclude_fields[]', 'user.emails'],
      ]),
    );
    const comma = await page({ limit: '5', truto_exclude_fields: 'remote_data,user.emails' });
    expect(brackets.text).toBe(comma.text);
    for (const record of comma.body.result) {
      expect(record).not.toHaveProperty('remote_data');
      expect(record.user).not.toHaveProperty('emails');
      expect(record.user.id).toEqual(expect.any(String));
    }
    const noId = await page({ limit: '5', truto_exclude_fields: 'id' });
    expect(noId.body.result[0]).not.toHaveProperty('id');
  });

  it('truto_ignore_remote_data=true drops remote_data only', async () => {
    const [plain, bare] = await Promise.all([page(), page({ truto_ignore_remote_data: 'true' })]);
    expect(bare.body.result).toEqual(
      plain.body.result.map(({ remote_data: _, ...rest }: { remote_data: unknown }) => rest),
    );
  });

  it('remote_query is merged into the Gong request, visible in debug and applied by Gong', async () => {
    const res = await getChecked(
      door(),
      unifiedUrl([
        ...Object.entries(october({ truto_response_format: 'debug' })),
        ['remote_query[filter][createdFromDateTime]', '2026-10-20T00:00:00-07:00'],
      ]),
    );
    expect(res.body.debug.requestOptions.body.filter).toEqual({
      fromDate: '2026-10-01',
      toDate: '2026-11-01',
      createdFromDateTime: '2026-10-20T00:00:00-07:00',
    });
    const full = await page({ truto_response_format: 'raw', limit: '100' });
    const narrowed = res.body.debug.data.peopleInteractionStats;
    // Fewer days counted: nobody's longest monologue can grow, and the stats must differ.
    type Person = { userId: string; personInteractionStats: Array<{ name: string; value: number }> };
    const monologue = (p: Person) => p.personInteractionStats.find((s) => s.name === 'Longest Monologue')?.value ?? 0;
    const fullByUser = new Map((full.body.result as Person[]).map((p) => [p.userId, p]));
    let compared = 0;
    for (const person of narrowed as Person[]) {
      const before = fullByUser.get(person.userId);
      if (before === undefined) continue;
      compared++;
      expect(monologue(person)).toBeLessThanOrEqual(monologue(before));
    }
    expect(compared).toBeGreaterThan(10);
    expect(JSON.stringify(narrowed)).not.toBe(JSON.stringify(full.body.result));
  });
});

describe('every door answers each format what the engine answers, byte for byte', () => {
  const formats: Array<{ name: string; query: [string, string][] }> = [
    { name: 'unified', query: Object.entries(october({ limit: '25' })) },
    ...['raw', 'debug', 'normalized', 'stream'].map((format) => ({
      name: format,
      query: Object.entries(october({ limit: '25', truto_response_format: format })),
    })),
    { name: 'truto_key_by', query: Object.entries(october({ limit: '25', truto_key_by: 'user.id' })) },
    {
      name: 'truto_exclude_fields[]',
      query: [...Object.entries(october({ limit: '5' })), ['truto_exclude_fields[]', 'user.emails']],
    },
    { name: 'truto_ignore_remote_data', query: Object.entries(october({ truto_ignore_remote_data: 'true' })) },
    {
      name: 'remote_query',
      query: [
        ...Object.entries(october({ truto_response_format: 'debug' })),
        ['remote_query[filter][createdFromDateTime]', '2026-10-20T00:00:00-07:00'],
      ],
    },
  ];
  it.each(formats)('$name', async ({ query }) => {
    const answers: Record<string, DoorResponse> = {};
    for (const [name, make] of Object.entries(DOORS)) {
      const door = await make({ now: NOW });
      try {
        answers[name] = await door.send({ path: unifiedUrl(query), headers: AUTH });
      } finally {
        await door.close();
      }
    }
    for (const [name, answer] of Object.entries(answers)) expect(answer, name).toEqual(answers.engine);
  });
});
