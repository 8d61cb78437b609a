/**
 * Unified records as JSON text, byte for byte what `JSON.stringify` makes of them, in about
 * a third of its time. Serializing pages is the largest cost of a page nobody asked for
 * before, so the record shape `toInteraction` builds is written from a template: constant
 * keys as literal text, values spliced in. Any record not in exactly that shape (fields
 * excluded by `truto_exclude_fields`, no email, other stats) is left to `JSON.stringify`.
 */
import type { GongInteractionStat, Interaction } from '../schema-types.js';
import { GONG_STAT_NAMES } from '../world/interaction-stats.js';
import { METRIC_BY_STAT_NAME } from './map-interaction-stats.js';

/** Whether `stats` are Gong's six stats in Gong's order, each a finite number. */
function hasGongStatOrder(stats: readonly GongInteractionStat[] | undefined): stats is GongInteractionStat[] {
  if (!Array.isArray(stats) || stats.length !== GONG_STAT_NAMES.length) return false;
  for (let i = 0; i < GONG_STAT_NAMES.length; i++) {
    const stat = stats[i];
    if (stat?.name !== GONG_STAT_NAMES[i] || typeof stat.value !== 'number' || !Number.isFinite(stat.value))
      return false;
  }
  return true;
}

/** What the template reads of a record that fits it. */
interface TemplateRecord {
  id: string;
  user: { id: string; emails: [{ email: string }] };
  start_time: string;
  end_time: string;
  timezone: string;
  metrics: { interactivity: number; patience: number; question_rate: number };
  remote_data: { personInteractionStats: [GongInteractionStat, GongInteractionStat, ...GongInteractionStat[]] };
}

/**
 * Whether the record is in the template's shape: every field the template writes is there
 * with its type, and the unified metrics are the values of Gong's stats (as mapped).
 */
export function fitsTemplate(record: Interaction): record is Interaction & TemplateRecord {
  const { user, metrics, additional_metrics: additional, remote_data: remote } = record;
  if (typeof record.id !== 'string' || typeof record.start_time !== 'string') return false;
  if (typeof record.end_time !== 'string' || typeof record.timezone !== 'string') return false;
  if (record.aggregation_period !== 'total' || typeof user !== 'object' || user === null) return false;
  if (typeof user.id !== 'string' || !Array.isArray(user.emails) || user.emails.length !== 1) return false;
  const email = user.emails[0];
  if (typeof email?.email !== 'string' || email.is_primary !== true) return false;
  if (typeof remote !== 'object' || remote === null || remote['userId'] !== user.id) return false;
  if (remote['userEmailAddress'] !== email.email) return false;
  const stats = remote['personInteractionStats'] as GongInteractionStat[] | undefined;
  if (!hasGongStatOrder(stats) || typeof metrics !== 'object' || metrics === null) return false;
  if (!Array.isArray(additional) || additional.length !== 1) return false;
  const talk = additional[0];
  if (talk?.name !== 'Talk Ratio' || talk.value !== (stats[5] as GongInteractionStat).value) return false;
  for (let i = 0; i < 5; i++) {
    const stat = stats[i] as GongInteractionStat;
    if (metrics[METRIC_BY_STAT_NAME[stat.name] as keyof typeof metrics] !== stat.value) return false;
  }
  return true;
}

/** Printable ASCII but `"` and `\\`: the characters JSON.stringify writes as they are. */
const NEEDS_NO_ESCAPE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** A JSON string literal; plain ASCII strings (ids, dates, zones, emails) skip the escaper. */
function quote(value: string): string {
  return NEEDS_NO_ESCAPE.test(value) ? `"${value}"` : JSON.stringify(value);
}

/** Numbers from 0 to 999.99 in hundredths (every stat Gong reports) have their text remembered. */
const REMEMBERED_HUNDREDTHS = 100_000;
const hundredthsTexts: Array<string | undefined> = [];

/**
 * A finite number as JSON writes it. Stats in hundredths are looked up by their number of
 * hundredths: V8 keeps its own cache of number strings in the old generation, so every fresh
 * conversion ended up there, and a long run of records (a million-record data set, a busy
 * server) grew the heap by a third with them. The same hundred thousand strings at most are
 * returned instead, each made once; other numbers are converted as usual.
 */
function numberText(value: number): string {
  const hundredths = Math.round(value * 100);
  // Only a number that is exactly hundredths / 100 shares that entry's text.
  if (hundredths >= 0 && hundredths < REMEMBERED_HUNDREDTHS && hundredths / 100 === value) {
    return (hundredthsTexts[hundredths] ??= String(value));
  }
  return String(value);
}

/**
 * The window part of a record's text, remembered while records share their window: every
 * record of a page does, so its three strings are escaped once a page, not once a record.
 */
interface WindowText {
  start: string | undefined;
  end: string | undefined;
  zone: string | undefined;
  text: string;
}

function windowText(record: TemplateRecord, last: WindowText): string {
  if (record.start_time !== last.start || record.end_time !== last.end || record.timezone !== last.zone) {
    last.start = record.start_time;
    last.end = record.end_time;
    last.zone = record.timezone;
    last.text =
      `"start_time":${quote(record.start_time)},"end_time":${quote(record.end_time)},` +
      `"aggregation_period":"total","timezone":${quote(record.timezone)},`;
  }
  return last.text;
}

function noWindow(): WindowText {
  // Nothing remembered yet: undefined matches no record's strings, not even empty ones.
  return { start: undefined, end: undefined, zone: undefined, text: '' };
}

function templateJson(record: TemplateRecord, window: WindowText): string {
  const { user, metrics: m } = record;
  const stats = record.remote_data.personInteractionStats;
  const email = quote(user.emails[0].email);
  const userId = quote(user.id);
  const monologue = numberText(stats[0].value);
  const story = numberText(stats[1].value);
  const interactivity = numberText(m.interactivity);
  const patience = numberText(m.patience);
  const questionRate = numberText(m.question_rate);
  const talk = numberText((stats[5] as GongInteractionStat).value);
  return (
    `{"id":${quote(record.id)},"user":{"id":${userId},"emails":[{"email":${email},"is_primary":true}]},` +
    windowText(record, window) +
    `"metrics":{"longest_monologue":${monologue},"longest_customer_story":${story},` +
    `"interactivity":${interactivity},"patience":${patience},"question_rate":${questionRate}},` +
    `"additional_metrics":[{"name":"Talk Ratio","value":${talk}}],` +
    `"remote_data":{"userId":${userId},"userEmailAddress":${email},"personInteractionStats":[` +
    `{"name":"Longest Monologue","value":${monologue}},{"name":"Longest Customer Story","value":${story}},` +
    `{"name":"Interactivity","value":${interactivity}},{"name":"Patience","value":${patience}},` +
    `{"name":"Question Rate","value":${questionRate}},{"name":"Talk Ratio","value":${talk}}]}}`
  );
}

function recordJson(record: Interaction, window: WindowText): string {
  return fitsTemplate(record) ? templateJson(record, window) : JSON.stringify(record);
}

/**
 * `JSON.stringify(record)`, faster for records straight from `toInteraction`.
 *
 * @example
 * interactionJson(toInteraction(person, window)) === JSON.stringify(toInteraction(person, window)); // true
 */
export function interactionJson(record: Interaction): string {
  return recordJson(record, noWindow());
}

/**
 * The records as NDJSON: each one's `JSON.stringify` text and a newline.
 *
 * @example
 * interactionLines(page.records); // '{"id":...}\n{"id":...}\n'
 */
export function interactionLines(records: readonly Interaction[]): string {
  const window = noWindow();
  let text = '';
  for (const record of records) text += `${recordJson(record, window)}\n`;
  return text;
}

function interactionsJson(records: readonly unknown[]): string {
  const window = noWindow();
  let text = '[';
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    // An array's holes and undefined entries are `null` to JSON.stringify: leave those to it.
    if (typeof record !== 'object' || record === null) return JSON.stringify(records);
    text += (i === 0 ? '' : ',') + recordJson(record as Interaction, window);
  }
  return `${text}]`;
}

/**
 * `JSON.stringify(body)` for an answer body: a page's `result` array is written record by
 * record as above, everything else (cursor, debug envelope, errors) by JSON.stringify.
 *
 * @example
 * answerJson({ result: page.records, next_cursor: null }); // '{"result":[...],"next_cursor":null}'
 */
export function answerJson(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('result' in body)) {
    return JSON.stringify(body);
  }
  let text = '{';
  for (const [key, value] of Object.entries(body)) {
    // Keys JSON.stringify would skip, or values that serialize themselves, keep it exact only there.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return JSON.stringify(body);
    const json = key === 'result' && Array.isArray(value) ? interactionsJson(value) : JSON.stringify(value);
    text += `${text === '{' ? '' : ','}${JSON.stringify(key)}:${json}`;
  }
  return `${text}}`;
}
