/**
 * Mapping overrides answer the same bytes on every door: the four overrides (a renamed metric,
 * dropped users, a `@truto/truto-jsonata` function, a broken expression) at the server layer
 * and the account layer, over a table of formats and query options, each door's answers the
 * engine's byte for byte. Each case also checks the engine's answer shows its override, so a
 * door that ignored the mapping could not pass by matching an engine that ignored it too.
 */
import { describe, expect, it } from 'vitest';
import type { MappingTexts } from '../../src/unified/mapping-texts.js';
import type { AppOptions } from '../../src/server/options.js';
import { BROKEN, DROP, RENAME, TRUTO, worldWithAccountMapping } from '../helpers/mapping-overrides.js';
import { answersOfEveryDoor, doorNames, type DoorRequest } from '../helpers/doors.js';
import { ACCOUNT, AUTH, NOW, october, unifiedUrl } from '../helpers/mock.js';

const REQUESTS: readonly DoorRequest[] = [
  { path: unifiedUrl(october({ limit: '5' })), headers: AUTH },
  { path: unifiedUrl(october({ limit: '3', truto_response_format: 'raw' })), headers: AUTH },
  { path: unifiedUrl(october({ limit: '3', truto_response_format: 'normalized' })), headers: AUTH },
  { path: unifiedUrl(october({ limit: '3', truto_response_format: 'stream' })), headers: AUTH },
  { path: unifiedUrl(october({ limit: '4', truto_key_by: 'id', truto_exclude_fields: 'remote_data' })), headers: AUTH },
];

const LAYERS: Record<string, (mapping: MappingTexts) => AppOptions> = {
  server: (mapping) => ({ now: NOW, mapping }),
  account: (mapping) => ({ now: NOW, world: worldWithAccountMapping(ACCOUNT, mapping) }),
};

/** What the engine's first answer (a unified page) must show for each override. */
const SHOWS: Array<[string, MappingTexts, (status: number, text: string) => void]> = [
  [
    'a renamed metric',
    RENAME,
    (status, text) => {
      expect(status).toBe(200);
      const metrics = (JSON.parse(text) as { result: Array<{ additional_metrics: Array<{ name: string }> }> }).result
        .flatMap((record) => record.additional_metrics)
        .map((metric) => metric.name);
      expect(metrics).toContain('talk_ratio');
      expect(metrics).not.toContain('Talk Ratio');
    },
  ],
  [
    'dropped users',
    DROP,
    (status, text) => {
      expect(status).toBe(200);
      const ids = (JSON.parse(text) as { result: Array<{ user: { id: string } }> }).result.map((r) => r.user.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => Number(id.slice(-1)) >= 5)).toBe(true);
    },
  ],
  [
    'a truto-jsonata function',
    TRUTO,
    (status, text) => {
      expect(status).toBe(200);
      const [first] = (
        JSON.parse(text) as { result: Array<{ user: { name: string; emails: Array<{ email: string }> } }> }
      ).result;
      expect(first?.user.name).toBe(first?.user.emails[0]?.email.split('@')[0]);
    },
  ],
  [
    'a broken expression',
    BROKEN,
    (status, text) => {
      expect(status).toBe(502);
      expect(text).toContain('response_mapping, line 3, column 1');
    },
  ],
];

describe('mapping overrides answer the same bytes on every door', () => {
  for (const [layer, optionsOf] of Object.entries(LAYERS))
    it.each(SHOWS)(`%s at the ${layer} layer`, async (_name, mapping, shows) => {
      const answers = await answersOfEveryDoor(optionsOf(mapping), REQUESTS);
      expect(Object.keys(answers)).toEqual(doorNames());
      const engine = answers.engine as NonNullable<typeof answers.engine>;
      const first = engine[0] as (typeof engine)[number];
      shows(first.status, first.text);
      for (const [name, list] of Object.entries(answers))
        list.forEach((answer, i) => expect(answer, `${name}: ${REQUESTS[i]?.path}`).toEqual(engine[i]));
    });
});
