/**
 * Shared test scaffolding: an app with a pinned clock, URLs of the unified endpoint, and a
 * pagination walker. Every response a helper receives is checked against the contract.
 */
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/server/create-app.js';
import type { AppOptions } from '../../src/server/options.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/world/account-spec.js';
import { expectContract } from './contract.js';
import { parseServeFlags } from '../../src/cli/serve-flags.js';
import { startServer, type RunningServer } from '../../src/cli/start-server.js';

export const NOW = '2026-11-24T00:00:00Z';
export const ACCOUNT = DEFAULT_ACCOUNT_ID;
export const UNIFIED_PATH = '/unified/conversational-intelligence/interactions';
export const OCTOBER = { start_time: '2026-10-01T00:00:00-07:00', end_time: '2026-11-01T00:00:00-07:00' } as const;
export const AUTH = { Authorization: 'Bearer test-token' } as const;

/** The mock with the clock pinned to NOW. */
export function mockApp(options: AppOptions = {}): Express {
  return createApp({ now: NOW, ...options });
}

/** A unified URL: `params` as pairs so a test can repeat keys and choose every encoding. */
export function unifiedUrl(params: Record<string, string> | [string, string][] = {}): string {
  const pairs = Array.isArray(params) ? params : Object.entries(params);
  const query = pairs.map(
    ([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`,
  );
  return `${UNIFIED_PATH}?${query.join('&')}`;
}

/** The default query: the default account's October 2026. */
export function october(extra: Record<string, string> = {}): Record<string, string> {
  return { integrated_account_id: ACCOUNT, ...OCTOBER, ...extra };
}

/** GETs a unified URL with a token and checks the answer against the contract. */
export async function getUnified(app: Express, url: string, headers: Record<string, string> = AUTH) {
  const res = await request(app).get(url).set(headers);
  await expectContract(res);
  return res;
}

export interface WalkedPage {
  url: string;
  text: string;
  body: { result: Array<{ id: string }>; next_cursor: string | null };
}

/** One page as a walk reads it: its status, text and parsed body. */
export interface PageAnswer {
  status: number;
  text: string;
  body: WalkedPage['body'];
}

/**
 * Follows `next_cursor` from the first page to the last, asking each page with `get`.
 * `firstCursor` is what the first request sends as `next_cursor` (the TypeScript SDK sends an
 * empty one); past `maxPages` the walk is said not to end.
 */
export async function walkWith(
  get: (url: string) => Promise<PageAnswer>,
  pairs: [string, string][],
  options: { firstCursor?: string; maxPages?: number } = {},
): Promise<WalkedPage[]> {
  const pages: WalkedPage[] = [];
  let cursor: string | undefined = options.firstCursor;
  for (let i = 0; i < (options.maxPages ?? 1000); i++) {
    const url = unifiedUrl(cursor === undefined ? pairs : [...pairs, ['next_cursor', cursor]]);
    const res = await get(url);
    if (res.status !== 200) throw new Error(`page ${i} of the walk answered ${res.status}: ${res.text}`);
    pages.push({ url, text: res.text, body: res.body });
    if (res.body.next_cursor === null) return pages;
    cursor = res.body.next_cursor;
  }
  throw new Error('the walk did not end');
}

/** Follows `next_cursor` through the Express app `app` (see walkWith). */
export function walk(
  app: Express,
  pairs: [string, string][],
  options: { firstCursor?: string; maxPages?: number } = {},
): Promise<WalkedPage[]> {
  return walkWith((url) => getUnified(app, url), pairs, options);
}

/** `serve` on a real loopback port (port 0) with the clock pinned; close it in afterAll. */
export async function startMockServer(extraArgs: string[] = []): Promise<RunningServer> {
  const flags = parseServeFlags(['--port', '0', '--now', NOW, '--log-level', 'silent', ...extraArgs]);
  if (flags === 'help') throw new Error('unexpected help');
  return startServer(flags);
}
