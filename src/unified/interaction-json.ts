/**
 * Unified records as JSON text, byte for byte what `JSON.stringify` makes of them, in about
 * a third of its time. Serializing pages is the largest cost of a page nobody asked for
 * before, so the record shape `toInteraction` builds is written from a template: constant
 * keys as literal text, values spliced in. Any record not in exactly that shape (fields
 * excluded by `truto_exclude_fields`, no email, other stats, see interaction-template.ts)
 * is left to `JSON.stringify`.
 */
import type { GongInteractionStat, Interaction } from '../schema-types.js';
import { fitsTemplate, isPlain, type TemplateRecord } from './interaction-template.js';

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

function recordJson(record: Interaction, window: WindowText): string | undefined {
  // JSON.stringify answers undefined for a record whose toJSON does: as JSON.stringify does.
  return fitsTemplate(record) ? templateJson(record, window) : JSON.stringify(record);
}

/**
 * `JSON.stringify(record)`, faster for records straight from `toInteraction`.
 *
 * @example
 * interactionJson(toInteraction(person, window)) === JSON.stringify(toInteraction(person, window)); // true
 */
export function interactionJson(record: Interaction): string {
  return recordJson(record, noWindow()) as string;
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

/**
 * Whether JSON.stringify would hand `value` to its `toJSON` (with the key it sits under). It asks
 * every object, functions too, and bigints; a primitive's own answer only sends it the slow way.
 */
function hasToJson(value: {}): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function interactionsJson(records: readonly unknown[]): string {
  const window = noWindow();
  let text = '[';
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    // Holes and undefined entries (null to JSON.stringify), and records with a toJSON (which
    // JSON.stringify hands the index): the whole array is JSON.stringify's.
    if (typeof record !== 'object' || record === null || hasToJson(record)) return JSON.stringify(records);
    text += (i === 0 ? '' : ',') + (recordJson(record as Interaction, window) ?? 'null');
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
  if (typeof body !== 'object' || body === null || !isPlain(body, Object.prototype) || !('result' in body)) {
    return JSON.stringify(body);
  }
  let text = '{';
  for (const [key, value] of Object.entries(body)) {
    // A function is asked too: JSON.stringify skips one only when it has no toJSON.
    if (value !== null && value !== undefined && hasToJson(value)) return JSON.stringify(body);
    const json =
      key === 'result' && Array.isArray(value) && isPlain(value, Array.prototype)
        ? interactionsJson(value)
        : (JSON.stringify(value) as string | undefined);
    // A value JSON.stringify skips (undefined, a function, a toJSON answering undefined): let it skip it.
    if (json === undefined) return JSON.stringify(body);
    text += `${text === '{' ? '' : ','}${JSON.stringify(key)}:${json}`;
  }
  return `${text}}`;
}
