/**
 * Mapping overrides over HTTP, at the server layer (`createApp({ mapping })`) and the account
 * layer (a world's `mapping:`): a renamed metric, dropped users, a `@truto/truto-jsonata`
 * function, a broken expression; the highest layer wins whole, per kind; formats, keys,
 * excluded fields and cursors apply to the overridden records as to the built-in ones.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { MappingTexts } from '../../src/unified/mapping-texts.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';
import { createApp } from '../../src/server/create-app.js';
import { BROKEN, DROP, RENAME, TRUTO, worldWithAccountMapping } from '../helpers/mapping-overrides.js';
import { expectContract } from '../helpers/contract.js';
import { createWorld } from '../../src/world/world.js';

interface Page {
  result: Array<{
    id: string;
    user: { id: string; name?: string };
    additional_metrics: Array<{ name: string }>;
  }>;
  next_cursor: string | null;
}

const LAYERS = {
  server: (mapping: MappingTexts) => createApp({ now: NOW, mapping }),
  account: (mapping: MappingTexts) => createApp({ now: NOW, world: worldWithAccountMapping(ACCOUNT, mapping) }),
} as const;

const base = createApp({ now: NOW });

async function page(app: ReturnType<typeof createApp>, extra: Record<string, string> = {}) {
  const res = await request(app)
    .get(unifiedUrl(october({ limit: '20', ...extra })))
    .set(AUTH);
  await expectContract(res);
  return res;
}

describe.each(Object.keys(LAYERS) as Array<keyof typeof LAYERS>)('a %s-layer override, over HTTP', (layer) => {
  const appWith = LAYERS[layer];

  it('renames a metric: Talk Ratio becomes talk_ratio, everything else as the base', async () => {
    const [mapped, built] = await Promise.all([page(appWith(RENAME)), page(base)]);
    expect(mapped.status).toBe(200);
    const records = (mapped.body as Page).result;
    expect(records.length).toBe(20);
    expect(records.every((r) => r.additional_metrics.some((m) => m.name === 'talk_ratio'))).toBe(true);
    expect(records.some((r) => r.additional_metrics.some((m) => m.name === 'Talk Ratio'))).toBe(false);
    const renamedBack = JSON.parse(JSON.stringify(mapped.body).replaceAll('"talk_ratio"', '"Talk Ratio"'));
    expect(renamedBack).toEqual(built.body);
  });

  it('drops users by returning null; the cursors still walk every Gong record once', async () => {
    const app = appWith(DROP);
    const kept: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await page(app, cursor === null ? {} : { next_cursor: cursor });
      expect(res.status).toBe(200);
      const body = res.body as Page;
      kept.push(...body.result.map((r) => r.user.id));
      cursor = body.next_cursor;
    } while (cursor !== null);
    const all: string[] = [];
    cursor = null;
    do {
      const res = await page(base, cursor === null ? {} : { next_cursor: cursor });
      const body = res.body as Page;
      all.push(...body.result.map((r) => r.user.id));
      cursor = body.next_cursor;
    } while (cursor !== null);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(all.filter((id) => Number(id.slice(-1)) >= 5));
  });

  it("uses @truto/truto-jsonata's $firstNonEmpty: user.name is the email's local part", async () => {
    const res = await page(appWith(TRUTO));
    expect(res.status).toBe(200);
    const records = (res.body as Page & { result: Array<{ user: { emails: Array<{ email: string }> } }> }).result;
    for (const record of records) expect(record.user.name).toBe(record.user.emails[0]?.email.split('@')[0]);
  });

  it('a broken expression is a 502 in the remote-error shape naming the layer, kind and place', async () => {
    const app = appWith(BROKEN);
    const res = await page(app);
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ statusCode: 502, error: 'Bad Gateway', truto_is_remote_error: true });
    expect(res.body.message).toContain(`the ${layer} layer's response_mapping, line 3, column 1`);
    // The server is still up: the next request is answered the same way, not crashed.
    expect((await page(app)).status).toBe(502);
  });

  it('formats, truto_key_by, truto_exclude_fields apply to the overridden records', async () => {
    const app = appWith(RENAME);
    const keyed = await page(app, { truto_key_by: 'user.id', truto_exclude_fields: 'remote_data,metrics' });
    const records = (await page(app)).body as Page;
    expect(Object.keys(keyed.body.result)).toEqual(records.result.map((r) => r.user.id));
    const first = keyed.body.result[records.result[0]!.user.id];
    expect(first).not.toHaveProperty('remote_data');
    expect(first).not.toHaveProperty('metrics');
    expect(first.additional_metrics).toEqual([{ name: 'talk_ratio', value: expect.any(Number) }]);
    const raw = await page(app, { truto_response_format: 'raw' });
    expect(raw.body).toEqual((await page(base, { truto_response_format: 'raw' })).body);
    const normalized = await page(app, { truto_response_format: 'normalized' });
    expect(normalized.body.result[0].additional_metrics[0].name).toBe('talk_ratio');
    const stream = await request(app)
      .get(unifiedUrl(october({ truto_response_format: 'stream' })))
      .set(AUTH);
    const lines = stream.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.every((line) => line.additional_metrics.some((m: { name: string }) => m.name === 'talk_ratio'))).toBe(
      true,
    );
  });
});

describe('layers: the highest present wins whole, per kind', () => {
  const FIXED_WINDOW: MappingTexts = {
    query_mapping: "{ 'filter': { 'fromDate': '2026-10-05', 'toDate': '2026-10-06' } }",
  };

  it("an account's response_mapping replaces the server's; the server's query_mapping still applies to it", async () => {
    const app = createApp({
      now: NOW,
      mapping: { ...RENAME, ...FIXED_WINDOW },
      world: worldWithAccountMapping(ACCOUNT, TRUTO),
    });
    const res = await page(app, { truto_response_format: 'debug' });
    expect(res.status).toBe(200);
    expect(res.body.debug.requestOptions.body).toMatchObject({
      filter: { fromDate: '2026-10-05', toDate: '2026-10-06' },
    });
    // The account's TRUTO mapping, whole: names, and Talk Ratio not renamed.
    expect(res.body.result[0].user.name).toEqual(expect.any(String));
    expect(res.body.result[0].additional_metrics[0].name).toBe('Talk Ratio');
  });

  it("another account without a mapping gets the server's", async () => {
    const app = createApp({ now: NOW, mapping: RENAME, world: worldWithAccountMapping(ACCOUNT, TRUTO) });
    const other = createWorld().accounts.find(
      (a) => a.id !== ACCOUNT && (a.behavior ?? 'healthy') === 'healthy' && a.userCount > 0,
    )!.id;
    const res = await request(app)
      .get(unifiedUrl(october({ integrated_account_id: other, limit: '5' })))
      .set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body.result[0].additional_metrics[0].name).toBe('talk_ratio');
  });
});
