import { describe, expect, it } from 'vitest';
import type { GongPersonInteractionStats, Interaction } from '../schema-types.js';
import { GONG_STAT_NAMES } from '../world/interaction-stats.js';
import { interactionJson } from './interaction-json.js';
import { fitsTemplate } from './interaction-template.js';
import { toInteraction } from './map-interaction-stats.js';

type Json = Record<string, unknown>;

function record(): Json {
  const person: GongPersonInteractionStats = {
    userId: '713552277022972',
    userEmailAddress: 'eliza@acme-widgets.com',
    personInteractionStats: GONG_STAT_NAMES.map((name, i) => ({
      name,
      value: [202, 87, 5.57, 0.83, 7.36, 0.62][i] as number,
    })),
  };
  return toInteraction(person, {
    fromDateTime: '2026-10-01T00:00:00-07:00',
    toDateTime: '2026-11-01T00:00:00-07:00',
    timeZone: 'America/Los_Angeles',
  }) as unknown as Json;
}

const at = (r: Json, path: string): Json => path.split('.').reduce((node, key) => node[key] as Json, r);
const stats = (r: Json): Json[] => at(r, 'remote_data.personInteractionStats') as unknown as Json[];

/**
 * Records that keep every key, type and cross-check the template looks at but that JSON.stringify
 * writes otherwise than the template would: each must be left to JSON.stringify.
 */
const shapes: Array<{ name: string; change: (r: Json) => Json }> = [
  // JSON.stringify writes a Number object as its number, whatever own keys it has.
  { name: 'a Number object for the record', change: (r) => Object.assign(new Number(1), r) as unknown as Json },
  {
    name: 'a Number object for a Gong stat',
    change: (r) => {
      stats(r)[0] = Object.assign(new Number(202), stats(r)[0]) as unknown as Json;
      return r;
    },
  },
  {
    name: 'a Boolean object for the email',
    change: (r) => {
      (at(r, 'user')['emails'] as Json[])[0] = Object.assign(
        new Boolean(false),
        at(r, 'user.emails.0'),
      ) as unknown as Json;
      return r;
    },
  },
  // JSON.stringify leaves an undefined user out; the template would read it.
  { name: 'an undefined user', change: (r) => ((r['user'] = undefined), r) },
  {
    // The Gong person agrees, so only the type tells the template's quoted text from JSON's number.
    name: 'a numeric user id in the user and the Gong person',
    change: (r) => ((at(r, 'user')['id'] = 7), (at(r, 'remote_data')['userId'] = 7), r),
  },
  {
    name: 'a numeric email in the user and the Gong person',
    change: (r) => ((at(r, 'user.emails.0')['email'] = 7), (at(r, 'remote_data')['userEmailAddress'] = 7), r),
  },
  {
    name: 'a second email',
    change: (r) => ((at(r, 'user')['emails'] as Json[]).push({ email: 'e@f.g', is_primary: false }), r),
  },
  {
    name: 'a second additional metric',
    change: (r) => ((r['additional_metrics'] as Json[]).push({ name: 'Calls', value: 3 }), r),
  },
  {
    name: 'emails in an array-like object on the array prototype',
    change: (r) => {
      at(r, 'user')['emails'] = Object.setPrototypeOf({ 0: at(r, 'user.emails.0'), length: 1 }, Array.prototype);
      return r;
    },
  },
  {
    name: 'emails in an array with its own toJSON',
    change: (r) => (Object.assign(at(r, 'user')['emails'] as Json[], { toJSON: () => 'hidden' }), r),
  },
  {
    name: 'additional metrics in an array with its own toJSON',
    change: (r) => (Object.assign(r['additional_metrics'] as Json[], { toJSON: () => 'hidden' }), r),
  },
  {
    name: 'Gong stats in an array with its own toJSON',
    change: (r) => (Object.assign(stats(r), { toJSON: () => 'hidden' }), r),
  },
  {
    // The metrics follow the stats by name, so only the stats' order tells the two apart.
    name: 'the first two Gong stats swapped, metrics following them',
    change: (r) => {
      const [monologue, story] = stats(r) as [Json, Json];
      stats(r)[0] = story;
      stats(r)[1] = monologue;
      return r;
    },
  },
  {
    name: 'another sixth Gong stat with the Talk Ratio value',
    change: (r) => (((stats(r)[5] as Json)['name'] = 'Talk Time'), r),
  },
  {
    name: 'an infinite Gong stat and metric',
    change: (r) => {
      (stats(r)[0] as Json)['value'] = Infinity;
      at(r, 'metrics')['longest_monologue'] = Infinity;
      return r;
    },
  },
  {
    name: 'an infinite Talk Ratio stat and metric',
    change: (r) => {
      (stats(r)[5] as Json)['value'] = -Infinity;
      at(r, 'additional_metrics.0')['value'] = -Infinity;
      return r;
    },
  },
];

describe('fitsTemplate on records JSON.stringify writes otherwise', () => {
  it.each(shapes)('leaves a record with $name to JSON.stringify', ({ change }) => {
    const changed = change(record()) as unknown as Interaction;
    expect(fitsTemplate(changed)).toBe(false);
    expect(interactionJson(changed)).toBe(JSON.stringify(changed));
  });
});
