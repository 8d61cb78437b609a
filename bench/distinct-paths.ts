/**
 * Request paths that never repeat: every request asks for another window (start day, length)
 * of one of the healthy accounts, with another limit, so nothing can be reused between them.
 */
const ACCOUNTS = [
  '62f44730-dd91-461e-bd6a-aedd9e0ad79d',
  '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17',
  '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35',
];
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** A generator of distinct paths over `accounts` (state lives in the closure, one per benchmark run). */
export function distinctPaths(accounts: readonly string[] = ACCOUNTS): () => string {
  let n = 0;
  return () => {
    n++;
    const account = accounts[n % accounts.length] as string;
    const start = FIRST_DAY + (n % 600) * DAY_MS + Math.floor(n / 600) * 3_600_000;
    const end = start + (7 + (n % 31)) * DAY_MS;
    const limit = 20 + (n % 81);
    const q = new URLSearchParams({
      integrated_account_id: account,
      start_time: new Date(start).toISOString(),
      end_time: new Date(end).toISOString(),
      limit: String(limit),
    });
    return `/unified/conversational-intelligence/interactions?${q}`;
  };
}
