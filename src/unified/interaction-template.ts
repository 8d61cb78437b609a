/**
 * The exact shape of a unified record as `toInteraction` builds it, which interaction-json.ts
 * writes from a template. "Exact" is what makes the template safe: the same own enumerable
 * keys in the same order, plain objects and arrays (no class, no `toJSON`), strings and
 * finite numbers where the template puts them, metrics equal to the Gong stats they come
 * from. Anything else (a field excluded or added, keys in another order, another stat) is
 * not in the shape, and JSON.stringify writes it. (Getters are read more than once, so one
 * that answers differently each time could differ; records have none.)
 */
import type { GongInteractionStat, Interaction } from '../schema-types.js';
import { GONG_STAT_NAMES } from '../world/interaction-stats.js';
import { METRIC_BY_STAT_NAME } from './map-interaction-stats.js';

/** Own enumerable keys, in order, of each object of the shape. */
const KEYS = {
  record: [
    'id',
    'user',
    'start_time',
    'end_time',
    'aggregation_period',
    'timezone',
    'metrics',
    'additional_metrics',
    'remote_data',
  ],
  user: ['id', 'emails'],
  email: ['email', 'is_primary'],
  metrics: ['longest_monologue', 'longest_customer_story', 'interactivity', 'patience', 'question_rate'],
  stat: ['name', 'value'],
  remoteData: ['userId', 'userEmailAddress', 'personInteractionStats'],
} as const;

/** What the template reads of a record in the shape. */
export interface TemplateRecord {
  id: string;
  user: { id: string; emails: [{ email: string }] };
  start_time: string;
  end_time: string;
  timezone: string;
  metrics: { interactivity: number; patience: number; question_rate: number };
  remote_data: { personInteractionStats: [GongInteractionStat, GongInteractionStat, ...GongInteractionStat[]] };
}

type Json = Record<string, unknown>;

/**
 * Whether JSON.stringify would write `value` (an object or array of `prototype`'s) key by
 * key or item by item, calling no `toJSON`.
 */
export function isPlain(value: object, prototype: object): boolean {
  return Object.getPrototypeOf(value) === prototype && (value as Json)['toJSON'] === undefined;
}

/**
 * Whether `value` is a plain object whose own enumerable keys are exactly `keys`, in order,
 * and which JSON.stringify would not hand to a `toJSON`. (for...in lists inherited enumerable
 * keys too, so a polluted prototype also fails.)
 */
function isPlainWithKeys(value: unknown, keys: readonly string[]): value is Json {
  if (typeof value !== 'object' || value === null || !isPlain(value, Object.prototype)) return false;
  let i = 0;
  for (const key in value) if (key !== keys[i++]) return false;
  return i === keys.length;
}

/** Whether `value` is a plain array of `length` (no class, no `toJSON`). */
function isPlainArray(value: unknown, length: number): value is unknown[] {
  return Array.isArray(value) && value.length === length && isPlain(value, Array.prototype);
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Whether `stats` are Gong's six stats in Gong's order, each `{ name, value }` with a finite number. */
function isGongStatList(stats: unknown): stats is GongInteractionStat[] {
  if (!isPlainArray(stats, GONG_STAT_NAMES.length)) return false;
  for (let i = 0; i < GONG_STAT_NAMES.length; i++) {
    const stat = stats[i];
    if (!isPlainWithKeys(stat, KEYS.stat) || stat['name'] !== GONG_STAT_NAMES[i] || !isFiniteNumber(stat['value']))
      return false;
  }
  return true;
}

/**
 * Whether the record is exactly in the template's shape (see the module's comment).
 *
 * @example
 * fitsTemplate(toInteraction(person, window)); // true for a person with Gong's six stats and an email
 */
export function fitsTemplate(record: Interaction): record is Interaction & TemplateRecord {
  if (!isPlainWithKeys(record, KEYS.record)) return false;
  const { user, metrics, additional_metrics: additional, remote_data: remote } = record as Json;
  if (typeof record.id !== 'string' || typeof record.start_time !== 'string') return false;
  if (typeof record.end_time !== 'string' || typeof record.timezone !== 'string') return false;
  if (record.aggregation_period !== 'total' || !isPlainWithKeys(user, KEYS.user)) return false;
  const emails = user['emails'];
  if (typeof user['id'] !== 'string' || !isPlainArray(emails, 1)) return false;
  const email = emails[0];
  if (!isPlainWithKeys(email, KEYS.email) || typeof email['email'] !== 'string' || email['is_primary'] !== true)
    return false;
  if (!isPlainWithKeys(remote, KEYS.remoteData) || remote['userId'] !== user['id']) return false;
  if (remote['userEmailAddress'] !== email['email']) return false;
  const stats = remote['personInteractionStats'];
  if (!isGongStatList(stats) || !isPlainWithKeys(metrics, KEYS.metrics)) return false;
  for (let i = 0; i < 5; i++) {
    const stat = stats[i] as GongInteractionStat;
    if (metrics[METRIC_BY_STAT_NAME[stat.name] as string] !== stat.value) return false;
  }
  if (!isPlainArray(additional, 1)) return false;
  const talk = additional[0];
  return isPlainWithKeys(talk, KEYS.stat) && talk['name'] === 'Talk Ratio' && talk['value'] === stats[5]?.value;
}
