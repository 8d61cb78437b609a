/**
 * Content types: `application/json; charset=utf-8` is `application/json`, and which media
 * types carry JSON or NDJSON.
 */
import type { MediaTypeObject } from './openapi-document.js';

/** `type/subtype` of a Content-Type, lower-case, without parameters; '' when absent. */
export function mediaTypeEssence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** `application/json` and every `+json` type. */
export function isJsonMediaType(essence: string): boolean {
  return essence === 'application/json' || essence.endsWith('+json');
}

/** `application/x-ndjson` (and its unregistered spellings): one JSON value per line. */
export function isNdjsonMediaType(essence: string): boolean {
  return /^application\/(x-)?(ndjson|jsonl|json-seq)$/.test(essence) || essence.endsWith('+ndjson');
}

/**
 * The documented media type a Content-Type falls under: exact first, then `type/*`, then `*\/*`.
 *
 * @example
 * ```ts
 * documentedMediaType({ 'application/json': {} }, 'application/json; charset=utf-8'); // 'application/json'
 * ```
 */
export function documentedMediaType(
  content: Record<string, MediaTypeObject>,
  contentType: string | undefined,
): string | undefined {
  const essence = mediaTypeEssence(contentType);
  const keys = Object.keys(content);
  const byEssence = (wanted: string) => keys.find((key) => mediaTypeEssence(key) === wanted);
  return byEssence(essence) ?? byEssence(`${essence.split('/')[0]}/*`) ?? byEssence('*/*');
}
