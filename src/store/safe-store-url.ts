/**
 * A store URL fit for a log line or a health answer: its password hidden.
 */

/**
 * The URL with its password replaced by `***`, and no trailing slash.
 *
 * @example
 * safeStoreUrl('redis://:hunter2@redis:6379'); // 'redis://:***@redis:6379'
 */
export function safeStoreUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString().replace(/\/$/, '');
}
