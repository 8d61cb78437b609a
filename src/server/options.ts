/**
 * The options of `createApp`, all optional, resolved once into the complete config the rest
 * of the server reads.
 */
import { createGongApi, type GongApi } from '../gong/gong-api.js';
import type { MockContext } from '../mock-context.js';
import type { AccountSpec } from '../world/account-spec.js';
import { createWorld } from '../world/world.js';

export interface AppOptions {
  /** Seed of the world. Default 42. */
  seed?: number;
  /** The accounts. Default: the embedded default accounts. */
  accounts?: readonly AccountSpec[];
  /** Overrides every account's number of users. Default: each account's own. */
  userCount?: number;
  /** Accepted API tokens (unified Bearer; Gong Bearer or Basic password). Default: any non-empty token. */
  tokens?: readonly string[];
  /** The current instant for Gong's "not after the current day" rule. Default: the real clock. */
  now?: Date | string | number;
  /** Secret that signs cursors. Default: derived from the seed, so same seed = same cursors. */
  secret?: string;
}

/** Everything the server reads, complete. */
export interface ResolvedOptions {
  context: MockContext;
  gong: GongApi;
  /** Accepted tokens, or undefined to accept any non-empty one. */
  tokens: ReadonlySet<string> | undefined;
}

/** A misuse of `createApp`'s options. */
export class AppOptionsError extends Error {
  override name = 'AppOptionsError';
}

function resolveNow(now: AppOptions['now']): () => number {
  if (now === undefined) return Date.now;
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new AppOptionsError(`now must be a date, got ${String(now)}`);
  return () => ms;
}

/** Fills in every default. */
export function resolveOptions(options: AppOptions = {}): ResolvedOptions {
  const { seed = 42, accounts, userCount, tokens, now, secret = `interactions-kit:${seed}` } = options;
  const world = createWorld({
    seed,
    ...(accounts === undefined ? {} : { accounts }),
    ...(userCount === undefined ? {} : { userCount }),
  });
  if (tokens !== undefined && tokens.some((token) => token === ''))
    throw new AppOptionsError('tokens must not be empty strings');
  const context: MockContext = { world, now: resolveNow(now), secret };
  return {
    context,
    gong: createGongApi(context),
    tokens: tokens === undefined || tokens.length === 0 ? undefined : new Set(tokens),
  };
}
