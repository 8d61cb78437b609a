/**
 * Which integrated account a request is for, read from its URL alone: the Gong path segment
 * or the unified `integrated_account_id` parameter. Lower-cased; undefined when it names none.
 */
const ACCOUNT_IN_PATH = /^\/gong\/([^/?]+)/;
const ACCOUNT_IN_QUERY = /[?&]integrated_account_id=([^&]*)/;

export function accountOfUrl(url: string): string | undefined {
  const raw = ACCOUNT_IN_PATH.exec(url)?.[1] ?? ACCOUNT_IN_QUERY.exec(url)?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    // A malformed id stays as it was sent.
    return raw.toLowerCase();
  }
}
